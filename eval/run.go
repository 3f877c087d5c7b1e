package eval

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/profile"
)

// Options tune an evaluation.
type Options struct {
	Folds     int     // cross-validation folds (default 5)
	Lambda    float64 // pull of the fitted weights toward the prior model (default 0.05)
	Bootstrap int     // bootstrap resamples for confidence intervals (default 1000)
}

func (o *Options) defaults() {
	if o.Folds < 2 {
		o.Folds = 5
	}
	if o.Lambda <= 0 {
		o.Lambda = 0.05
	}
	if o.Bootstrap <= 0 {
		o.Bootstrap = 1000
	}
}

// DocResult is one fixture's outcome.
type DocResult struct {
	Fixture  *Fixture
	Result   core.Result
	CVScore  float64 // score from a model fitted without this fixture's fold
	CVBand   string
	RefDate  string
	RefMatch bool
}

// Report holds every number the evaluation produces.
type Report struct {
	Fixtures   int
	Hash       string
	Overlap    map[string]*Counts
	Exact      map[string]*Counts
	Mismatches []Mismatch
	Docs       []DocResult
	BandAcc    float64
	BandCI     [2]float64
	Confusion  map[string]map[string]int
	Spearman   float64
	SpearmanCI [2]float64
	ECE        float64
	Curve      []Bin
	RefDateAcc float64
	RefDateN   int
	Models     *profile.Models // reliability and overall fitted on every fixture; slant as shipped
	// Dropped are the reliability features whose fitted weight went against
	// the prior's sign, left out (see FitSigned).
	Dropped []string
	Folds   int
}

var bands = []string{"high", "medium", "low", "unscorable"}

// Hash identifies a fixture set: SHA-256 over file names and contents.
func Hash(fixtures []*Fixture) string {
	h := sha256.New()
	for _, f := range fixtures {
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.Base(f.Path), len(f.Raw)) // the same from any working directory
		h.Write(f.Raw)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Run evaluates the engine on the fixtures.
func Run(fixtures []*Fixture, opt Options) (*Report, error) {
	opt.defaults()
	eng, err := engine.New(engine.Options{})
	if err != nil {
		return nil, err
	}
	rep := &Report{Fixtures: len(fixtures), Hash: Hash(fixtures), Overlap: map[string]*Counts{}, Exact: map[string]*Counts{},
		Confusion: map[string]map[string]int{}, Folds: opt.Folds}
	for _, f := range fixtures {
		res, err := eng.Analyze(f.Doc)
		if err != nil {
			return nil, err
		}
		rep.Mismatches = append(rep.Mismatches, MatchSpans(f, res.Findings, true, rep.Overlap)...)
		MatchSpans(f, res.Findings, false, rep.Exact)
		d := DocResult{Fixture: f, Result: res, RefDate: res.RefDate.Value}
		if f.RefDate != "" {
			rep.RefDateN++
			d.RefMatch = f.RefDate == res.RefDate.Value || (f.RefDate == "none" && !res.RefDate.Known())
			if d.RefMatch {
				rep.RefDateAcc++
			}
		}
		rep.Docs = append(rep.Docs, d)
	}
	if rep.RefDateN > 0 {
		rep.RefDateAcc /= float64(rep.RefDateN)
	}
	// Cross-validation: every scorable fixture is scored by a model fitted on
	// the other folds. Folds are assigned round-robin over the sorted list.
	var scorable []int
	for i, d := range rep.Docs {
		if d.Fixture.Reliability >= 0 {
			scorable = append(scorable, i)
		}
	}
	for k := 0; k < opt.Folds; k++ {
		var train []DocResult
		for j, i := range scorable {
			if j%opt.Folds != k {
				train = append(train, rep.Docs[i])
			}
		}
		ms, _, err := FitModels(train, opt.Lambda)
		if err != nil {
			return nil, err
		}
		for j, i := range scorable {
			if j%opt.Folds == k {
				_, _, rep.Docs[i].CVScore = ms.Axes(maps.Clone(rep.Docs[i].Result.Features))
				rep.Docs[i].CVBand = ms.Overall.Band(rep.Docs[i].CVScore)
			}
		}
	}
	var all []DocResult
	for _, i := range scorable {
		all = append(all, rep.Docs[i])
	}
	if rep.Models, rep.Dropped, err = FitModels(all, opt.Lambda); err != nil {
		return nil, err
	}
	rep.Models.Reliability.FixturesHash = rep.Hash
	rep.Models.Overall.FixturesHash = rep.Hash
	// Bands: the integrity gate decides unscorable; the CV score the rest.
	correct := make([]float64, len(rep.Docs))
	for i := range rep.Docs {
		d := &rep.Docs[i]
		if d.Result.Profile.Band == "unscorable" {
			d.CVBand = "unscorable"
		} else if d.Fixture.Reliability < 0 {
			d.CVBand = d.Result.Profile.Band
		}
		if rep.Confusion[d.Fixture.Band] == nil {
			rep.Confusion[d.Fixture.Band] = map[string]int{}
		}
		rep.Confusion[d.Fixture.Band][d.CVBand]++
		if d.CVBand == d.Fixture.Band {
			correct[i] = 1
			rep.BandAcc++
		}
	}
	rep.BandAcc /= float64(len(rep.Docs))
	rep.BandCI[0], rep.BandCI[1] = Bootstrap(len(correct), opt.Bootstrap, func(idx []int) float64 {
		s := 0.0
		for _, i := range idx {
			s += correct[i]
		}
		return s / float64(len(idx))
	})
	scores, labels := make([]float64, len(scorable)), make([]float64, len(scorable))
	observed := make([]float64, len(scorable))
	probs := make([]float64, len(scorable))
	for j, i := range scorable {
		scores[j], labels[j] = rep.Docs[i].CVScore, rep.Docs[i].Fixture.Reliability
		probs[j] = scores[j] / 100
		observed[j] = labels[j] / 100
	}
	rep.Spearman = Spearman(scores, labels)
	rep.SpearmanCI[0], rep.SpearmanCI[1] = Bootstrap(len(scores), opt.Bootstrap, func(idx []int) float64 {
		a, b := make([]float64, len(idx)), make([]float64, len(idx))
		for k, i := range idx {
			a[k], b[k] = scores[i], labels[i]
		}
		return Spearman(a, b)
	})
	rep.Curve, rep.ECE = Calibration(probs, observed, 10)
	return rep, nil
}

// Rules returns the rules with any labels or findings, sorted.
func (r *Report) Rules() []string {
	var out []string
	for k := range r.Overlap {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Metrics flattens the headline numbers for the baseline comparison.
func (r *Report) Metrics() map[string]float64 {
	m := map[string]float64{"band_accuracy": r.BandAcc, "spearman": r.Spearman, "reference_date_accuracy": r.RefDateAcc, "ece": r.ECE}
	for _, rule := range r.Rules() {
		if f1 := r.Overlap[rule].F1(); !math.IsNaN(f1) {
			m["f1."+rule] = f1
		}
	}
	return m
}

func fmtF(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}

// Markdown renders the report.
func (r *Report) Markdown(extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Credence evaluation report\n\nGenerated by `make eval` (`credence eval testdata/fixtures`). Do not edit by hand.\n\n")
	fmt.Fprintf(&b, "Fixtures: %d hand-labelled articles (hash `%s`). Document metrics are %d-fold cross-validated: each article is scored by a profile model fitted without its fold. Intervals are 95%% bootstrap intervals over documents.\n\n", r.Fixtures, r.Hash, r.Folds)
	fmt.Fprintf(&b, "## Documents\n\n| metric | value | 95%% CI |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| band accuracy | %s | %s – %s |\n", fmtF(r.BandAcc), fmtF(r.BandCI[0]), fmtF(r.BandCI[1]))
	fmt.Fprintf(&b, "| Spearman ρ (score vs labelled reliability) | %s | %s – %s |\n", fmtF(r.Spearman), fmtF(r.SpearmanCI[0]), fmtF(r.SpearmanCI[1]))
	fmt.Fprintf(&b, "| expected calibration error (CV score vs labelled reliability, 10 bins, 0–1 scale) | %s | |\n", fmtF(r.ECE))
	fmt.Fprintf(&b, "| reference date exact (%d labelled) | %s | |\n\n", r.RefDateN, fmtF(r.RefDateAcc))
	fmt.Fprintf(&b, "### Band confusion (rows: label, columns: predicted)\n\n| | %s |\n|---|---|---|---|---|\n", strings.Join(bands, " | "))
	for _, l := range bands {
		fmt.Fprintf(&b, "| **%s** |", l)
		for _, p := range bands {
			fmt.Fprintf(&b, " %d |", r.Confusion[l][p])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n### Reliability curve\n\n| predicted score | mean predicted | mean labelled reliability | n |\n|---|---|---|---|\n")
	for _, bin := range r.Curve {
		if bin.N > 0 {
			fmt.Fprintf(&b, "| %.1f–%.1f | %.2f | %.2f | %d |\n", bin.Lo, bin.Hi, bin.MeanPred, bin.Observed, bin.N)
		}
	}
	fmt.Fprintf(&b, "\n## Rules\n\nSpan-level precision, recall and F1, once counting a finding that overlaps its label and once requiring identical boundaries. Document-level rules count per document. *Confidence* is the mean confidence the rule gives its findings on the fixtures: every rule's confidence is **set by hand** in its scorer, not fitted; read it beside the precision measured here (on the project's own text) and, for the rules the external corpora measure, beside the precision there (External corpora, below), which is lower.\n\n")
	fmt.Fprintf(&b, "| rule | labels | confidence (set by hand) | P (overlap) | R (overlap) | F1 (overlap) | P (exact) | R (exact) | F1 (exact) |\n|---|---|---|---|---|---|---|---|---|\n")
	conf, n := map[string]float64{}, map[string]int{}
	for _, d := range r.Docs {
		for _, f := range d.Result.Findings {
			conf[f.Rule] += f.Confidence
			n[f.Rule]++
		}
	}
	for _, rule := range r.Rules() {
		o, e := r.Overlap[rule], r.Exact[rule]
		if e == nil {
			e = &Counts{}
		}
		c := "–"
		if n[rule] > 0 {
			c = fmt.Sprintf("%.2f", conf[rule]/float64(n[rule]))
		}
		fmt.Fprintf(&b, "| `%s` | %d | %s | %s | %s | %s | %s | %s | %s |\n", rule, o.TP+o.FN, c, fmtF(o.Precision()), fmtF(o.Recall()), fmtF(o.F1()), fmtF(e.Precision()), fmtF(e.Recall()), fmtF(e.F1()))
	}
	b.WriteString("\n## Fitted profile models\n\nFitted on all fixtures (`credence fit` writes them to `internal/profile/`), each shrunk toward its hand-set prior; the slant model is fitted on real articles instead (External corpora, below).\n\n")
	for _, m := range []struct {
		name, file string
		m          *profile.Model
	}{{"Reliability", "reliability.json", r.Models.Reliability}, {"Overall score", "model.json", r.Models.Overall}} {
		fmt.Fprintf(&b, "- %s (`%s`): intercept %.3f", m.name, m.file, m.m.Intercept)
		for _, k := range FeatureNames(m.m) {
			fmt.Fprintf(&b, ", `%s` %.3f", k, m.m.Weights[k])
		}
		b.WriteString(".\n")
	}
	if len(r.Dropped) > 0 {
		fmt.Fprintf(&b, "\nLeft out of the reliability model because the fit turned their sign against the prior's (a quirk of %d fixtures is likelier than a fact about news): `%s`.\n", r.Fixtures, strings.Join(r.Dropped, "`, `"))
	}
	if extra != "" {
		b.WriteString("\n" + extra)
	}
	fmt.Fprintf(&b, "\n## Per document\n\n| fixture | label | reliability | CV score | predicted | reference date (label / found) |\n|---|---|---|---|---|---|\n")
	for _, d := range r.Docs {
		rel := "–"
		if d.Fixture.Reliability >= 0 {
			rel = fmt.Sprintf("%.0f", d.Fixture.Reliability)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %.1f | %s | %s / %s |\n", strings.TrimPrefix(d.Fixture.Path, "testdata/fixtures/"), d.Fixture.Band, rel, d.CVScore, d.CVBand, orDash(d.Fixture.RefDate), orDash(d.RefDate))
	}
	if len(r.Mismatches) > 0 {
		fmt.Fprintf(&b, "\n## Mismatches (overlap)\n\n")
		for _, m := range r.Mismatches {
			kind := "unexpected"
			if m.Missed {
				kind = "missed"
			}
			fmt.Fprintf(&b, "- %s `%s` %s %q\n", kind, m.Rule, m.Path, m.Text)
		}
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// fitCuts chooses the band cut points that classify the training documents
// best under model m, counting each document as its score give or take
// cutNoise points: the expected number right when every score may be off by
// that much. A cut that happens to sit in a gap between two training
// scores is worth no more than its neighbours, so one fixture moving a
// point no longer sends the cut across the scale (counted exactly, the best
// medium cut jumped from 50.5 to 57 on a two-document difference).
func fitCuts(m *profile.Model, docs []DocResult, scores []float64) {
	below := func(cut, s float64) float64 { return 0.5 * math.Erfc((s-cut)/(cutNoise*math.Sqrt2)) } // P(score+noise < cut)
	best, bestMed, bestHi := -1.0, float64(profile.MediumAt), float64(profile.HighAt)
	for med := 25.0; med <= 65; med += 0.5 {
		for hi := med + 5; hi <= 90; hi += 0.5 {
			right := 0.0
			for i, d := range docs {
				switch d.Fixture.Band {
				case "low":
					right += below(med, scores[i])
				case "medium":
					right += below(hi, scores[i]) - below(med, scores[i])
				case "high":
					right += 1 - below(hi, scores[i])
				}
			}
			if right > best {
				best, bestMed, bestHi = right, med, hi
			}
		}
	}
	m.MediumAt, m.HighAt = bestMed, bestHi
}

// cutNoise is how far, in points, a document's score may move without its
// text changing in substance: the tolerance the page-stability measure
// uses (a page's dump against its article text, within 5 points).
const cutNoise = 5.0
