// Package profile turns a document's findings into its reliability profile:
// a 0-100 score per dimension, an overall score and band, a confidence, and
// the findings that cost the most points.
//
// Each finding costs weight × confidence × severity factor; a dimension's cost
// is normalised per 1,000 words (short texts count as 300 words, so that one
// finding in a stub does not sink it), and document-level findings cost a
// fixed 1. A dimension's score is 100·exp(−k·cost). The overall score is a
// logistic model over the dimension costs (loaded words apart from the rest
// of framing), the share of claim sentences with no attribution, the numbers
// of named sources and direct quotes, and specificity. Its weights and band
// cuts are in model.json, which `credence fit` fits on the labelled fixtures
// starting from the hand-set prior.json. A document whose integrity scorer
// says too little article text remains is "unscorable", whatever its numbers.
package profile

import (
	_ "embed"
	"github.com/credence-news/credence/lexicons"
	json "github.com/goccy/go-json"
	"math"
	"sort"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
)

// steepness k per dimension: how fast the score falls with cost per 1,000 words.
var steepness = map[string]float64{"sourcing": 0.045, "framing": 0.035, "factual": 0.12, "transparency": 0.35, "integrity": 0.08}

var severityFactor = map[core.Severity]float64{core.Info: 0.5, core.Warning: 1, core.Error: 2}

// thinSourcing is the sourcing cost of a text whose claims are all unattributed.
const thinSourcing = 6.0

// documentLevelCost is the cost (in per-1,000-word units) of a document-level finding.
const documentLevelCost = 1.0

// Band thresholds on the overall score.
const (
	HighAt   = 70
	MediumAt = 45
)

// Model is the logistic combination of features into the overall score.
type Model struct {
	About        string             `json:"about"`
	FixturesHash string             `json:"fixtures_hash,omitempty"`
	CorpusHash   string             `json:"corpus_hash,omitempty"`
	Intercept    float64            `json:"intercept"`
	Weights      map[string]float64 `json:"weights"`
	// Band cuts: high from HighAt, medium from MediumAt (0 = the defaults).
	HighAt   float64 `json:"high_at,omitempty"`
	MediumAt float64 `json:"medium_at,omitempty"`
}

// Band names the band of an overall score under the model's cuts.
func (m *Model) Band(score float64) string {
	hi, med := m.HighAt, m.MediumAt
	if hi == 0 {
		hi = HighAt
	}
	if med == 0 {
		med = MediumAt
	}
	switch {
	case score >= hi:
		return "high"
	case score >= med:
		return "medium"
	}
	return "low"
}

//go:embed model.json
var modelJSON []byte

//go:embed prior.json
var priorJSON []byte

//go:embed slant.json
var slantJSON []byte

//go:embed slant_prior.json
var slantPriorJSON []byte

// Default is the model `credence fit` fitted on the labelled fixtures
// (model.json, with their hash).
var Default = mustLoad("model.json", modelJSON)

// Prior is the hand-set model the fit starts from and shrinks toward
// (prior.json).
var Prior = mustLoad("prior.json", priorJSON)

// Slant is the model of the slant axis that `credence fit` fits on
// articles labelled hyperpartisan or not by the people who read them
// (slant.json, with the corpus's hash): the chance, 0-100, that a reader
// would judge the text one-sided.
var Slant = mustLoad("slant.json", slantJSON)

// SlantPrior is the hand-set slant model the fit starts from and shrinks
// toward (slant_prior.json).
var SlantPrior = mustLoad("slant_prior.json", slantPriorJSON)

func mustLoad(name string, data []byte) *Model {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		panic("profile/" + name + ": " + err.Error()) // a build-time asset; a test loads it
	}
	return &m
}

// Score returns the overall 0-100 score for a feature vector.
func (m *Model) Score(x map[string]float64) float64 {
	z := m.Intercept
	for k, w := range m.Weights {
		z += w * x[k]
	}
	return 100 / (1 + math.Exp(-z))
}

// Features computes the model's inputs for a document: its listed findings
// and those omitted past the per-rule cap, which cost the same, the voice
// of the text, and its slant under the slant model (0-1, as "slant").
func Features(p *analysis.Pass, findings []core.Finding, omitted []core.Omitted, slant *Model) map[string]float64 {
	x := map[string]float64{}
	words := math.Max(float64(p.Words), 300)
	var opinion, speculation float64
	for _, f := range findings {
		if counts(f) {
			c := findingCost(f, words)
			x[costKey(f.Rule)] += c
			switch f.Rule {
			case "framing.editorial":
				opinion += c
			case "framing.speculation":
				speculation += c
			}
		}
	}
	for _, o := range omitted {
		for sev, c := range o.Cost {
			// One finding standing for all of them: cost is linear in weight.
			x[costKey(o.Rule)] += findingCost(core.Finding{Rule: o.Rule, Start: 1, End: 2, Severity: core.Severity(sev), Weight: c, Confidence: 1}, words)
		}
	}

	// The framing costs again, damped like the voice rates, for the slant model.
	x["voice.loaded"] = math.Round(math.Log1p(x["cost.framing.loaded"])*1e4) / 1e4
	x["voice.opinion"] = math.Round(math.Log1p(opinion)*1e4) / 1e4
	x["voice.speculation"] = math.Round(math.Log1p(speculation)*1e4) / 1e4
	voiceFeatures(p, x)
	x["specificity"] = specificity(p)
	if st := analysis.ResultOf(p, analysis.Sourcing); st != nil {
		if st.ClaimSentences > 0 {
			x["unattributed_share"] = 1 - st.AttributedShare
		}
		x["named_sources"] = math.Min(float64(st.DistinctNamed), 5)
		x["direct_quotes"] = math.Min(float64(st.DirectQuotes), 3)
	}
	x["slant"] = round4(slant.Score(x) / 100)
	return x
}

// specificity counts checkable particulars per 100 words, capped at 3:
// numbers and dates, direct quotes, named sources. A fluent text with none
// of them gives the reader nothing to check.
func specificity(p *analysis.Pass) float64 {
	n := len(p.Quotes)
	for i := range p.Tokens {
		t := &p.Tokens[i]
		if t.Punct || t.Norm == "" {
			continue
		}
		if c := t.Norm[0]; c >= '0' && c <= '9' || len(t.Norm) >= 4 && len(t.Norm) <= 9 && monthInitial[c] && monthNames.Has(t) {
			n++
		}
	}
	if st := analysis.ResultOf(p, analysis.Sourcing); st != nil {
		n += st.DistinctNamed
	}
	return math.Min(3, float64(n)*100/math.Max(float64(p.Words), 100))
}

// monthInitial spares most words the map lookup.
var monthInitial = [256]bool{'j': true, 'f': true, 'm': true, 'a': true, 's': true, 'o': true, 'n': true, 'd': true}

var monthNames = text.NewWordSet(lexicons.Words("month_names")...)

// counts reports whether a finding counts against the outlet: not the
// speaker's words inside a quote, not suppressed by an inline marker.
func counts(f core.Finding) bool { return !f.Quoted && f.Suppressed == "" }

func findingCost(f core.Finding, words float64) float64 {
	c := f.Weight * f.Confidence * severityFactor[f.Severity]
	switch {
	case f.Start == f.End && f.Start == 0:
		return c * documentLevelCost
	case dimensionOf(f.Rule) == "factual":
		// A wrong name or title is as wrong in a long article as in a short
		// one: factual errors are counted, not diluted by length.
		return c * factualCost
	}
	return c * 1000 / words
}

// factualCost is the cost of one factual error (weight 1, confidence 1,
// severity error), about what one error costs in a 600-word article.
const factualCost = 1.5

// Compute builds the profile of one analysed document from its features
// (see Features).
func (m *Model) Compute(p *analysis.Pass, findings []core.Finding, x map[string]float64) *core.Profile {
	words := math.Max(float64(p.Words), 300)
	prof := &core.Profile{Dimensions: map[string]float64{}}
	for _, d := range core.Dimensions {
		c := x["cost."+d] + x["cost."+d+".loaded"]
		if d == "sourcing" {
			// Thin sourcing lowers the dimension even with nothing flagged.
			c += thinSourcing * x["unattributed_share"]
		}
		prof.Dimensions[d] = round1(100 * math.Exp(-steepness[d]*c))
	}
	score := m.Score(x)
	prof.Score = round1(score)
	prof.Band = m.Band(prof.Score)
	prof.Slant = round1(100 * x["slant"])
	prof.Reliability = round1(m.reliability(x))
	// Each finding's contribution: the points the overall score would regain
	// without it.
	var contrib []core.Contribution
	for _, f := range findings {
		if !counts(f) {
			continue
		}
		key := costKey(f.Rule)
		c := findingCost(f, words)
		x[key] -= c
		without := m.Score(x)
		x[key] += c
		contrib = append(contrib, core.Contribution{Rule: f.Rule, Start: f.Start, End: f.End, Text: f.Text, Points: round1(without - score)})
	}
	sort.SliceStable(contrib, func(i, j int) bool { return contrib[i].Points > contrib[j].Points })
	if len(contrib) > 3 {
		contrib = contrib[:3]
	}
	prof.Top = contrib
	// Confidence grows with length (more evidence) and falls when the reference
	// date is unknown (date-dependent checks could not run).
	conf := 1 - math.Exp(-float64(p.Words)/250)
	if !p.RefDate.Known() {
		conf *= 0.85
	}
	prof.Confidence = round2(conf)
	if n := analysis.ResultOf(p, analysis.Factual).Unchecked; n > 0 {
		prof.FactualUnchecked = n
		conf *= 0.9 // the factual dimension is not vouched for
		prof.Confidence = round2(conf)
	}
	prof.Sourcing = analysis.ResultOf(p, analysis.Sourcing)
	prof.Framing = analysis.ResultOf(p, analysis.Framing)
	if reason := analysis.ResultOf(p, analysis.Integrity).Unscorable; reason != "" {
		prof.Band = "unscorable"
		prof.Reason = reason
		prof.Confidence = round2(math.Min(prof.Confidence, 0.3))
	}
	return prof
}

// costKey names the feature a finding's cost adds to: its dimension's,
// except that loaded words are kept apart from the rest of framing. An
// outlet that argues in its own voice (editorial, speculation, one-sided
// tone) is a different fault from one that picks a loaded word, and the fit
// weighs the two separately (the fixtures' labels, like LABELS.md, count the
// first as the worse).
func costKey(rule string) string {
	if rule == "framing.loaded" {
		return "cost.framing.loaded"
	}
	return "cost." + dimensionOf(rule)
}

func dimensionOf(rule string) string {
	for i := 0; i < len(rule); i++ {
		if rule[i] == '.' {
			return rule[:i]
		}
	}
	return rule
}

// reliability is the overall score with every framing feature at zero:
// what the article's sourcing, facts, transparency and integrity alone earn
// it, however it is worded.
func (m *Model) reliability(x map[string]float64) float64 {
	z := m.Intercept
	for k, w := range m.Weights {
		if k != "slant" && !strings.HasPrefix(k, "cost.framing") && !strings.HasPrefix(k, "voice.") {
			z += w * x[k]
		}
	}
	return 100 / (1 + math.Exp(-z))
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
func round2(x float64) float64 { return math.Round(x*100) / 100 }
