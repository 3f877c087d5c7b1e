package eval

import (
	"flag"
	"fmt"
	"github.com/credence-news/credence/internal/profile"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/credence-news/credence/engine/core"
)

func TestParseFixture(t *testing.T) {
	src := "%% band: low\n%% reliability: 30\n%% reference_date: 2025-09\n%% expect: transparency.byline\nTitle\nA ⟦sourcing.weasel|critics argue⟧ that “⟦framing.loaded|Kyiv’s⟧” plan ⟦framing.loaded|so-called ⟦sourcing.hearsay|reportedly⟧⟧ failed.\n"
	f, err := Parse("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Band != "low" || f.Reliability != 30 || f.RefDate != "2025-09" || len(f.DocRules) != 1 {
		t.Errorf("header: %+v", f)
	}
	if strings.ContainsAny(f.Doc.Text, "⟦⟧|") || !strings.HasPrefix(f.Doc.Text, "Title\nA critics argue") {
		t.Errorf("clean text = %q", f.Doc.Text)
	}
	want := map[string]string{"sourcing.weasel": "critics argue", "sourcing.hearsay": "reportedly"}
	for _, l := range f.Labels {
		got := f.Doc.Text[l.Start:l.End]
		if w, ok := want[l.Rule]; ok && got != w {
			t.Errorf("%s label covers %q, want %q", l.Rule, got, w)
		}
	}
	if len(f.Labels) != 4 {
		t.Errorf("%d labels, want 4 (nested markers included)", len(f.Labels))
	}
	for _, bad := range []string{
		"%% band: low\n%% reliability: 3\nA ⟦sourcing.weasel|open",
		"%% band: low\n%% reliability: 3\nA close⟧",
		"%% band: great\nText",
		"%% band: low\nText without reliability",
		"%% band: low\n%% reliability: 300\nText",
		"%% band: low\n%% reliability: 3\nA ⟦no rule here⟧",
	} {
		if _, err := Parse("bad.txt", []byte(bad)); err == nil {
			t.Errorf("want an error for %q", bad)
		}
	}
}

func TestMatchSpans(t *testing.T) {
	f := &Fixture{Path: "x", Doc: &core.Document{Text: "0123456789abcdef"},
		Labels:   []Label{{"a", 0, 4}, {"a", 8, 12}, {"b", 5, 7}},
		DocRules: []string{"d"}}
	findings := []core.Finding{
		{Rule: "a", Start: 2, End: 5},               // overlaps label 1, not exact
		{Rule: "a", Start: 8, End: 12},              // exact
		{Rule: "a", Start: 13, End: 14},             // unexpected
		{Rule: "b", Start: 5, End: 7, Quoted: true}, // quoted: not counted
		{Rule: "e", Start: 0, End: 0},               // unexpected document-level
	}
	overlap, exact := map[string]*Counts{}, map[string]*Counts{}
	MatchSpans(f, findings, true, overlap)
	MatchSpans(f, findings, false, exact)
	if c := *overlap["a"]; c != (Counts{TP: 2, FP: 1, FN: 0}) {
		t.Errorf("overlap a = %+v", c)
	}
	if c := *exact["a"]; c != (Counts{TP: 1, FP: 2, FN: 1}) {
		t.Errorf("exact a = %+v", c)
	}
	if c := *overlap["b"]; c != (Counts{FN: 1}) {
		t.Errorf("b = %+v", c)
	}
	if overlap["d"].FN != 1 || overlap["e"].FP != 1 {
		t.Errorf("document-level: d %+v e %+v", overlap["d"], overlap["e"])
	}
	if p := overlap["a"].Precision(); math.Abs(p-2.0/3) > 1e-9 {
		t.Errorf("precision %v", p)
	}
}

func TestStatistics(t *testing.T) {
	if r := Spearman([]float64{1, 2, 3, 4}, []float64{10, 20, 30, 40}); math.Abs(r-1) > 1e-9 {
		t.Errorf("Spearman monotone = %v", r)
	}
	if r := Spearman([]float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}); math.Abs(r+1) > 1e-9 {
		t.Errorf("Spearman reversed = %v", r)
	}
	_, ece := Calibration([]float64{0.1, 0.1, 0.9, 0.9}, []float64{0.2, 0.0, 0.9, 0.7}, 10)
	if math.Abs(ece-0.05) > 1e-9 {
		t.Errorf("ECE = %v, want 0.05", ece)
	}
	lo, hi := Bootstrap(100, 200, func(idx []int) float64 { return float64(len(idx)) })
	if lo != 100 || hi != 100 {
		t.Errorf("bootstrap of a constant = %v..%v", lo, hi)
	}
}

func TestFitRecoversSigns(t *testing.T) {
	var samples []Sample
	for i := 0; i < 40; i++ {
		x := float64(i) / 10
		samples = append(samples, Sample{X: map[string]float64{"cost.framing": x}, Y: 1 / (1 + math.Exp(-(2 - 1.5*x)))})
	}
	m, err := Fit(samples, PriorWith("cost.framing"), 0.001)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(m.Weights["cost.framing"]+1.5) > 0.1 || math.Abs(m.Intercept-2) > 0.1 {
		t.Errorf("fit = %+v, want intercept 2, weight -1.5", m)
	}
}

// TestFitCutsWidestMargin: among cuts that classify the training documents
// equally well, the ones midway between the bands' scores.
func TestFitCutsWidestMargin(t *testing.T) {
	m := PriorWith("x")
	var docs []DocResult
	var scores []float64
	for band, ss := range map[string][]float64{"low": {20, 30}, "medium": {60, 65}, "high": {85, 90}} {
		for _, s := range ss {
			docs = append(docs, DocResult{Fixture: &Fixture{Band: band}})
			scores = append(scores, s)
		}
	}
	fitCuts(m, docs, scores)
	if m.MediumAt != 45 || m.HighAt != 75 {
		t.Errorf("cuts %v/%v, want 45/75 (midway between 30 and 60, 65 and 85)", m.MediumAt, m.HighAt)
	}
}

// fixtureReport evaluates the project's fixtures.
func fixtureReport(t *testing.T, opt Options) *Report {
	t.Helper()
	fixtures, err := Load("../testdata/fixtures")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(fixtures, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestShippedModelIsFitted: internal/profile/reliability.json and
// model.json are what `credence fit` makes of the fixtures as they are.
// Change a fixture, a rule or a feature and this fails until `make fit` is
// run again.
func TestShippedModelIsFitted(t *testing.T) {
	rep := fixtureReport(t, Options{Bootstrap: 10})
	for _, c := range []struct {
		file              string
		shipped, refitted *profile.Model
	}{{"reliability.json", profile.Default.Reliability, rep.Models.Reliability}, {"model.json", profile.Default.Overall, rep.Models.Overall}} {
		shipped, refit := c.shipped, c.refitted
		if shipped.FixturesHash != rep.Hash {
			t.Fatalf("%s was fitted on fixtures %q, the fixtures are now %q: run make fit", c.file, shipped.FixturesHash, rep.Hash)
		}
		const tol = 0.002
		if math.Abs(shipped.Intercept-refit.Intercept) > tol || shipped.HighAt != refit.HighAt || shipped.MediumAt != refit.MediumAt || len(shipped.Weights) != len(refit.Weights) {
			t.Errorf("%s intercept %v, cuts %v/%v, %d weights; a refit gives %v, %v/%v, %d: run make fit", c.file, shipped.Intercept, shipped.MediumAt, shipped.HighAt, len(shipped.Weights), refit.Intercept, refit.MediumAt, refit.HighAt, len(refit.Weights))
		}
		for k, w := range refit.Weights {
			if math.Abs(shipped.Weights[k]-w) > tol {
				t.Errorf("%s %s = %v, a refit gives %v: run make fit", c.file, k, shipped.Weights[k], w)
			}
		}
	}
}

// TestRegressionGate runs the evaluation on the project's fixtures and fails
// when a metric falls below eval/baseline.json by more than its tolerance.
func TestRegressionGate(t *testing.T) {
	rep := fixtureReport(t, Options{Bootstrap: 50})
	bl, err := ReadBaseline("baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range bl.Regressions(rep.Metrics()) {
		t.Error(r)
	}
}

var updateMismatches = flag.Bool("update-mismatches", false, "rewrite testdata/known_mismatches.txt")

// TestFixtureMismatches is the fixtures' one-line test: every finding a
// fixture does not label, and every label nothing found, must be listed in
// testdata/known_mismatches.txt (the known gaps, each a line). A new mismatch
// fails, and so does a listed one that no longer occurs (then prune the list
// with -update-mismatches).
func TestFixtureMismatches(t *testing.T) {
	rep := fixtureReport(t, Options{Bootstrap: 1, Folds: 2})
	var got []string
	for _, m := range rep.Mismatches {
		kind := "unexpected"
		if m.Missed {
			kind = "missed"
		}
		got = append(got, fmt.Sprintf("%s %s %s %q", kind, m.Rule, filepath.Base(m.Path), m.Text))
	}
	sort.Strings(got)
	const known = "testdata/known_mismatches.txt"
	if *updateMismatches {
		if err := os.WriteFile(known, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(known)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(b)), "\n")
	listed := map[string]bool{}
	for _, w := range want {
		listed[w] = true
	}
	seen := map[string]bool{}
	for _, g := range got {
		seen[g] = true
		if !listed[g] {
			t.Errorf("new mismatch: %s", g)
		}
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("listed mismatch no longer occurs (run go test ./eval -run Mismatches -update-mismatches): %s", w)
		}
	}
}

func TestAUC(t *testing.T) {
	for _, c := range []struct {
		scores []float64
		pos    []bool
		want   float64
	}{
		{[]float64{1, 2, 3, 4}, []bool{false, false, true, true}, 1},
		{[]float64{1, 2, 3, 4}, []bool{true, true, false, false}, 0},
		{[]float64{1, 1, 1, 1}, []bool{true, false, true, false}, 0.5},
		{[]float64{1, 3, 2, 4}, []bool{false, false, true, true}, 0.75},
	} {
		if got := AUC(c.scores, c.pos); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("AUC(%v, %v) = %v, want %v", c.scores, c.pos, got, c.want)
		}
	}
}

// TestFitSigned: a feature the data pushes against its prior's sign is
// left out; one that agrees stays.
func TestFitSigned(t *testing.T) {
	var samples []Sample
	for i := range 40 {
		good, odd := float64(i%2), float64(i%4/2)
		// y rises with "good" (prior +) and with "odd" (prior −).
		samples = append(samples, Sample{X: map[string]float64{"good": good, "odd": odd}, Y: 0.2 + 0.3*good + 0.3*odd})
	}
	prior := PriorWith("good", "odd")
	prior.Weights["good"], prior.Weights["odd"] = 1, -1
	m, dropped, err := FitSigned(samples, prior, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(dropped, []string{"odd"}) || m.Weights["good"] <= 0 {
		t.Fatalf("dropped %v, weights %v; want odd dropped and good positive", dropped, m.Weights)
	}
	if _, ok := m.Weights["odd"]; ok {
		t.Fatalf("odd still weighted: %v", m.Weights)
	}
}
