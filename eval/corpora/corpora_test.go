package corpora

import (
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/ingest"
	"github.com/credence-news/credence/internal/profile"
	"github.com/credence-news/credence/internal/spanmodel"
	"github.com/credence-news/credence/lexicons"
)

// useSharedData points DataDir at ../shared/data as seen from this
// package's directory, for the length of the test.
func useSharedData(t *testing.T) {
	old := DataDir
	DataDir = filepath.Join("..", "..", "..", "shared", "data")
	t.Cleanup(func() { DataDir = old })
}

// TestRealNewsFactualFalseAlarms guards what the factual checks cost on real,
// professionally edited news (BASIL and PolNeAR, when ../shared/data is
// present): two verified misspellings and one likely false alarm today, so
// a change that brings back the dozens found before (historical titles,
// "the war" in 2010) fails here.
func TestRealNewsFactualFalseAlarms(t *testing.T) {
	useSharedData(t)
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	basil, polnear, found := RealNewsFactual(eng)
	if basil+polnear == 0 {
		t.Skip("no BASIL or PolNeAR articles in ../shared/data")
	}
	// Errors the articles really make, checked by hand: not false alarms.
	verified := []string{
		"(polnear/nyt_2016-06-28_clinton-and-warren-team-up-on-tr.txt, 2016-06-28): Misspelt given name: Hillary, not Hilary.",
		"(polnear/west-journal_2015-12-09_the-email-that-makes-benghazi-lo.txt, 2015-12-09): Misspelt given name: Hillary, not Hilary.",
	}
	var alarms []string
	for _, f := range found {
		if !slices.ContainsFunc(verified, func(v string) bool { return strings.HasSuffix(f, v) }) {
			alarms = append(alarms, f)
		}
	}
	if len(alarms) > 2 {
		t.Errorf("%d factual findings on %d real articles are not verified errors (at most 2 expected):\n%s", len(alarms), basil+polnear, strings.Join(alarms, "\n"))
	}
}

// TestFramingBeatsWordLists holds framing.loaded to the framing issue's
// targets on the external corpora (when ../shared/data is present): a clear
// margin over VADER's word list, ahead of its own words matched bare, and
// BABE macro-F1 ≥ 0.70 for the learned combination and for opinion in
// the news voice by the rules.
func TestFramingBeatsWordLists(t *testing.T) {
	useSharedData(t)
	_, m := externalCorpora()
	if m == nil {
		t.Skip("no ../shared/data")
	}
	for _, c := range []string{"ptc", "basil", "basil_outlet"} {
		if got, vader := m[c+".f1"], m[c+".vader"]; got < vader*1.5 {
			t.Errorf("%s: framing.loaded F1 %.3f, want at least 1.5× the VADER word list's %.3f", c, got, vader)
		}
		if got, own := m[c+".f1"], m[c+".own"]; got <= own {
			t.Errorf("%s: framing.loaded F1 %.3f, not above its own words matched bare (%.3f)", c, got, own)
		}
	}
	if got := m["babe.rule"]; got <= m["babe.vader"] || got <= m["babe.own"] {
		t.Errorf("BABE: rule macro-F1 %.3f, not above the word lists (VADER %.3f, own %.3f)", got, m["babe.vader"], m["babe.own"])
	}
	if got := m["babe.learned"]; got < 0.70 {
		t.Errorf("BABE: learned macro-F1 %.3f, want ≥ 0.70", got)
	}
	// Opinion in the news voice (0.733 when this was written): the rules,
	// not a model, decide it, and they should stay well above a word list.
	if got := m["babe.opinion_rule"]; got < 0.70 {
		t.Errorf("BABE opinion: rule macro-F1 %.3f, want ≥ 0.70", got)
	}
}

// TestSlantModelFresh fails when internal/profile/slant.json is not what
// `make fit` gives today: the corpus changed, or the engine now reads the
// voice of its articles differently. Rerun `make fit`.
func TestSlantModelFresh(t *testing.T) {
	useSharedData(t)
	if _, err := os.Stat(HyperpartisanPath()); err != nil {
		t.Skip("no hyperpartisan corpus in ../shared/data")
	}
	m, err := FitSlant()
	if err != nil {
		t.Fatal(err)
	}
	shipped := profile.Default.Slant
	if m.CorpusHash != shipped.CorpusHash {
		t.Fatalf("slant.json was fitted on corpus %s, ../shared has %s: run make fit", shipped.CorpusHash, m.CorpusHash)
	}
	if !maps.EqualFunc(m.Weights, shipped.Weights, func(a, b float64) bool { return math.Abs(a-b) < 1e-3 }) || math.Abs(m.Intercept-shipped.Intercept) > 1e-3 {
		t.Fatalf("slant.json is stale: a fit today gives %v (intercept %.4f), shipped %v (intercept %.4f): run make fit", m.Weights, m.Intercept, shipped.Weights, shipped.Intercept)
	}
}

// TestSpanModelFresh fails when lexicons/spanmodel.json is not what a fit on
// today's corpora and lexicon gives (a lexicon change moves the features
// the model reads): run make fit.
func TestSpanModelFresh(t *testing.T) {
	useSharedData(t)
	if _, err := os.Stat(filepath.Join(DataDir, "ptc")); err != nil {
		t.Skip("no PTC in ../shared/data")
	}
	m, err := FitSpanModel()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := lexicons.FS.ReadFile(lexicons.SpanModel)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := spanmodel.Parse(lexicons.SpanModel, raw)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case m.CorpusHash != shipped.CorpusHash:
		t.Fatalf("spanmodel.json was fitted on corpora %s, ../shared has %s: run make fit", shipped.CorpusHash, m.CorpusHash)
	case m.Threshold != shipped.Threshold || !slices.Equal(m.Words, shipped.Words):
		t.Fatalf("spanmodel.json is stale: a fit today chooses threshold %.2f and %d words, shipped %.2f and %d: run make fit", m.Threshold, len(m.Words), shipped.Threshold, len(shipped.Words))
	case !slices.EqualFunc(m.Weights, shipped.Weights, func(a, b float64) bool { return math.Abs(a-b) < 1e-3 }):
		t.Fatalf("spanmodel.json is stale: a fit today gives other weights: run make fit")
	}
}

// TestLoadedPrecisionSet holds the loaded-language rule to its judged
// precision on professional news (eval/testdata/loaded_precision.tsv): a
// change that brings back a class of false alarm fails here.
func TestLoadedPrecisionSet(t *testing.T) {
	useSharedData(t)
	was := PrecisionSetDir
	PrecisionSetDir = filepath.Join("..", "..", was)
	t.Cleanup(func() { PrecisionSetDir = was })
	if _, err := os.Stat(filepath.Join(DataDir, "polnear")); err != nil {
		t.Skip("no PolNeAR in ../shared/data")
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run := &externalRun{metrics: map[string]float64{}}
	if _, err := externalPrecisionSet(eng, run); err != nil {
		t.Fatal(err)
	}
	if p := run.metrics["loaded.precision"]; p < 0.66 {
		t.Errorf("precision on the judged set %.3f, want at least 0.66", p)
	}
	if p := run.metrics["loaded.precision_fresh"]; p < 0.65 {
		t.Errorf("precision on the fresh judged set %.3f, want at least 0.65", p)
	}
	// Each held-out draw is 100 findings (±0.09 at 95%): seed 2030 gave
	// 0.66, 2031 0.67, 2032 0.63, 2033 0.71, 2034 0.70 when drawn; the last
	// 200 findings, 2035 and 2036, 0.735; the last 145 (2037 and 2038) 0.745.
	if p := run.metrics["loaded.precision_heldout"]; p < 0.60 {
		t.Errorf("precision on the held-out judged set %.3f, want at least 0.60", p)
	}
	// Every finding on BASIL and PolNeAR is judged, and every one on the
	// mainstream articles: 0.800 and 0.659 on 2026-12-07.
	if p := run.metrics["loaded.precision_census"]; p < 0.76 {
		t.Errorf("precision of every finding on BASIL and PolNeAR %.3f, want at least 0.76", p)
	}
	if p := run.metrics["loaded.precision_census_mainstream"]; p < 0.62 {
		t.Errorf("precision of every finding on the mainstream articles %.3f, want at least 0.62", p)
	}
}

// TestPageLanguages: every saved page that declares its language (the
// expected metadata's "lang") is read as that language: English runs the
// English rules, any other gets no English verdict.
func TestPageLanguages(t *testing.T) {
	useSharedData(t)
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, pg := range savedPages() {
		if pg.Meta.Lang == "" {
			continue
		}
		want, _, _ := strings.Cut(strings.ToLower(pg.Meta.Lang), "-")
		doc, err := ingest.Parse(pg.Path, "html", pg.Source)
		if err != nil {
			continue
		}
		res, err := eng.Analyze(doc)
		if err != nil {
			t.Fatal(err)
		}
		got := res.Language
		if got == "" {
			got = "en"
		}
		if got != want {
			t.Errorf("%s: read as %q, the page declares %q", pg.Name, got, want)
		}
		n++
	}
	if n == 0 {
		t.Skip("no saved pages with a declared language")
	}
}

// TestPageFurniture holds what the furniture rules do to the saved English
// news pages read as plain-text dumps (when ../shared/data is present):
// lines kept out are furniture (precision), most furniture is kept out
// (recall), and, with the same metadata on both sides, the page's score
// stays within 5 points of its article's for at least 90% of them and at
// most two pages change band (26 of 26 and none on 2026-12-06; one,
// theverge at 53.2–53.4 against a cut of 53.5, on 2026-12-07; two on
// 2026-12-08, below).
func TestPageFurniture(t *testing.T) {
	useSharedData(t)
	if _, err := os.Stat(filepath.Join(DataDir, "pages")); err != nil {
		t.Skip("no saved pages in ../shared/data")
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run := &externalRun{metrics: map[string]float64{}}
	if _, err := externalFurniture(eng, run); err != nil {
		t.Fatal(err)
	}
	for key, least := range map[string]float64{"furniture.news.line_precision": 0.95, "furniture.news.line_recall": 0.9, "furniture.news.score_within5": 0.9} {
		if got := run.metrics[key]; got < least || math.IsNaN(got) {
			t.Errorf("%s %.3f, want at least %.2f", key, got, least)
		}
	}
	// A page whose article sits within a point or two of a band's cut may
	// cross it by what its dump adds, and each refit of the models moves
	// such a page by tenths: theverge (a standfirst and an author's line the
	// reviewed text lacks, which dilute its loaded words) and, since the
	// refit of 2026-12-08 put its article text at 53.1 against a cut of 53,
	// msn (its standfirst, which the reviewed text leaves out, asks "so
	// what's not to love?", a question in the outlet's own voice). Two such
	// pages are allowed, three are a regression.
	if n := run.metrics["furniture.news.band_changes"]; n > 2 {
		t.Errorf("%v news pages change band through furniture alone, want at most 2", n)
	}
}
