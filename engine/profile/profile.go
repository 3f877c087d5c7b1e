// Package profile turns a document's findings into its reliability profile:
// a 0-100 score per dimension, an overall score and band, a confidence, and
// the findings that cost the most points.
//
// The model is deliberately simple and fully explained here (and in the
// README): each finding costs its weight × confidence × severity factor; a
// dimension's cost is normalised per 1,000 words (short texts count as 300
// words so that one finding in a stub does not zero a dimension) and mapped to
// 100·exp(−k·cost). Document-level findings cost a fixed amount. The overall
// score is the weighted mean of the dimensions; the band cuts it at 70 and 45.
// A document whose integrity scorer says too little article text remains is
// "unscorable", whatever its other numbers.
package profile

import (
	"math"
	"sort"

	"github.com/credence-news/credence/engine/analysis"
	"github.com/credence-news/credence/engine/core"
)

// Weights of the dimensions in the overall score.
var Weights = map[string]float64{"sourcing": 0.30, "framing": 0.25, "factual": 0.25, "transparency": 0.10, "integrity": 0.10}

// steepness k per dimension: how fast the score falls with cost per 1,000 words.
var steepness = map[string]float64{"sourcing": 0.045, "framing": 0.035, "factual": 0.12, "transparency": 0.35, "integrity": 0.08}

var severityFactor = map[core.Severity]float64{core.Info: 0.5, core.Warning: 1, core.Error: 2}

// documentLevelCost is the cost (in per-1,000-word units) of a document-level finding.
const documentLevelCost = 1.0

// UnscorableKey is the Pass.Data key under which a scorer states why a
// document cannot be scored as an article.
const UnscorableKey = "unscorable"

// Band thresholds on the overall score.
const (
	HighAt   = 70
	MediumAt = 45
)

// Compute builds the profile of one analysed document.
func Compute(p *analysis.Pass, findings []core.Finding) core.Profile {
	words := math.Max(float64(p.Words), 300)
	cost := map[string]float64{}
	own := make([]float64, len(findings))
	for i, f := range findings {
		if f.Quoted {
			continue
		}
		c := f.Weight * f.Confidence * severityFactor[f.Severity]
		if f.Start == f.End && f.Start == 0 {
			c *= documentLevelCost
		} else {
			c *= 1000 / words
		}
		own[i] = c
		cost[dimensionOf(f.Rule)] += c
	}
	prof := core.Profile{Dimensions: map[string]float64{}}
	total := 0.0
	for _, d := range core.Dimensions {
		s := 100 * math.Exp(-steepness[d]*cost[d])
		prof.Dimensions[d] = round1(s)
		total += Weights[d] * s
	}
	prof.Score = round1(total)
	prof.Band = band(prof.Score)
	// Each finding's contribution: the points the overall score would regain
	// without it.
	var contrib []core.Contribution
	for i, f := range findings {
		if own[i] == 0 {
			continue
		}
		d := dimensionOf(f.Rule)
		without := 100 * math.Exp(-steepness[d]*(cost[d]-own[i]))
		with := 100 * math.Exp(-steepness[d]*cost[d])
		contrib = append(contrib, core.Contribution{Rule: f.Rule, Start: f.Start, End: f.End, Text: f.Text, Points: round1(Weights[d] * (without - with))})
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
	if reason, ok := p.Data[UnscorableKey].(string); ok && reason != "" {
		prof.Band = "unscorable"
		prof.Reason = reason
		prof.Confidence = round2(math.Min(prof.Confidence, 0.3))
	}
	return prof
}

func band(score float64) string {
	switch {
	case score >= HighAt:
		return "high"
	case score >= MediumAt:
		return "medium"
	}
	return "low"
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
