// Package eval measures Credence against hand-labelled fixtures: it loads the
// annotated articles in testdata/fixtures, matches findings to labels per
// rule (overlapping and exact spans), scores the document verdicts (band,
// reliability, reference date), fits and cross-validates the profile model,
// and writes eval/REPORT.md.
package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
)

// Label is one expected finding: a rule over a span of the cleaned text.
type Label struct {
	Rule       string
	Start, End int
}

// Fixture is one hand-labelled article.
type Fixture struct {
	Path        string
	Raw         []byte // the file as read, with its markers (for Hash)
	Doc         *core.Document
	Labels      []Label
	DocRules    []string // expected document-level findings
	Band        string
	Reliability float64
	RefDate     string
	Topic       string
	Style       string
}

// Marker syntax: ⟦rule|text⟧. The brackets (U+27E6, U+27E7) never occur in
// news copy, so a fixture reads naturally and cannot collide with its text.
const (
	open  = "⟦"
	close = "⟧"
)

// Parse reads a fixture: header lines "%% key: value" at the top, then the
// article with inline markers, which are stripped (their spans recorded in
// the cleaned text).
func Parse(path string, data []byte) (*Fixture, error) {
	f := &Fixture{Path: path, Reliability: -1}
	body := string(data)
	meta := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(body))
	consumed := 0
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "%% ") {
			break
		}
		consumed += len(line) + 1
		k, v, ok := strings.Cut(strings.TrimPrefix(line, "%% "), ":")
		if !ok {
			return nil, fmt.Errorf("%s: header line %q is not key: value", path, line)
		}
		meta[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	body = body[consumed:]
	var clean strings.Builder
	type openMark struct {
		rule  string
		start int
	}
	var stack []openMark
	line := 1 + strings.Count(string(data[:consumed]), "\n")
	for i := 0; i < len(body); {
		switch {
		case strings.HasPrefix(body[i:], open):
			j := strings.Index(body[i:], "|")
			if j < 0 || strings.ContainsAny(body[i+len(open):i+j], " \n⟦⟧") {
				return nil, fmt.Errorf("%s:%d: marker without \"rule|\"", path, line)
			}
			stack = append(stack, openMark{body[i+len(open) : i+j], clean.Len()})
			i += j + 1
		case strings.HasPrefix(body[i:], close):
			if len(stack) == 0 {
				return nil, fmt.Errorf("%s:%d: %s without an opening %s", path, line, close, open)
			}
			m := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			f.Labels = append(f.Labels, Label{Rule: m.rule, Start: m.start, End: clean.Len()})
			i += len(close)
		default:
			r, size := utf8.DecodeRuneInString(body[i:])
			if r == '\n' {
				line++
			}
			clean.WriteString(body[i : i+size])
			i += size
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%s: unclosed marker %s%s|", path, open, stack[0].rule)
	}
	sort.Slice(f.Labels, func(i, j int) bool { return f.Labels[i].Start < f.Labels[j].Start })
	format := "txt"
	if strings.HasSuffix(path, ".md") {
		format = "md"
	}
	doc, err := ingest.Parse(path, format, []byte(clean.String()))
	if err != nil {
		return nil, err
	}
	doc.Published, doc.Byline = meta["published"], meta["byline"]
	f.Doc = doc
	f.Band = meta["band"]
	switch f.Band {
	case "high", "medium", "low", "unscorable":
	default:
		return nil, fmt.Errorf("%s: header needs band: high|medium|low|unscorable (got %q)", path, f.Band)
	}
	if v, ok := meta["reliability"]; ok {
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 0 || n > 100 {
			return nil, fmt.Errorf("%s: reliability must be 0-100 (got %q)", path, v)
		}
		f.Reliability = n
	} else if f.Band != "unscorable" {
		return nil, fmt.Errorf("%s: header needs reliability: 0-100", path)
	}
	f.RefDate = meta["reference_date"]
	f.DocRules = strings.Fields(meta["expect"])
	f.Topic, f.Style = meta["topic"], meta["style"]
	return f, nil
}

// Load reads every fixture (*.txt, *.md) under dir, sorted.
func Load(dir string) ([]*Fixture, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() != "README.md" && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md")) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []*Fixture
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		f, err := Parse(p, b)
		if f != nil {
			f.Raw = b
		}
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no fixtures", dir)
	}
	return out, nil
}
