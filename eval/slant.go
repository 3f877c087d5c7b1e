package eval

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/integrate"
	"gonum.org/v1/gonum/stat"

	"github.com/credence-news/credence/internal/profile"
)

// SlantLambda is the slant fit's pull toward the hand-set prior
// (slant_prior.json). The features share one scale (log of a rate per
// 1,000 words), so one penalty suits all; it was set once, before the
// cross-validated figures were read.
const SlantLambda = 2.0

// FitSlant fits the slant model: the chance that a reader judges an
// article one-sided, from its features, shrunk toward the hand-set prior,
// with each feature held to the prior's sign (see FitSigned).
func FitSlant(xs []map[string]float64, oneSided []bool) (*profile.Model, error) {
	samples := make([]Sample, len(xs))
	for i, x := range xs {
		samples[i] = Sample{X: x}
		if oneSided[i] {
			samples[i].Y = 1
		}
	}
	m, _, err := FitSigned(samples, profile.Prior.Slant, SlantLambda)
	if err != nil {
		return nil, err
	}
	m.About = slantAbout
	return m, nil
}

const slantAbout = "Fitted by `make fit` on articles that people read whole and judged hyperpartisan or not (SemEval-2019 Task 4 by-article, development half; the corpus hash is below), shrunk toward slant_prior.json, which says what each feature is; regenerate, do not edit. Slant = 100 * sigmoid(intercept + sum(weight * feature)): the chance that a reader judges the text one-sided. A feature missing here came out against the prior's sign and was left out."

// CrossValidatedSlant returns each article's slant (0-1) from a model fitted
// without its fold: k folds of a fixed shuffle, one article in one fold.
func CrossValidatedSlant(xs []map[string]float64, oneSided []bool, k int) ([]float64, error) {
	fold := Folds(len(xs), k)
	out := make([]float64, len(xs))
	for f := 0; f < k; f++ {
		var trX []map[string]float64
		var trY []bool
		for i := range xs {
			if fold[i] != f {
				trX, trY = append(trX, xs[i]), append(trY, oneSided[i])
			}
		}
		m, err := FitSlant(trX, trY)
		if err != nil {
			return nil, err
		}
		for i := range xs {
			if fold[i] == f {
				out[i] = m.Score(xs[i]) / 100
			}
		}
	}
	return out, nil
}

// Folds assigns n items to k folds by a fixed shuffle.
func Folds(n, k int) []int {
	perm := rand.New(rand.NewPCG(1, 2)).Perm(n)
	fold := make([]int, n)
	for i, p := range perm {
		fold[p] = i % k
	}
	return fold
}

// AUC is the area under the ROC curve of scores against labels: the chance
// that a positive scores above a negative (ties count half).
func AUC(scores []float64, positive []bool) float64 {
	type pair struct {
		s float64
		p bool
	}
	ps := make([]pair, len(scores))
	for i := range scores {
		ps[i] = pair{scores[i], positive[i]}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].s < ps[j].s })
	y := make([]float64, len(ps))
	c := make([]bool, len(ps))
	for i, p := range ps {
		y[i], c[i] = p.s, p.p
	}
	tpr, fpr, _ := stat.ROC(nil, y, c, nil)
	if len(tpr) < 2 || math.IsNaN(tpr[len(tpr)-1]) || math.IsNaN(fpr[len(fpr)-1]) {
		return math.NaN()
	}
	return integrate.Trapezoidal(fpr, tpr)
}

// AUCInterval is AUC with its 95% bootstrap interval over articles.
func AUCInterval(scores []float64, positive []bool, resamples int) (auc, lo, hi float64) {
	auc = AUC(scores, positive)
	lo, hi = Bootstrap(len(scores), resamples, func(idx []int) float64 {
		s := make([]float64, len(idx))
		p := make([]bool, len(idx))
		for i, j := range idx {
			s[i], p[i] = scores[j], positive[j]
		}
		return AUC(s, p)
	})
	return auc, lo, hi
}
