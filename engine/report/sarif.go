package report

import (
	json "github.com/goccy/go-json"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
)

// SARIF writes one SARIF 2.1.0 log with a stable rules table (every rule,
// sorted by ID) and one result per finding. Regions use 1-based lines and
// columns counted in UTF-16 code units, the SARIF default.
type SARIF struct {
	Rules     []core.Rule
	Version   string
	results   []sarifResult
	artifacts []sarifArtifact
	profiles  []sarifProfile
}

// sarifProfile is one document's verdict, in the run's properties: SARIF
// has results per location, not a place for a score per file.
type sarifProfile struct {
	Source      string  `json:"source"`
	Score       float64 `json:"score"`
	Band        string  `json:"band"`
	Reliability float64 `json:"reliability"`
	Slant       float64 `json:"slant"`
}

// sarifArtifact is a file the results point into. Text extracted from a
// JSON or HTML input is an artifact of its own, nested in the input
// (parentIndex) and carried whole (contents), since its lines are not the
// input's lines.
type sarifArtifact struct {
	Location struct {
		URI string `json:"uri"`
	} `json:"location"`
	ParentIndex *int          `json:"parentIndex,omitempty"`
	Contents    *sarifMessage `json:"contents,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

// extracted reports whether a document's text is not its input's bytes
// (JSON fields, HTML pages), so lines in the text are not lines of the file.
func extracted(d *core.Document) bool {
	return d != nil && (d.Format == "json" || d.Format == "json+html" || d.Format == "html")
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"`
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI   string `json:"uri"`
			Index *int   `json:"index,omitempty"`
		} `json:"artifactLocation"`
		Region sarifRegion `json:"region"`
	} `json:"physicalLocation"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  int             `json:"ruleIndex"`
	Level      string          `json:"level"`
	Message    sarifMessage    `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Properties map[string]any  `json:"properties,omitempty"`
}

// Position16 converts a byte offset into a 1-based line and a 1-based column
// counted in UTF-16 code units.
func Position16(text string, off int) (line, col int) {
	if off > len(text) {
		off = len(text)
	}
	before := text[:off]
	line = strings.Count(before, "\n") + 1
	lineText := before[strings.LastIndexByte(before, '\n')+1:]
	col = 1
	for _, r := range lineText {
		col += utf16.RuneLen(r)
	}
	return line, col
}

func sarifLevel(s core.Severity) string {
	switch s {
	case core.Error:
		return "error"
	case core.Warning:
		return "warning"
	}
	return "note"
}

func (s *SARIF) Start(io.Writer) error { return nil }

func (s *SARIF) Write(_ io.Writer, r core.Result) error {
	index := map[string]int{}
	for i, rule := range s.Rules {
		index[rule.ID] = i
	}
	text := ""
	if r.Doc != nil {
		text = r.Doc.Text
	}
	if p := r.Profile; p != nil {
		s.profiles = append(s.profiles, sarifProfile{r.Source, p.Score, p.Band, p.Reliability, p.Slant})
	}
	uri := filepath.ToSlash(sourcePath(r.Source))
	var artifact *int
	if extracted(r.Doc) && len(r.Findings) > 0 {
		parent := len(s.artifacts)
		var in, out sarifArtifact
		in.Location.URI = uri
		out.Location.URI = uri + ".text"
		if r.Source != sourcePath(r.Source) { // one line of a JSONL file
			out.Location.URI = uri + "." + r.Source[strings.LastIndexByte(r.Source, ':')+1:] + ".text"
		}
		out.ParentIndex, out.Contents = &parent, &sarifMessage{Text: text}
		out.Description = &sarifMessage{Text: "The article text Credence extracted from " + r.Source + "; the regions are lines of this text."}
		s.artifacts = append(s.artifacts, in, out)
		i := parent + 1
		artifact, uri = &i, out.Location.URI
	}
	for _, f := range r.Findings {
		res := sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity), Message: sarifMessage{Text: f.Message + " " + f.Explanation}}
		if f.Quoted {
			res.Properties = map[string]any{"quoted": true}
		}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI, loc.PhysicalLocation.ArtifactLocation.Index = uri, artifact
		sl, sc := Position16(text, f.Start)
		el, ec := Position16(text, f.End)
		reg := sarifRegion{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
		if f.End > f.Start && utf8.ValidString(f.Text) {
			reg.Snippet = &sarifMessage{Text: f.Text}
		}
		loc.PhysicalLocation.Region = reg
		res.Locations = []sarifLocation{loc}
		s.results = append(s.results, res)
	}
	return nil
}

// sourcePath drops the ":line" a JSONL source carries.
func sourcePath(src string) string {
	if i := strings.LastIndexByte(src, ':'); i > 0 && strings.HasSuffix(src[:i], ".jsonl") {
		return src[:i]
	}
	return src
}

func (s *SARIF) Finish(w io.Writer) error {
	type rule struct {
		ID                   string       `json:"id"`
		Name                 string       `json:"name"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		FullDescription      sarifMessage `json:"fullDescription"`
		Help                 sarifMessage `json:"help"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
		Properties map[string]any `json:"properties"`
	}
	rules := make([]rule, len(s.Rules))
	for i, r := range s.Rules {
		rules[i] = rule{ID: r.ID, Name: strings.ReplaceAll(r.ID, ".", "/"), ShortDescription: sarifMessage{r.Summary}, FullDescription: sarifMessage{r.Doc}, Help: sarifMessage{r.Doc},
			Properties: map[string]any{"dimension": r.Dimension, "documentLevel": r.DocumentLevel}}
		rules[i].DefaultConfiguration.Level = sarifLevel(r.Severity)
	}
	results := s.results
	if results == nil {
		results = []sarifResult{}
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "credence", "version": s.Version, "informationUri": "https://github.com/credence-news/credence", "rules": rules,
			}},
			"columnKind": "utf16CodeUnits",
			"results":    results,
		}},
	}
	run := log["runs"].([]any)[0].(map[string]any)
	if len(s.artifacts) > 0 {
		run["artifacts"] = s.artifacts
	}
	if len(s.profiles) > 0 {
		run["properties"] = map[string]any{"credence/profiles": s.profiles}
	}
	b, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
