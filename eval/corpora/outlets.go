package corpora

import (
	"encoding/csv"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/outlets"
	"github.com/credence-news/credence/eval"
	"github.com/credence-news/credence/internal/profile"
)

// rating is an outlet's third-party rating: reliable (1), mixed (0),
// unreliable (−1) or blacklisted (−2), and NewsGuard's 0–100 where it rated
// the outlet (NaN if not).
type rating struct {
	label     int
	newsguard float64
}

// readRatings reads the outlet ratings by domain. They validate the
// engine's outlet figures; they are never a feature or a training target.
func readRatings() (map[string]rating, error) {
	f, err := os.Open(filepath.Join(DataDir, "ratings", "golden_truth_dataset.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	out := map[string]rating{}
	for _, r := range rows[1:] {
		if len(r) < 3 {
			continue
		}
		label, err := strconv.Atoi(r[1])
		if err != nil {
			continue
		}
		ng := math.NaN()
		if v, err := strconv.ParseFloat(r[2], 64); err == nil {
			ng = v
		}
		out[strings.ToLower(r[0])] = rating{label, ng}
	}
	return out, nil
}

// ratingOf finds a host's rating, trying its parent domains
// (edition.cnn.com → cnn.com).
func ratingOf(ratings map[string]rating, host string) (rating, bool) {
	for h := host; strings.Contains(h, "."); {
		if r, ok := ratings[h]; ok {
			return r, true
		}
		_, h, _ = strings.Cut(h, ".")
	}
	return rating{}, false
}

// externalSlant measures the slant axis and the overall score on articles
// people judged hyperpartisan or not, and the outlets' figures against
// independent outlet ratings.
func externalSlant(eng *engine.Engine, run *externalRun) (string, error) {
	l, err := Hyperpartisan(eng)
	if err != nil {
		return "", fmt.Errorf("hyperpartisan: %v", err)
	}
	xs := l.Features()
	cv, err := eval.CrossValidatedSlant(xs, l.OneSided, 5)
	if err != nil {
		return "", err
	}
	neg := func(f func(core.Result) float64) []float64 {
		v := make([]float64, len(l.Results))
		for i, r := range l.Results {
			v[i] = -f(r)
		}
		return v
	}
	auc := func(s []float64) string {
		a, lo, hi := eval.AUCInterval(s, l.OneSided, 1000)
		return fmt.Sprintf("%.3f (%.3f–%.3f)", a, lo, hi)
	}
	pos := 0
	for _, y := range l.OneSided {
		if y {
			pos++
		}
	}
	// The overall score with each article's slant from the model that did
	// not see it: the shipped slant model was fitted on these articles.
	slant, overall := cv, make([]float64, len(cv))
	observed := make([]float64, len(cv))
	for i := range cv {
		x := maps.Clone(xs[i])
		profile.Default.Axes(x)
		x["slant"] = cv[i]
		overall[i] = -profile.Default.Overall.Score(x)
		if l.OneSided[i] {
			observed[i] = 1
		}
	}
	_, ece := eval.Calibration(slant, observed, 10)
	run.metrics["slant_auc"] = eval.AUC(slant, l.OneSided)
	var b strings.Builder
	fmt.Fprintf(&b, "- **Slant and score on real articles** (SemEval-2019 hyperpartisan, by article, development half: %d articles that people read whole, %d judged hyperpartisan; ROC AUC of telling them apart, 95%% bootstrap interval): slant axis, 5-fold cross-validated by article (each article scored by a slant model fitted without it) %s, calibration error %.3f; the framing dimension alone %s; the overall score (its slant cross-validated as above, the rest fitted on the fixtures and never on this corpus) %s; the reliability axis %s. Hyperpartisan is one-sided writing: the slant axis is the one that should separate it, and the reliability axis is not meant to.\n",
		len(l.Results), pos, auc(slant), ece,
		auc(neg(func(r core.Result) float64 { return r.Profile.Dimensions["framing"] })),
		auc(overall),
		auc(neg(func(r core.Result) float64 { return r.Profile.Reliability })))
	ratings, err := readRatings()
	if err != nil {
		return b.String(), fmt.Errorf("outlet ratings: %v", err)
	}
	b.WriteString(ratedArticles(l.Results, cv, ratings))
	b.WriteString(outletTable(eng, ratings, run))
	return b.String(), nil
}

// ratedArticles is the AUC of telling articles from outlets rated reliable
// from those rated unreliable, by the article's own figures (its slant
// cross-validated: the slant model was fitted on these articles).
func ratedArticles(results []core.Result, cvSlant []float64, ratings map[string]rating) string {
	var score, rel, slant []float64
	var reliable []bool
	outletsSeen := map[bool]map[string]bool{true: {}, false: {}}
	for i, r := range results {
		host := outlets.Of(r)
		rt, ok := ratingOf(ratings, host)
		if !ok || rt.label == 0 || r.Profile.Band == "unscorable" {
			continue
		}
		score, rel, slant = append(score, r.Profile.Score), append(rel, r.Profile.Reliability), append(slant, -cvSlant[i])
		reliable = append(reliable, rt.label > 0)
		outletsSeen[rt.label > 0][host] = true
	}
	n := 0
	for _, y := range reliable {
		if y {
			n++
		}
	}
	if n == 0 || n == len(reliable) {
		return ""
	}
	auc := func(s []float64) string {
		a, lo, hi := eval.AUCInterval(s, reliable, 1000)
		return fmt.Sprintf("%.3f (%.3f–%.3f)", a, lo, hi)
	}
	return fmt.Sprintf("- **Articles of rated outlets** (the hyperpartisan articles whose URL's outlet the ratings in `../shared/data/ratings` call reliable, %d articles from %d outlets, or unreliable, %d from %d; mixed left out): ROC AUC of the overall score %s, the reliability axis %s, low slant %s.\n",
		n, len(outletsSeen[true]), len(reliable)-n, len(outletsSeen[false]), auc(score), auc(rel), auc(slant))
}

// outletTable scores the dated real news of BASIL and PolNeAR, summarises
// it by outlet and sets the outlets' figures beside NewsGuard's scores.
func outletTable(eng *engine.Engine, ratings map[string]rating, run *externalRun) string {
	docs, _ := realNews()
	var results []core.Result
	for _, d := range docs {
		if r, err := eng.Analyze(d); err == nil {
			r.Doc, r.Findings = nil, nil
			results = append(results, r)
		}
	}
	aggs := outlets.Summarize(results)
	slices.SortFunc(aggs, func(a, b outlets.Aggregate) int { return strings.Compare(a.Outlet, b.Outlet) })
	var ng, score, rel, slant []float64
	var rows strings.Builder
	for _, a := range aggs {
		rt, ok := ratingOf(ratings, a.Outlet)
		if !ok || math.IsNaN(rt.newsguard) || a.Scored == 0 {
			continue
		}
		ng, score, rel, slant = append(ng, rt.newsguard), append(score, a.Score.Mean), append(rel, a.Reliability.Mean), append(slant, -a.Slant.Mean)
		fmt.Fprintf(&rows, "  | %s | %d | %.1f (%.1f–%.1f) | %.1f (%.1f–%.1f) | %.1f (%.1f–%.1f) | %.1f |\n", a.Outlet, a.Scored,
			a.Score.Mean, a.Score.Lo, a.Score.Hi, a.Reliability.Mean, a.Reliability.Lo, a.Reliability.Hi, a.Slant.Mean, a.Slant.Lo, a.Slant.Hi, rt.newsguard)
	}
	if len(ng) < 3 {
		return ""
	}
	run.metrics["outlet_spearman_score"] = eval.Spearman(score, ng)
	return fmt.Sprintf("- **Outlets against NewsGuard** (%d articles of BASIL and PolNeAR summarised by outlet as `credence sources` does; %d outlets NewsGuard rates; the ratings validate, they are never a feature): Spearman with NewsGuard's score of the outlet's mean score %.2f, mean reliability %.2f, mean low slant %.2f.\n\n  | outlet | articles | score (95%% CI) | reliability | slant | NewsGuard |\n  |---|---|---|---|---|---|\n%s",
		len(results), len(ng), eval.Spearman(score, ng), eval.Spearman(rel, ng), eval.Spearman(slant, ng), rows.String())
}
