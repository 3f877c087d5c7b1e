// Package profile turns a document's findings into its reliability profile:
// a 0-100 score per dimension, an overall score and band, a confidence, and
// the findings that cost the most points.
//
// Each finding costs weight × confidence × severity factor; a dimension's cost
// is normalised per 1,000 words (short texts count as 300 words, so that one
// finding in a stub does not sink it), and document-level findings cost a
// fixed 1. A dimension's score is 100·exp(−k·cost). Three logistic models
// (see Models) make the two axes and the overall score: reliability from
// the costs of sourcing, facts, transparency and integrity and from the
// sourcing statistics; slant from the outlet's own voice; the score from
// both. A document whose integrity scorer says too little article text
// remains is "unscorable", whatever its numbers.
package profile

import (
	_ "embed"
	"github.com/credence-news/credence/lexicons"
	json "github.com/goccy/go-json"
	"math"
	"sort"
	"unicode/utf8"

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

// Model is one logistic model: 100·sigmoid(intercept + Σ weight·feature).
type Model struct {
	About        string             `json:"about"`
	FixturesHash string             `json:"fixtures_hash,omitempty"`
	CorpusHash   string             `json:"corpus_hash,omitempty"`
	Intercept    float64            `json:"intercept"`
	Weights      map[string]float64 `json:"weights"`
	// Band cuts (the overall model only): high from HighAt, medium from
	// MediumAt (0 = the defaults).
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

// Score returns the model's 0-100 value for a feature vector.
func (m *Model) Score(x map[string]float64) float64 {
	z := m.Intercept
	for k, w := range m.Weights {
		z += w * x[k]
	}
	return 100 / (1 + math.Exp(-z))
}

// Models are the three models a profile is made with, each a data file
// with its hand-set prior beside it:
//   - Reliability (reliability.json, fitted by `credence fit` on the
//     labelled fixtures): what the sourcing, facts, transparency and
//     integrity of the text earn it, however it is worded;
//   - Slant (slant.json, fitted by `make fit` on articles people judged
//     hyperpartisan or not): how one-sided the outlet's own voice reads;
//   - Overall (model.json, fitted on the fixtures after Reliability): the
//     score, from the logit of reliability and from slant, with the band cuts.
type Models struct {
	Reliability, Slant, Overall *Model
}

//go:embed reliability.json
var reliabilityJSON []byte

//go:embed reliability_prior.json
var reliabilityPriorJSON []byte

//go:embed slant.json
var slantJSON []byte

//go:embed slant_prior.json
var slantPriorJSON []byte

//go:embed model.json
var modelJSON []byte

//go:embed prior.json
var priorJSON []byte

// Default are the fitted models; Prior the hand-set ones the fits start
// from and shrink toward.
var (
	Default = &Models{Reliability: mustLoad("reliability.json", reliabilityJSON), Slant: mustLoad("slant.json", slantJSON), Overall: mustLoad("model.json", modelJSON)}
	Prior   = &Models{Reliability: mustLoad("reliability_prior.json", reliabilityPriorJSON), Slant: mustLoad("slant_prior.json", slantPriorJSON), Overall: mustLoad("prior.json", priorJSON)}
)

func mustLoad(name string, data []byte) *Model {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		panic("profile/" + name + ": " + err.Error()) // a build-time asset; a test loads it
	}
	return &m
}

// Axes computes the derived features of x in place (the voice rates of the
// framing costs, "slant" 0-1, "reliability" as a logit) and returns the
// two axes and the overall score, each 0-100.
func (ms *Models) Axes(x map[string]float64) (reliability, slant, score float64) {
	x["voice.loaded"] = damp(x["cost.framing.loaded"])
	x["voice.opinion"] = damp(x["cost.framing.opinion"])
	x["voice.speculation"] = damp(x["cost.framing.speculation"])
	slant = ms.Slant.Score(x)
	reliability = ms.Reliability.Score(x)
	x["slant"] = slant / 100
	// Clamped so that a reliability of 0 or 100 stays finite.
	r := math.Min(math.Max(reliability/100, 1e-6), 1-1e-6)
	x["reliability"] = math.Log(r / (1 - r))
	return reliability, slant, ms.Overall.Score(x)
}

// damp is log(1 + rate), rounded: one rant must not outweigh the rest.
func damp(rate float64) float64 { return math.Round(math.Log1p(rate)*1e4) / 1e4 }

// Features computes the models' raw inputs for a document: the cost of its
// listed findings and of those omitted past the per-rule cap, which cost
// the same, the voice of the text and its sourcing (Axes derives the rest).
func Features(t *Tally, findings []core.Finding, omitted []core.Omitted) map[string]float64 {
	x := map[string]float64{}
	words := math.Max(float64(t.Words), 300)
	furnitureLeft := maxFurnitureCost * 1000 / words
	charge := func(rule string, c float64, furniture bool) {
		if furniture {
			c = math.Min(c, furnitureLeft)
			furnitureLeft -= c
			x[pageCost] += c
			return
		}
		addCost(x, rule, c)
	}
	for _, f := range findings {
		if counts(f) {
			charge(f.Rule, findingCost(f, words), isFurniture(f.Rule, f.Weight))
		}
	}
	for _, o := range omitted {
		for sev, c := range o.Cost {
			// One finding standing for all of them: cost is linear in weight.
			charge(o.Rule, findingCost(core.Finding{Rule: o.Rule, Start: 1, End: 2, Severity: core.Severity(sev), Weight: c, Confidence: 1}, words), isFurniture(o.Rule, 0))
		}
	}
	voiceFeatures(t, x)
	x["specificity"] = specificity(t)
	if st := t.Sourcing; st != nil {
		if st.ClaimSentences > 0 {
			x["unattributed_share"] = 1 - st.AttributedShare
		}
		x["named_sources"] = math.Min(float64(st.DistinctNamed), 5)
		x["direct_quotes"] = math.Min(float64(st.DirectQuotes), 3)
	}
	return x
}

// specificity counts checkable particulars per 100 words, capped at 3:
// numbers and dates, direct quotes, named sources. A fluent text with none
// of them gives the reader nothing to check.
func specificity(t *Tally) float64 {
	n := t.Quotes + t.Specific
	if t.Sourcing != nil {
		n += t.Sourcing.DistinctNamed
	}
	return math.Min(3, float64(n)*100/math.Max(float64(t.Words), 100))
}

// specifics counts the numbers and month names outside page furniture (a
// related list's dates, a ticker's figures are not the article's).
func specifics(p *analysis.Pass) int {
	n := 0
	for i := range p.Tokens {
		t := &p.Tokens[i]
		if t.Punct || t.Norm == "" {
			continue
		}
		// The first byte is read from the text, which the loop walks in
		// order, rather than from the folded form, a read elsewhere in
		// memory for every token; folding changes only a letter's case
		// there, or a byte outside ASCII.
		c := p.Text[t.Start]
		if c >= utf8.RuneSelf {
			c = t.Norm[0]
		} else if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if (c >= '0' && c <= '9' || len(t.Norm) >= 4 && len(t.Norm) <= 9 && monthInitial[c] && monthNames.Has(t)) && !p.IsExcluded(t.Start, t.End) {
			n++
		}
	}
	return n
}

// articleQuotes counts the quotes outside page furniture (a related list's
// quoted headlines are not the article's).
func articleQuotes(p *analysis.Pass) int {
	n := 0
	for _, q := range p.Quotes {
		if !p.IsExcluded(q.Start, q.End) {
			n++
		}
	}
	return n
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

// maxFurnitureCost bounds what a page's furniture costs its integrity
// dimension, before scaling by length: about four lines of it (a quarter
// weight each, at warning severity). Three hundred menu lines are the
// page's doing, not the article's: they are reported, and lower the page's
// integrity, but the models never see them, so they cannot move the
// article's score or band.
const maxFurnitureCost = 1.0

// pageCost is the feature that holds the furniture's cost: shown in the
// integrity dimension, read by no model.
const pageCost = "cost.integrity.page"

// isFurniture reports a finding about the page around the article: page
// chrome, a comment section, or a repeated label or template line (which
// the integrity scorer weighs at a quarter; a paragraph pasted twice weighs
// more and is damage to the article itself).
func isFurniture(rule string, weight float64) bool {
	switch rule {
	case "integrity.chrome", "integrity.comment_footer":
		return true
	case "integrity.duplicate":
		return weight > 0 && weight < 1
	}
	return false
}

// factualCost is the cost of one factual error (weight 1, confidence 1,
// severity error), about what one error costs in a 600-word article.
const factualCost = 1.5

// Compute builds the profile of one analysed document from its features
// (see Features; Axes adds the derived ones).
func (ms *Models) Compute(t *Tally, findings []core.Finding, x map[string]float64) *core.Profile {
	words := math.Max(float64(t.Words), 300)
	prof := &core.Profile{Dimensions: map[string]float64{}}
	for _, d := range core.Dimensions {
		c := x["cost."+d] + x["cost."+d+".loaded"] + x["cost."+d+".page"]
		if d == "sourcing" {
			// Thin sourcing lowers the dimension even with nothing flagged.
			c += thinSourcing * x["unattributed_share"]
		}
		prof.Dimensions[d] = round1(100 * math.Exp(-steepness[d]*c))
	}
	reliability, slant, score := ms.Axes(x)
	prof.Score, prof.Reliability, prof.Slant = round1(score), round1(reliability), round1(slant)
	prof.Band = ms.Overall.Band(prof.Score)
	prof.SlantBy = ms.Slant.Drivers(x)
	// Each finding's contribution: the points the overall score would regain
	// without it.
	var contrib []core.Contribution
	for _, f := range findings {
		if !counts(f) || isFurniture(f.Rule, f.Weight) {
			continue // furniture costs the page, never the score
		}
		c := findingCost(f, words)
		addCost(x, f.Rule, -c)
		_, _, without := ms.Axes(x)
		addCost(x, f.Rule, c)
		contrib = append(contrib, core.Contribution{Rule: f.Rule, Start: f.Start, End: f.End, Text: f.Text, Points: round1(without - score)})
	}
	ms.Axes(x) // the derived features as they are, for the caller
	sort.SliceStable(contrib, func(i, j int) bool { return contrib[i].Points > contrib[j].Points })
	if len(contrib) > 3 {
		contrib = contrib[:3]
	}
	prof.Top = contrib
	// Confidence grows with length (more evidence) and falls when the reference
	// date is unknown (date-dependent checks could not run).
	conf := 1 - math.Exp(-float64(t.Words)/250)
	if !t.RefDate.Known() {
		conf *= 0.85
	}
	prof.Confidence = round2(conf)
	if n := t.Unchecked; n > 0 {
		prof.FactualUnchecked = n
		conf *= 0.9 // the factual dimension is not vouched for
		prof.Confidence = round2(conf)
	}
	prof.Sourcing, prof.Framing = t.Sourcing, t.Framing
	if reason := t.Unscorable; reason != "" {
		prof.Band = "unscorable"
		prof.Reason = reason
		prof.Confidence = round2(math.Min(prof.Confidence, 0.3))
	}
	return prof
}

// addCost adds a finding's cost to the features it counts in: its
// dimension's, except that loaded words are kept apart from the rest of
// framing, and opinion and speculation are also counted apart (the slant
// model weighs them separately).
func addCost(x map[string]float64, rule string, c float64) {
	switch rule {
	case "framing.loaded":
		x["cost.framing.loaded"] += c
		return
	case "framing.editorial":
		x["cost.framing.opinion"] += c
	case "framing.speculation":
		x["cost.framing.speculation"] += c
	}
	x["cost."+dimensionOf(rule)] += c
}

func dimensionOf(rule string) string {
	for i := 0; i < len(rule); i++ {
		if rule[i] == '.' {
			return rule[:i]
		}
	}
	return rule
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round2(x float64) float64 { return math.Round(x*100) / 100 }
