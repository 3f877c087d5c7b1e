package profile

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
)

// TestFindingCost: what one finding costs, by kind.
func TestFindingCost(t *testing.T) {
	for _, c := range []struct {
		name  string
		f     core.Finding
		words float64
		want  float64
	}{
		{"a span, per 1,000 words", core.Finding{Rule: "framing.loaded", Start: 5, End: 9, Severity: core.Warning, Weight: 1, Confidence: 1}, 500, 2},
		{"weight, confidence and severity multiply", core.Finding{Rule: "sourcing.weasel", Start: 5, End: 9, Severity: core.Error, Weight: 1.5, Confidence: 0.8}, 1000, 1.5 * 0.8 * 2},
		{"info counts half", core.Finding{Rule: "sourcing.hearsay", Start: 5, End: 9, Severity: core.Info, Weight: 1, Confidence: 1}, 1000, 0.5},
		{"document level: a fixed cost", core.Finding{Rule: "transparency.byline", Severity: core.Warning, Weight: 1, Confidence: 0.9}, 5000, 0.9 * documentLevelCost},
		{"factual: counted, not diluted by length", core.Finding{Rule: "factual.title", Start: 5, End: 9, Severity: core.Error, Weight: 1, Confidence: 1}, 5000, 2 * factualCost},
	} {
		if got := findingCost(c.f, c.words); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: cost %v, want %v", c.name, got, c.want)
		}
	}
}

// TestBands: the default cuts and a model's own.
func TestBands(t *testing.T) {
	def := &Model{}
	fitted := &Model{HighAt: 71, MediumAt: 54}
	for _, c := range []struct {
		m     *Model
		score float64
		want  string
	}{
		{def, HighAt, "high"}, {def, HighAt - 0.1, "medium"}, {def, MediumAt, "medium"}, {def, MediumAt - 0.1, "low"}, {def, 0, "low"},
		{fitted, 71, "high"}, {fitted, 70.9, "medium"}, {fitted, 54, "medium"}, {fitted, 53.9, "low"},
	} {
		if got := c.m.Band(c.score); got != c.want {
			t.Errorf("cuts %v/%v, score %v: %s, want %s", c.m.HighAt, c.m.MediumAt, c.score, got, c.want)
		}
	}
}

// TestScoreIsLogistic: 100·sigmoid(intercept + Σ weight·feature).
func TestScoreIsLogistic(t *testing.T) {
	m := &Model{Intercept: 1, Weights: map[string]float64{"cost.framing": -0.5, "named_sources": 0.25}}
	x := map[string]float64{"cost.framing": 4, "named_sources": 2, "ignored": 100}
	want := 100 / (1 + math.Exp(-(1 - 2 + 0.5)))
	if got := m.Score(x); math.Abs(got-want) > 1e-9 {
		t.Errorf("score %v, want %v", got, want)
	}
}

func pass(t *testing.T, text string) *analysis.Pass {
	t.Helper()
	return analysis.NewPass(&core.Document{Text: text}, nil, nil, nil)
}

// set runs a stage that produces v as r, as the scorers would.
func set[T any](p *analysis.Pass, r *analysis.Result[T], v T) {
	analysis.NewStage("test", r, nil, func(*analysis.Pass) T { return v }).Run(p)
}

// TestOmittedCostsTheSame: findings past the listing cap cost what they
// would have cost listed, so the cap never moves a score.
func TestOmittedCostsTheSame(t *testing.T) {
	p := pass(t, strings.Repeat("The council met on Monday. ", 100))
	var listed []core.Finding
	omitted := core.Omitted{Rule: "integrity.duplicate"}
	for i := range 40 {
		f := core.Finding{Rule: "integrity.duplicate", Start: i + 1, End: i + 2, Severity: core.Warning, Weight: 2, Confidence: 0.95}
		listed = append(listed, f)
		omitted.Count++
		omitted.Cost[f.Severity] += f.Weight * f.Confidence
	}
	a := Features(tallyOf(p), listed, nil)
	b := Features(tallyOf(p), nil, []core.Omitted{omitted})
	if math.Abs(a["cost.integrity"]-b["cost.integrity"]) > 1e-9 {
		t.Errorf("listed cost %v, omitted cost %v", a["cost.integrity"], b["cost.integrity"])
	}
}

// TestComputeConfidenceAndUnscorable: confidence grows with length and
// falls without a reference date or with checks skipped; a text the
// integrity scorer calls no article is unscorable whatever its numbers.
func TestComputeConfidenceAndUnscorable(t *testing.T) {
	text := strings.Repeat("The council met on Monday and approved the budget. ", 60)
	base := 1 - math.Exp(-float64(pass(t, text).Words)/250)
	dated := core.RefDate{Value: "2025-01-01", Precision: core.PrecisionDay, Method: "metadata", Time: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		name      string
		ref       core.RefDate
		unchecked int
		reason    string
		wantConf  float64
		wantBand  string
	}{
		{"dated", dated, 0, "", base, ""},
		{"no reference date", core.RefDate{}, 0, "", base * 0.85, ""},
		{"checks skipped", core.RefDate{}, 3, "", base * 0.85 * 0.9, ""},
		{"not an article", dated, 0, "not an article: the article is behind a paywall", 0.3, "unscorable"},
	} {
		p := pass(t, text)
		p.RefDate = c.ref
		set(p, analysis.Factual, core.FactualChecks{Unchecked: c.unchecked})
		set(p, analysis.Integrity, core.Integrity{Unscorable: c.reason})
		x := Features(tallyOf(p), nil, nil)
		prof := Default.Compute(tallyOf(p), nil, x)
		if math.Abs(prof.Confidence-round2(c.wantConf)) > 1e-9 {
			t.Errorf("%s: confidence %v, want %v", c.name, prof.Confidence, round2(c.wantConf))
		}
		if c.wantBand != "" && (prof.Band != c.wantBand || prof.Reason != c.reason) {
			t.Errorf("%s: band %q (%q), want %q", c.name, prof.Band, prof.Reason, c.wantBand)
		}
		if prof.FactualUnchecked != c.unchecked {
			t.Errorf("%s: factual_unchecked %d, want %d", c.name, prof.FactualUnchecked, c.unchecked)
		}
	}
}

// TestDimensionScores: a dimension's score is 100·exp(−k·cost), so a
// clean text scores 100 in every dimension and more cost scores less.
func TestDimensionScores(t *testing.T) {
	p := pass(t, strings.Repeat("The council met on Monday and approved the budget. ", 100))
	clean := Default.Compute(tallyOf(p), nil, Features(tallyOf(p), nil, nil))
	for _, d := range core.Dimensions {
		if d != "sourcing" && clean.Dimensions[d] != 100 {
			t.Errorf("clean text: %s = %v, want 100", d, clean.Dimensions[d])
		}
	}
	f := core.Finding{Rule: "framing.editorial", Start: 4, End: 11, Severity: core.Warning, Weight: 1, Confidence: 1}
	one := Default.Compute(tallyOf(p), []core.Finding{f}, Features(tallyOf(p), []core.Finding{f}, nil))
	cost := findingCost(f, float64(p.Words))
	if want := round1(100 * math.Exp(-steepness["framing"]*cost)); one.Dimensions["framing"] != want {
		t.Errorf("one editorial finding: framing %v, want %v", one.Dimensions["framing"], want)
	}
	if one.Score >= clean.Score {
		t.Errorf("a finding did not lower the score: %v vs %v", one.Score, clean.Score)
	}
}

func TestDrivers(t *testing.T) {
	m := &Model{Weights: map[string]float64{"voice.loaded": 1, "voice.questions": 0.5, "voice.we": 0.1, "voice.quotes": -1}}
	for _, c := range []struct {
		x    map[string]float64
		want []string
	}{
		{map[string]float64{"voice.loaded": 2, "voice.questions": 1, "voice.we": 1, "voice.quotes": 3}, []string{"loaded words", "questions put to the reader"}},
		{map[string]float64{"voice.loaded": 0.1, "voice.questions": 2}, []string{"questions put to the reader"}},
		{map[string]float64{}, []string{}},
	} {
		if got := m.Drivers(c.x); !slices.Equal(got, c.want) {
			t.Errorf("Drivers(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}

// TestFurnitureCostsThePageNotTheScore: page furniture (chrome, a comment
// section, a repeated label) lowers the integrity dimension, within its
// bound, and leaves the score and band where the article puts them; a
// paragraph pasted twice is the article's own damage and costs the score.
func TestFurnitureCostsThePageNotTheScore(t *testing.T) {
	p := pass(t, strings.Repeat("The council met on Monday and approved the budget. ", 100))
	clean := Default.Compute(tallyOf(p), nil, Features(tallyOf(p), nil, nil))
	var chrome []core.Finding
	for i := range 300 {
		chrome = append(chrome, core.Finding{Rule: "integrity.chrome", Start: i + 1, End: i + 2, Severity: core.Warning, Weight: 0.25, Confidence: 0.8})
	}
	page := Default.Compute(tallyOf(p), chrome, Features(tallyOf(p), chrome, nil))
	if page.Score != clean.Score || page.Band != clean.Band {
		t.Errorf("furniture moved the score: %v (%s) vs %v (%s)", page.Score, page.Band, clean.Score, clean.Band)
	}
	if floor := round1(100 * math.Exp(-steepness["integrity"]*maxFurnitureCost*1000/float64(p.Words))); page.Dimensions["integrity"] >= 100 || page.Dimensions["integrity"] < floor {
		t.Errorf("integrity %v: want below 100 and at least %v (the bound)", page.Dimensions["integrity"], floor)
	}
	pasted := []core.Finding{{Rule: "integrity.duplicate", Start: 10, End: 60, Severity: core.Warning, Weight: 2, Confidence: 0.95}}
	if damaged := Default.Compute(tallyOf(p), pasted, Features(tallyOf(p), pasted, nil)); damaged.Score >= clean.Score {
		t.Errorf("a paragraph pasted twice did not lower the score: %v vs %v", damaged.Score, clean.Score)
	}
}

// TestVoiceReadsWordsNotLookalikes: "US" is the country and "should a deal
// materialize" a condition (both found in seed 002); "we" and an
// obligation in the outlet's voice count.
func TestVoiceReadsWordsNotLookalikes(t *testing.T) {
	for _, c := range []struct {
		text       string
		we, modals bool
	}{
		{"The deal needs approval from the US Congress.", false, false},
		{"Troops would deploy should a peace agreement materialize.", false, false},
		{"Should there be a vote, the bill will pass.", false, false},
		{"We must act now, and the council should resign.", true, true},
	} {
		x := map[string]float64{}
		voiceFeatures(tallyOf(pass(t, c.text)), x)
		if got := x["voice.we"] > 0; got != c.we {
			t.Errorf("%q: voice.we %v, want %v", c.text, x["voice.we"], c.we)
		}
		if got := x["voice.modals"] > 0; got != c.modals {
			t.Errorf("%q: voice.modals %v, want %v", c.text, x["voice.modals"], c.modals)
		}
	}
}

func tallyOf(p *analysis.Pass) *Tally {
	t := Count(p)
	return &t
}

// TestTallyAddsUp: the tallies of two texts add up to the tally of both,
// as the windows of a long document do; the sourcing shares are weighed
// by what each window counted, and a name counts once.
func TestTallyAddsUp(t *testing.T) {
	a := "Council approves budget\n\nWhy would anyone object? We must act, the mayor said on Monday.\n\n"
	b := "Officials said 40 people were hurt in March! \u201cIt is a disaster,\u201d Jane Roe said. You should know.\n\n"
	sum := Count(pass(t, a))
	sum.Add(Count(pass(t, b)), len(a))
	if both := Count(pass(t, a+b)); sum != both {
		t.Errorf("tallies added %+v, want %+v", sum, both)
	}
	if sum.Questions == 0 || sum.Exclamations == 0 || sum.We == 0 || sum.You == 0 || sum.Modals < 2 || sum.Specific < 2 || sum.Quotes == 0 {
		t.Errorf("tally %+v: a count the texts hold is missing (the test checks nothing)", sum)
	}
	s := addSourcing(
		&core.SourcingStats{Named: 2, ClaimSentences: 4, AttributedShare: 0.5, DirectQuotes: 1, Relations: 2, Quoted: []string{"Jane Roe", "Tom Poe"}},
		&core.SourcingStats{Named: 1, ClaimSentences: 6, AttributedShare: 1, DirectQuotes: 2, Relations: 2, Quoted: []string{"Roe"}})
	if s.Named != 3 || s.ClaimSentences != 10 || s.AttributedShare != 0.8 || s.DirectQuoteShare != 0.75 || s.DistinctNamed != 2 {
		t.Errorf("sourcing added: %+v", s)
	}
	f := addFraming(&core.FramingStats{Densities: map[string]float64{"loaded": 10}, MostLoaded: []core.Span{{Start: 1, End: 5}}},
		&core.FramingStats{Densities: map[string]float64{"loaded": 4, "editorial": 2}, MostLoaded: []core.Span{{Start: 1, End: 5}, {Start: 9, End: 12}}}, 100, 300, 1000)
	if f.Densities["loaded"] != 5.5 || f.Densities["editorial"] != 1.5 || len(f.MostLoaded) != 2 || f.MostLoaded[1] != (core.Span{Start: 1001, End: 1005}) {
		t.Errorf("framing added: %+v", f)
	}
}
