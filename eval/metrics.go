package eval

import (
	"math"
	"math/rand"
	"sort"

	"gonum.org/v1/gonum/stat"

	"github.com/credence-news/credence/engine/core"
)

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

func (c Counts) Precision() float64 { return Ratio(c.TP, c.TP+c.FP) }
func (c Counts) Recall() float64    { return Ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Ratio is a/b, NaN when b is 0 (a metric with nothing to measure).
func Ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Mismatch is a label no finding matched, or a finding no label expected.
type Mismatch struct {
	Path, Rule, Text string
	Start, End       int
	Missed           bool // a label nothing found; else an unexpected finding
}

// MatchSpans compares findings with labels for one fixture. A finding and a
// label match on overlap (overlap=true) or on identical boundaries. Each
// label and finding matches at most once. Quoted findings are the speaker's
// and are not counted.
func MatchSpans(f *Fixture, findings []core.Finding, overlap bool, counts map[string]*Counts) []Mismatch {
	get := func(r string) *Counts {
		if counts[r] == nil {
			counts[r] = &Counts{}
		}
		return counts[r]
	}
	var mism []Mismatch
	used := make([]bool, len(f.Labels))
	for _, fd := range findings {
		if fd.Quoted || (fd.Start == 0 && fd.End == 0) {
			continue
		}
		hit := -1
		for i, l := range f.Labels {
			if used[i] || l.Rule != fd.Rule {
				continue
			}
			if (overlap && fd.Start < l.End && fd.End > l.Start) || (fd.Start == l.Start && fd.End == l.End) {
				hit = i
				break
			}
		}
		if hit >= 0 {
			used[hit] = true
			get(fd.Rule).TP++
		} else {
			get(fd.Rule).FP++
			mism = append(mism, Mismatch{Path: f.Path, Rule: fd.Rule, Text: fd.Text, Start: fd.Start, End: fd.End})
		}
	}
	for i, l := range f.Labels {
		if !used[i] {
			get(l.Rule).FN++
			mism = append(mism, Mismatch{Path: f.Path, Rule: l.Rule, Text: f.Doc.Text[l.Start:l.End], Start: l.Start, End: l.End, Missed: true})
		}
	}
	// Document-level rules.
	found := map[string]bool{}
	for _, fd := range findings {
		if fd.Start == 0 && fd.End == 0 {
			found[fd.Rule] = true
		}
	}
	want := map[string]bool{}
	for _, r := range f.DocRules {
		want[r] = true
		if found[r] {
			get(r).TP++
		} else {
			get(r).FN++
			mism = append(mism, Mismatch{Path: f.Path, Rule: r, Missed: true})
		}
	}
	for r := range found {
		if !want[r] {
			get(r).FP++
			mism = append(mism, Mismatch{Path: f.Path, Rule: r})
		}
	}
	return mism
}

// Spearman is the rank correlation of a and b.
func Spearman(a, b []float64) float64 {
	if len(a) < 3 {
		return math.NaN()
	}
	return stat.Correlation(ranks(a), ranks(b), nil)
}

func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return x[idx[i]] < x[idx[j]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		i = j + 1
	}
	return r
}

// Bin is one bin of a reliability curve.
type Bin struct {
	Lo, Hi             float64
	MeanPred, Observed float64
	N                  int
}

// Calibration bins predicted scores (0-1) and compares each bin's mean
// prediction with the mean observed value (0-1) of its documents: the
// reliability curve, and the expected calibration error (count-weighted
// |observed − predicted|). The score claims to be the article's reliability,
// so the observed value is the labelled reliability.
func Calibration(pred, observed []float64, bins int) ([]Bin, float64) {
	out := make([]Bin, bins)
	for i := range out {
		out[i].Lo, out[i].Hi = float64(i)/float64(bins), float64(i+1)/float64(bins)
	}
	for i, p := range pred {
		b := max(0, min(int(p*float64(bins)), bins-1))
		out[b].N++
		out[b].MeanPred += p
		out[b].Observed += observed[i]
	}
	ece := 0.0
	for i := range out {
		if out[i].N == 0 {
			continue
		}
		out[i].MeanPred /= float64(out[i].N)
		out[i].Observed /= float64(out[i].N)
		ece += float64(out[i].N) / float64(len(pred)) * math.Abs(out[i].Observed-out[i].MeanPred)
	}
	return out, ece
}

// Bootstrap returns the 2.5% and 97.5% quantiles of stat over n resamples of
// the indices 0..size-1 (seeded, so reports are reproducible).
func Bootstrap(size, n int, statistic func(idx []int) float64) (lo, hi float64) {
	rng := rand.New(rand.NewSource(7))
	vals := make([]float64, 0, n)
	idx := make([]int, size)
	for range n {
		for i := range idx {
			idx[i] = rng.Intn(size)
		}
		if v := statistic(idx); !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return math.NaN(), math.NaN()
	}
	sort.Float64s(vals)
	return stat.Quantile(0.025, stat.Empirical, vals, nil), stat.Quantile(0.975, stat.Empirical, vals, nil)
}
