package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/credence-news/credence/engine/core"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var testRules = []core.Rule{
	{ID: "framing.loaded", Dimension: "framing", Severity: core.Warning, Summary: "Loaded.", Doc: "Loaded wording."},
	{ID: "sourcing.hearsay", Dimension: "sourcing", Severity: core.Warning, Summary: "Hearsay.", Doc: "Unconfirmed reports."},
	{ID: "sourcing.weasel", Dimension: "sourcing", Severity: core.Warning, Summary: "Weasel.", Doc: "Vague attribution."},
	{ID: "transparency.byline", Dimension: "transparency", Severity: core.Warning, DocumentLevel: true, Summary: "No byline.", Doc: "No author."},
}

// sample is a fixed result exercising every field a reporter prints.
func sample() []core.Result {
	text := "Kyiv’s “so-called” plan — analysts note it failed.\nSecond line 😁 reportedly.\n"
	doc := &core.Document{ID: "sample", Source: "testdata/sample.txt", Text: text}
	find := func(rule, sub string, sev core.Severity, quoted bool) core.Finding {
		i := bytes.Index([]byte(text), []byte(sub))
		return core.Finding{Rule: rule, Start: i, End: i + len(sub), Text: sub, Severity: sev, Confidence: 0.8,
			Message: "Message for " + rule + ".", Explanation: "Why " + rule + " matters.", Quoted: quoted}
	}
	r := core.Result{
		ID: "sample", Source: doc.Source, Title: "Sample", Doc: doc, Words: 12,
		RefDate: core.RefDate{Value: "2026-01", Precision: "month", Method: "anniversary", Evidence: "approaches its fourth anniversary"},
		Profile: &core.Profile{Score: 61.5, Band: "medium", Reliability: 68.2, Slant: 41.5, SlantBy: []string{"loaded words"}, Confidence: 0.7,
			Dimensions: map[string]float64{"sourcing": 80, "framing": 70, "factual": 100, "transparency": 50, "integrity": 100},
			Top:        []core.Contribution{{Rule: "sourcing.weasel", Start: 39, End: 52, Text: "analysts note", Points: 4.2}}},
		Findings: []core.Finding{
			{Rule: "transparency.byline", Severity: core.Warning, Confidence: 0.9, Message: "Document level: no byline found.", Explanation: "No author."},
			find("framing.loaded", "so-called", core.Warning, true),
			find("sourcing.weasel", "analysts note", core.Warning, false),
			find("sourcing.hearsay", "reportedly", core.Warning, false),
		},
	}
	r.Verdict = &core.Verdict{Pass: false, Reasons: []string{"score 61.5 is below 70", "sourcing.weasel matches --fail-on sourcing.*"}}
	empty := core.Result{ID: "empty", Source: "testdata/empty.txt", Doc: &core.Document{Text: "Clean."}, Findings: []core.Finding{},
		Profile: &core.Profile{Score: 97, Band: "high", Reliability: 96.1, Slant: 8.4, Confidence: 0.4, Dimensions: map[string]float64{}}, Verdict: &core.Verdict{Pass: true}}
	// A partial run (--only, --scorers): findings, no profile.
	partialText := "A so-called plan."
	partial := core.Result{ID: "partial", Source: "testdata/partial.txt", Doc: &core.Document{Text: partialText}, Words: 3,
		Findings: []core.Finding{{Rule: "framing.loaded", Start: 2, End: 11, Text: "so-called", Severity: core.Warning, Confidence: 0.85,
			Message: "Loaded wording: \"so-called\".", Explanation: "Why framing.loaded matters."}}}
	return []core.Result{r, empty, partial}
}

func TestGolden(t *testing.T) {
	formats := Formats()
	for _, f := range SourceFormats {
		formats = append(formats, "sources-"+f)
	}
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			var rep Reporter
			var err error
			if f, ok := strings.CutPrefix(format, "sources-"); ok {
				rep, err = NewSources(f, "")
			} else {
				rep, err = New(format, Options{IncludeText: format == "jsonl", Rules: testRules, Version: "test"})
			}
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := rep.Start(&buf); err != nil {
				t.Fatal(err)
			}
			for _, r := range sample() {
				if err := rep.Write(&buf, r); err != nil {
					t.Fatal(err)
				}
			}
			if err := rep.Finish(&buf); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./engine/report -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s:\n%s", format, golden, buf.String())
			}
		})
	}
}

func TestPosition(t *testing.T) {
	text := "ab\nДж😁x"
	for _, c := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 2, 3}, {11, 2, 4}} {
		if l, col := Position(text, c.off); l != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("yaml", Options{}); err == nil {
		t.Error("want an error for an unknown format")
	}
	if _, err := NewSources("sarif", ""); err == nil || !strings.Contains(err.Error(), "table, json, html") {
		t.Errorf("NewSources(sarif): %v, want an error listing the formats", err)
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	rep, _ := New("sarif", Options{Rules: testRules, Version: "test"})
	var buf bytes.Buffer
	for _, r := range append(sample(), extractedSample()) {
		rep.Write(&buf, r)
	}
	if err := rep.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	schemaFile, err := os.Open("testdata/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF output does not validate: %v", err)
	}
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "9.9", "runs": [{}]}`))
	if sch.Validate(bad) == nil {
		t.Error("the schema accepted an invalid log: the validation proves nothing")
	}
	// Columns are UTF-16 code units: "Kyiv’s “so-called”" puts so-called at column 9.
	if !bytes.Contains(buf.Bytes(), []byte(`"startColumn": 9`)) {
		t.Errorf("expected UTF-16 column 9 for so-called:\n%s", buf.String())
	}
}

// extractedSample is a result for an HTML page: its text was extracted,
// so its lines are not the file's.
func extractedSample() core.Result {
	text := "Headline\n\nCritics argue the plan failed.\n"
	return core.Result{ID: "page", Source: "testdata/page.html", Doc: &core.Document{Text: text, Format: "html"},
		Findings: []core.Finding{{Rule: "sourcing.weasel", Start: 10, End: 23, Text: "Critics argue", Severity: core.Warning, Confidence: 0.8,
			Message: "Vague attribution.", Explanation: "Who?"}}}
}

// TestExtractedTextLocations: findings in text extracted from HTML or JSON
// point into that text as an artifact of its own (SARIF), or name the file
// and quote the passage without a line it does not have (GitHub).
func TestExtractedTextLocations(t *testing.T) {
	var buf bytes.Buffer
	rep, _ := New("sarif", Options{Rules: testRules})
	rep.Write(&buf, extractedSample())
	rep.Finish(&buf)
	var log struct {
		Runs []struct {
			Artifacts []struct {
				Location    struct{ URI string }
				ParentIndex *int
				Contents    *struct{ Text string }
			}
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI   string
							Index *int
						}
						Region struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	loc := run.Results[0].Locations[0].PhysicalLocation
	if len(run.Artifacts) != 2 || loc.ArtifactLocation.Index == nil || *loc.ArtifactLocation.Index != 1 ||
		run.Artifacts[1].ParentIndex == nil || *run.Artifacts[1].ParentIndex != 0 || run.Artifacts[1].Contents == nil ||
		run.Artifacts[1].Location.URI != "testdata/page.html.text" || loc.Region.StartLine != 3 {
		t.Errorf("extracted text is not its own artifact, nested in the page:\n%s", buf.String())
	}
	buf.Reset()
	gh, _ := New("github", Options{})
	gh.Write(&buf, extractedSample())
	if out := buf.String(); strings.Contains(out, "line=") || !strings.Contains(out, `extracted from testdata/page.html: "Critics argue"`) {
		t.Errorf("GitHub annotation for an HTML page: %s", out)
	}
}

func TestPosition16(t *testing.T) {
	text := "a😁b\nx"
	for _, c := range []struct{ off, line, col int }{{0, 1, 1}, {1, 1, 2}, {5, 1, 4}, {6, 1, 5}, {7, 2, 1}} {
		if l, col := Position16(text, c.off); l != c.line || col != c.col {
			t.Errorf("Position16(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
}

func TestHTMLEscapesArticleText(t *testing.T) {
	text := "Headline <script>alert(1)</script>\n\nBody with <b>tags</b> and a \"so-called\" plan & more."
	i := strings.Index(text, "so-called")
	r := core.Result{ID: "x", Source: "x.txt", Title: "<script>alert(2)</script>", Doc: &core.Document{Text: text},
		Findings: []core.Finding{{Rule: "framing.loaded", Start: i, End: i + len("so-called"), Text: "so-called", Severity: core.Warning,
			Message: "Loaded <img src=x onerror=alert(3)>", Explanation: "Why."}},
		Profile: &core.Profile{Score: 50, Band: "medium", Dimensions: map[string]float64{}}}
	var buf bytes.Buffer
	h := &HTML{}
	h.Write(&buf, r)
	if err := h.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>alert", "<b>tags", "<img src=x"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in the HTML", bad)
		}
	}
	for _, good := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;tags&lt;/b&gt;", `class="hl c-framing"`} {
		if !strings.Contains(out, good) {
			t.Errorf("missing %q", good)
		}
	}
	if strings.Contains(out, "<script") || strings.Contains(out, "http://") || strings.Contains(out, "https://") {
		t.Error("the page must be self-contained: no scripts, no network")
	}
}

func TestHTMLCompareGolden(t *testing.T) {
	results := sample()
	results[1].Title = "Second outlet"
	results[1].Doc = &core.Document{Text: "About 30 nations met. Later more than two dozen nations signed."}
	results[1].Quantities = []core.Quantity{{Start: 0, End: 16, Phrase: "About 30 nations", Subject: "nations"}, {Start: 28, End: 55, Phrase: "more than two dozen nations", Subject: "nations"}}
	at := len(results[0].Doc.Text)
	results[0].Doc.Text += "Approximately 40 nations attended.\n"
	results[0].Quantities = []core.Quantity{{Start: at, End: at + 24, Phrase: "Approximately 40 nations", Subject: "nations"}}
	var buf bytes.Buffer
	h := &HTML{Compare: true, Title: "Compare"}
	for _, r := range results {
		h.Write(&buf, r)
	}
	if err := h.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "compare.html.golden")
	if *update {
		os.WriteFile(golden, buf.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("compare report differs from %s", golden)
	}
	if !strings.Contains(buf.String(), "Where the numbers differ") {
		t.Error("no disagreement table")
	}
}

// TestCategoryColoursContrast checks WCAG 2 contrast for every category
// colour: its text colour on its highlight background and on white must reach
// 4.5:1 (AA for normal text).
func TestCategoryColoursContrast(t *testing.T) {
	tmpl, err := templateFS.ReadFile("templates/report.html.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	css := string(tmpl)
	colour := func(name string) [3]float64 {
		i := strings.Index(css, "--"+name+":#")
		if i < 0 {
			t.Fatalf("no colour --%s", name)
		}
		hex := css[i+len(name)+4 : i+len(name)+10]
		var c [3]float64
		for k := range 3 {
			var v int
			fmt.Sscanf(hex[2*k:2*k+2], "%x", &v)
			s := float64(v) / 255
			if s <= 0.03928 {
				c[k] = s / 12.92
			} else {
				c[k] = math.Pow((s+0.055)/1.055, 2.4)
			}
		}
		return c
	}
	lum := func(c [3]float64) float64 { return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2] }
	ratio := func(a, b [3]float64) float64 {
		la, lb := lum(a), lum(b)
		if la < lb {
			la, lb = lb, la
		}
		return (la + 0.05) / (lb + 0.05)
	}
	white := [3]float64{1, 1, 1}
	for _, c := range categories {
		fg, bg := colour(c.Key), colour(c.Key+"-bg")
		if r := ratio(fg, bg); r < 4.5 {
			t.Errorf("%s on its background: contrast %.2f < 4.5", c.Key, r)
		}
		if r := ratio(fg, white); r < 4.5 {
			t.Errorf("%s on white: contrast %.2f < 4.5", c.Key, r)
		}
		if r := ratio(colour("ink"), bg); r < 4.5 {
			t.Errorf("text on the %s highlight: contrast %.2f < 4.5", c.Key, r)
		}
	}
}

func TestShortNames(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{[]string{"pages/bbc/source.html", "pages/cnn/source.html", "a.txt"}, []string{"bbc/source.html", "cnn/source.html", "a.txt"}},
		{[]string{"x/a/b.txt", "y/a/b.txt"}, []string{"x/a/b.txt", "y/a/b.txt"}},
		{[]string{"d/feed.jsonl:1", "d/feed.jsonl:2"}, []string{"feed.jsonl:1", "feed.jsonl:2"}},
		{[]string{"b.txt", "b.txt"}, []string{"b.txt", "b.txt"}},
	} {
		if got := ShortNames(c.in); strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("ShortNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
