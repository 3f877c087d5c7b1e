package eval

import (
	"errors"
	"fmt"
	"gonum.org/v1/gonum/floats"
	"maps"
	"math"
	"sort"

	"gonum.org/v1/gonum/optimize"

	"github.com/credence-news/credence/internal/profile"
)

// Sample is one document's features and its labelled reliability (0-1).
type Sample struct {
	X map[string]float64
	Y float64
}

// FeatureNames lists the model's features in a fixed order.
func FeatureNames(m *profile.Model) []string {
	names := make([]string, 0, len(m.Weights))
	for k := range m.Weights {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Fit fits a logistic model to soft targets, regularised toward the prior
// model: minimise Σ −[y·log p + (1−y)·log(1−p)] + λ‖w − w₀‖² (not on the
// intercept). With few fixtures, shrinking toward hand-set weights whose
// signs are known is steadier than shrinking toward zero.
func Fit(samples []Sample, start *profile.Model, lambda float64) (*profile.Model, error) {
	names := FeatureNames(start)
	n := len(names)
	x0 := make([]float64, n+1)
	x0[0] = start.Intercept
	for i, k := range names {
		x0[i+1] = start.Weights[k]
	}
	rows := make([][]float64, len(samples))
	for i, s := range samples {
		r := make([]float64, n)
		for j, k := range names {
			r[j] = s.X[k]
		}
		rows[i] = r
	}
	problem := optimize.Problem{
		Func: func(w []float64) float64 {
			loss := 0.0
			for i, r := range rows {
				z := w[0]
				for j, v := range r {
					z += w[j+1] * v
				}
				p := sigmoid(z)
				y := samples[i].Y
				loss -= y*math.Log(p+1e-12) + (1-y)*math.Log(1-p+1e-12)
			}
			for k, v := range w[1:] {
				d := v - x0[k+1]
				loss += lambda * d * d
			}
			return loss
		},
		Grad: func(g, w []float64) {
			for k := range g {
				g[k] = 0
			}
			for i, r := range rows {
				z := w[0]
				for j, v := range r {
					z += w[j+1] * v
				}
				d := sigmoid(z) - samples[i].Y
				g[0] += d
				for j, v := range r {
					g[j+1] += d * v
				}
			}
			for k := 1; k < len(w); k++ {
				g[k] += 2 * lambda * (w[k] - x0[k])
			}
		},
	}
	res, err := optimize.Minimize(problem, x0, nil, &optimize.LBFGS{})
	if err != nil {
		// A line search that can make no more progress at the optimum is
		// convergence (the gradient is flat there); anything else fails.
		stalled := errors.Is(err, optimize.ErrLinesearcherFailure) || errors.Is(err, optimize.ErrNoProgress)
		if res == nil || !stalled || floats.Norm(res.Gradient, math.Inf(1)) > 1e-4 {
			return nil, fmt.Errorf("fitting the profile model: %v", err)
		}
	}
	m := &profile.Model{Intercept: round4(res.X[0]), Weights: map[string]float64{}}
	for i, k := range names {
		m.Weights[k] = round4(res.X[i+1])
	}
	return m, nil
}

// FitSigned is Fit with each feature held to its prior's sign: a feature
// whose fitted weight goes against it is dropped and the rest refitted,
// until none does. A sign the data flips is more likely a quirk of the
// corpus than a fact about news; the dropped features are returned.
func FitSigned(samples []Sample, start *profile.Model, lambda float64) (m *profile.Model, dropped []string, err error) {
	start = &profile.Model{Intercept: start.Intercept, Weights: maps.Clone(start.Weights)}
	for {
		if m, err = Fit(samples, start, lambda); err != nil {
			return nil, nil, err
		}
		var against []string
		for _, k := range FeatureNames(m) {
			if m.Weights[k]*start.Weights[k] < 0 {
				against = append(against, k)
			}
		}
		if len(against) == 0 {
			sort.Strings(dropped)
			return m, dropped, nil
		}
		for _, k := range against {
			delete(start.Weights, k)
		}
		dropped = append(dropped, against...)
	}
}

// FitModels fits the reliability model on the documents' labelled
// reliability, then the overall model on the two axes it and the shipped
// slant model give, then the band cuts. The slant model is not refitted
// here: it is fitted on other data (see FitSlant).
func FitModels(docs []DocResult, lambda float64) (*profile.Models, []string, error) {
	samples := make([]Sample, len(docs))
	for i, d := range docs {
		samples[i] = Sample{X: d.Result.Features, Y: d.Fixture.Reliability / 100}
	}
	rel, dropped, err := FitSigned(samples, profile.Prior.Reliability, lambda)
	if err != nil {
		return nil, nil, err
	}
	rel.About = reliabilityAbout
	ms := &profile.Models{Reliability: rel, Slant: profile.Default.Slant, Overall: profile.Prior.Overall}
	for i := range samples {
		samples[i].X = maps.Clone(samples[i].X)
		ms.Axes(samples[i].X) // adds the axes the overall model reads
	}
	if ms.Overall, err = Fit(samples, profile.Prior.Overall, lambda); err != nil {
		return nil, nil, err
	}
	ms.Overall.About = overallAbout
	scores := make([]float64, len(samples))
	for i, s := range samples {
		scores[i] = ms.Overall.Score(s.X)
	}
	fitCuts(ms.Overall, docs, scores)
	return ms, dropped, nil
}

const (
	reliabilityAbout = "Fitted by `credence fit` (make fit) on the labelled fixtures whose hash is below, starting from reliability_prior.json, which says what each feature is, and shrunk toward it; a feature missing here came out against the prior's sign and was left out. Regenerate, do not edit. Reliability = 100 * sigmoid(intercept + sum(weight * feature))."
	overallAbout     = "Fitted by `credence fit` (make fit) on the labelled fixtures whose hash is below, after reliability.json, starting from prior.json and shrunk toward it; regenerate, do not edit. Score = 100 * sigmoid(intercept + weight * logit(reliability / 100) + weight * slant (0-1)). A document scores high from high_at, medium from medium_at."
)

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// priorWith is a zero-weight prior over the named features (for tests and
// for fitting a feature set from scratch).
// PriorWith is a model with the named features, every weight zero: the
// start of a fit with no hand-set prior.
func PriorWith(names ...string) *profile.Model {
	m := &profile.Model{Weights: map[string]float64{}}
	for _, n := range names {
		m.Weights[n] = 0
	}
	return m
}
