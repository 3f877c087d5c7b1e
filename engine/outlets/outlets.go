// Package outlets aggregates scored articles by the outlet that published
// them: the source-reliability view of a batch (`credence sources`, the
// Beam pipeline's per-source output). It only summarises results; the
// engine scored them.
package outlets

import (
	"cmp"
	"math"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/credence-news/credence/engine/core"
)

// Unknown is the outlet of an article that names none.
const Unknown = "unknown"

// Of names a result's outlet: the input's "source" field when given (the
// user said so), else the URL's registered domain (the public suffix list's
// eTLD+1: mobile.nytimes.com and nytimes.com are one outlet), else the
// organisation after the last comma of a byline ("By Jane Doe, Reuters"),
// else Unknown.
func Of(r core.Result) string {
	if o := strings.TrimSpace(r.Outlet); o != "" {
		return o
	}
	if u, err := url.Parse(r.URL); err == nil && u.Hostname() != "" {
		host := strings.ToLower(u.Hostname())
		if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
			return d
		}
		return strings.TrimPrefix(host, "www.")
	}
	if i := strings.LastIndex(r.Byline, ", "); i > 0 {
		if org := strings.TrimSpace(r.Byline[i+2:]); org != "" && len(strings.Fields(org)) <= 4 && org[0] >= 'A' && org[0] <= 'Z' {
			return org
		}
	}
	return Unknown
}

// Stat is a mean over an outlet's articles with its spread and the 95%
// interval of the mean (Student's t, kept within 0-100; zero width for one
// article).
type Stat struct {
	Mean   float64 `json:"mean"`
	StdDev float64 `json:"stddev"`
	Lo     float64 `json:"ci_lo"`
	Hi     float64 `json:"ci_hi"`
}

// RuleRate is how often a rule fired in an outlet's own voice (quotes
// left out), per 1,000 words of its articles.
type RuleRate struct {
	Rule     string  `json:"rule"`
	Count    int     `json:"count"`
	Per1000W float64 `json:"per_1000_words"`
}

// Article points at one article of the outlet.
type Article struct {
	ID     string  `json:"id"`
	Source string  `json:"source"`
	Title  string  `json:"title,omitempty"`
	Score  float64 `json:"score"`
}

// Aggregate is one outlet's summary.
type Aggregate struct {
	Outlet string `json:"outlet"`
	// Articles counts every article; Scored those with a profile that is
	// not unscorable, which the statistics are over.
	Articles    int                `json:"articles"`
	Scored      int                `json:"scored"`
	Score       Stat               `json:"score"`
	Reliability Stat               `json:"reliability"`
	Slant       Stat               `json:"slant"`
	Dimensions  map[string]float64 `json:"mean_dimensions"`
	TopRules    []RuleRate         `json:"top_rules"`
	// MostReliable and LeastReliable are the outlet's best and worst scored
	// articles: where a reader should start.
	MostReliable  *Article `json:"most_reliable,omitempty"`
	LeastReliable *Article `json:"least_reliable,omitempty"`
}

// Accumulator builds one outlet's Aggregate from its results, one at a
// time (the Beam pipeline streams them).
type Accumulator struct {
	outlet                    string
	articles, words           int
	score, reliability, slant []float64
	dims                      map[string]int64 // tenths: profile figures have one decimal, so the sum is exact in any order
	dimN                      map[string]int
	rules                     map[string]int
	best, worst               *Article
}

// NewAccumulator starts an outlet's aggregate.
func NewAccumulator(outlet string) *Accumulator {
	return &Accumulator{outlet: outlet, dims: map[string]int64{}, dimN: map[string]int{}, rules: map[string]int{}}
}

// Add counts one result.
func (a *Accumulator) Add(r core.Result) {
	a.articles++
	p := r.Profile
	if p == nil || p.Band == "unscorable" {
		return
	}
	a.words += r.Words
	a.score = append(a.score, p.Score)
	a.reliability = append(a.reliability, p.Reliability)
	a.slant = append(a.slant, p.Slant)
	for d, v := range p.Dimensions {
		a.dims[d] += int64(math.Round(v * 10))
		a.dimN[d]++
	}
	for _, f := range r.Findings {
		if !f.Quoted && f.Suppressed == "" {
			a.rules[f.Rule]++
		}
	}
	art := &Article{ID: r.ID, Source: r.Source, Title: r.Title, Score: p.Score}
	if a.best == nil || p.Score > a.best.Score {
		a.best = art
	}
	if a.worst == nil || p.Score < a.worst.Score {
		a.worst = art
	}
}

// Aggregate returns the summary so far.
func (a *Accumulator) Aggregate() Aggregate {
	g := Aggregate{Outlet: a.outlet, Articles: a.articles, Scored: len(a.score), Dimensions: map[string]float64{},
		Score: summary(a.score), Reliability: summary(a.reliability), Slant: summary(a.slant), MostReliable: a.best, LeastReliable: a.worst}
	for d, v := range a.dims {
		g.Dimensions[d] = round1(float64(v) / 10 / float64(a.dimN[d]))
	}
	words := math.Max(float64(a.words), 1)
	g.TopRules = []RuleRate{}
	for r, n := range a.rules {
		g.TopRules = append(g.TopRules, RuleRate{Rule: r, Count: n, Per1000W: math.Round(float64(n)*1e5/words) / 100})
	}
	slices.SortFunc(g.TopRules, func(x, y RuleRate) int { return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Rule, y.Rule)) })
	g.TopRules = g.TopRules[:min(len(g.TopRules), 5)]
	return g
}

// Summarize groups results by outlet (see Of), largest outlets first.
func Summarize(results []core.Result) []Aggregate {
	acc := map[string]*Accumulator{}
	for _, r := range results {
		o := Of(r)
		if acc[o] == nil {
			acc[o] = NewAccumulator(o)
		}
		acc[o].Add(r)
	}
	return Sorted(acc)
}

// Sorted returns the accumulators' aggregates, largest outlets first.
func Sorted(acc map[string]*Accumulator) []Aggregate {
	out := make([]Aggregate, 0, len(acc))
	for _, a := range acc {
		out = append(out, a.Aggregate())
	}
	slices.SortFunc(out, func(x, y Aggregate) int {
		return cmp.Or(cmp.Compare(y.Articles, x.Articles), strings.Compare(x.Outlet, y.Outlet))
	})
	return out
}

func summary(xs []float64) Stat {
	if len(xs) == 0 {
		return Stat{}
	}
	// Sorted first: a float sum depends on its order, and a pipeline that
	// groups in any order (Beam) must round to the same figures as the CLI.
	xs = slices.Sorted(slices.Values(xs))
	mean, sd := stat.MeanStdDev(xs, nil)
	if len(xs) == 1 {
		sd = 0 // undefined; one article has no spread to show
	}
	var half float64
	if n := float64(len(xs)); n > 1 {
		half = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.975) * sd / math.Sqrt(n)
	}
	return Stat{Mean: round1(mean), StdDev: round1(sd), Lo: round1(max(0, mean-half)), Hi: round1(min(100, mean+half))}
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
