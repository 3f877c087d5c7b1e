package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/credence-news/credence/engine/core"
)

var update = flag.Bool("update", false, "rewrite the golden files")

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
		Profile: core.Profile{Score: 61.5, Band: "medium", Confidence: 0.7,
			Dimensions: map[string]float64{"sourcing": 80, "framing": 70, "factual": 100, "transparency": 50, "integrity": 100},
			Top:        []core.Contribution{{Rule: "sourcing.weasel", Start: 39, End: 52, Text: "analysts note", Points: 4.2}}},
		Findings: []core.Finding{
			{Rule: "transparency.byline", Severity: core.Warning, Confidence: 0.9, Message: "Document level: no byline found.", Explanation: "No author."},
			find("framing.loaded", "so-called", core.Warning, true),
			find("sourcing.weasel", "analysts note", core.Warning, false),
			find("sourcing.hearsay", "reportedly", core.Warning, false),
		},
	}
	empty := core.Result{ID: "empty", Source: "testdata/empty.txt", Doc: &core.Document{Text: "Clean."}, Findings: []core.Finding{},
		Profile: core.Profile{Score: 97, Band: "high", Confidence: 0.4, Dimensions: map[string]float64{}}}
	return []core.Result{r, empty}
}

func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			rep, err := New(format, Options{IncludeText: format == "jsonl"})
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
}
