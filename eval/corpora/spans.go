package corpora

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	json "github.com/goccy/go-json"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/eval"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/spanmodel"
)

// spanDoc is one text of a corpus that marks loaded language, with the
// spans the model learns (Gold: PTC's Loaded_Language, Name_Calling and
// Exaggeration, BASIL's lexical bias, BABE's biased words) and, for PTC,
// every technique's spans (All) and the loaded and name-calling ones the
// report has always measured (Loaded).
type spanDoc struct {
	Corpus, ID, Text string
	// Group is the article a BABE sentence comes from: a cross-validation
	// fold never splits one ("" for a corpus of whole articles).
	Group     string
	Gold, All [][2]int
	Loaded    [][2]int
}

// heldOut reports whether a document is in the fifth of each corpus set
// aside before any fitting or tuning: it is scored once, by the shipped
// model, and reported beside the cross-validated figure.
func (d *spanDoc) group() string {
	if d.Group != "" {
		return d.Corpus + "/" + d.Group
	}
	return d.Corpus + "/" + d.ID
}

func (d *spanDoc) heldOut() bool {
	h := fnv.New32a()
	h.Write([]byte(d.Corpus + "/" + d.ID))
	return h.Sum32()%5 == 0
}

// spanCorpora reads the three corpora (any that is missing is skipped).
func spanCorpora() []spanDoc {
	docs := ptcSpanDocs()
	anns, _ := filepath.Glob(filepath.Join(DataDir, "basil", "annotations", "*", "*_ann.json"))
	for _, d := range basilLexDocs(anns) {
		docs = append(docs, spanDoc{Corpus: "basil", ID: d.ID, Text: d.Text, Gold: d.Gold})
	}
	return append(docs, babeSpanDocs()...)
}

func ptcSpanDocs() []spanDoc {
	f, err := os.Open(filepath.Join(DataDir, "ptc", "ptc_train.jsonl"))
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []spanDoc
	dec := json.NewDecoder(f)
	for {
		var art struct {
			ID    string `json:"article_id"`
			Text  string `json:"text"`
			Spans []struct {
				Technique string `json:"technique"`
				Start     int    `json:"start_byte"`
				End       int    `json:"end_byte"`
			} `json:"spans"`
		}
		if dec.Decode(&art) != nil {
			return out
		}
		d := spanDoc{Corpus: "ptc", ID: art.ID, Text: art.Text}
		for _, sp := range art.Spans {
			s := [2]int{sp.Start, sp.End}
			d.All = append(d.All, s)
			switch {
			case sp.Technique == "Loaded_Language" || strings.HasPrefix(sp.Technique, "Name_Calling"):
				d.Loaded = append(d.Loaded, s)
				d.Gold = append(d.Gold, s)
			case strings.HasPrefix(sp.Technique, "Exaggeration"):
				d.Gold = append(d.Gold, s)
			}
		}
		out = append(out, d)
	}
}

var quotedWord = regexp.MustCompile(`'([^']+)'|"([^"]+)"`)

// babeSpanDocs are BABE's labelled sentences with their biased words
// placed as spans (each word's first whole-word occurrence).
func babeSpanDocs() []spanDoc {
	f, err := os.Open(filepath.Join(DataDir, "babe", "babe_dev.csv"))
	if err != nil {
		return nil
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes = ';', true
	header, err := r.Read()
	if err != nil {
		return nil
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	var out []spanDoc
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		if err != nil || len(rec) <= col["biased_words"] {
			continue
		}
		sent, label := rec[col["text"]], rec[col["label_bias"]]
		if label != "Biased" && label != "Non-biased" {
			continue
		}
		d := spanDoc{Corpus: "babe", ID: fmt.Sprint(i), Text: sent, Group: rec[col["news_link"]]}
		lower := strings.ToLower(sent)
		for _, m := range quotedWord.FindAllStringSubmatch(rec[col["biased_words"]], -1) {
			w := strings.ToLower(m[1] + m[2])
			if at := wordIndex(lower, w); at >= 0 {
				d.Gold = append(d.Gold, [2]int{at, at + len(w)})
			}
		}
		out = append(out, d)
	}
}

// wordIndex is the first occurrence of w in s that is a whole word.
func wordIndex(s, w string) int {
	isLetter := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], w)
		if i < 0 || w == "" {
			return -1
		}
		at := from + i
		if (at == 0 || !isLetter(s[at-1])) && (at+len(w) == len(s) || !isLetter(s[at+len(w)])) {
			return at
		}
		from = at + 1
	}
	return -1
}

// spanTokens are one document's scorable words: their features (flat, with
// offsets), folded forms, byte spans and labels, and the lexicon's own
// framing.loaded findings.
type spanTokens struct {
	doc     *spanDoc
	feat    []uint32
	off     []int // feat[off[i]:off[i+1]] are token i's features
	words   []string
	spans   [][2]int
	label   []bool
	lexicon [][2]int
	reg     string
}

// collectSpans scores each document with the lexicon alone and keeps its
// words' features and the lexicon's framing.loaded spans.
func collectSpans(docs []spanDoc) ([]spanTokens, error) {
	var cur *spanTokens
	eng, err := engine.New(engine.Options{SpanModel: spanmodel.Off, Inspect: func(p *analysis.Pass) {
		c := spanmodel.NewContext(p)
		cur.reg = c.Register()
		buf := make([]uint32, 0, spanmodel.MaxFeatures)
		cur.off = append(cur.off, 0)
		for si, s := range p.Sentences {
			for k := s.First; k < s.Last; k++ {
				if !c.Scorable(k) || p.IsExcluded(p.Tokens[k].Start, p.Tokens[k].End) {
					continue
				}
				buf = c.Features(k, si, buf[:0])
				cur.feat = append(cur.feat, buf...)
				cur.off = append(cur.off, len(cur.feat))
				cur.words = append(cur.words, p.Tokens[k].Norm)
				sp := [2]int{p.Tokens[k].Start, p.Tokens[k].End}
				cur.spans = append(cur.spans, sp)
				cur.label = append(cur.label, overlapsAny(sp, cur.doc.Gold))
			}
		}
	}})
	if err != nil {
		return nil, err
	}
	out := make([]spanTokens, len(docs))
	for i := range docs {
		cur = &out[i]
		cur.doc = &docs[i]
		res, err := eng.Analyze(&core.Document{ID: docs[i].ID, Source: docs[i].Corpus + "/" + docs[i].ID, Text: docs[i].Text, Format: "txt"})
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %v", docs[i].Corpus, docs[i].ID, err)
		}
		cur.lexicon = loadedSpans(res)
	}
	return out, nil
}

func overlapsAny(s [2]int, spans [][2]int) bool {
	for _, g := range spans {
		if s[0] < g[1] && g[0] < s[1] {
			return true
		}
	}
	return false
}

// spanLambda is the fit's L2 penalty per weight, set once before the
// cross-validated figures were read (5 and 20 were tried after: both add
// fewer and no better spans).
const spanLambda = 1.0

// fitSpanWeights fits the logistic model on the documents' words with
// gonum's L-BFGS: minimise the log loss plus spanLambda/2·‖w‖².
func fitSpanWeights(docs []*spanTokens) ([]float64, error) {
	problem := optimize.Problem{
		Func: func(w []float64) float64 {
			loss := 0.0
			for _, d := range docs {
				for i := range d.label {
					z := d.logit(w, i)
					if d.label[i] {
						loss += softplus(-z)
					} else {
						loss += softplus(z)
					}
				}
			}
			return loss + spanLambda/2*floats.Dot(w, w)
		},
		Grad: func(g, w []float64) {
			for k := range g {
				g[k] = spanLambda * w[k]
			}
			for _, d := range docs {
				for i := range d.label {
					r := 1 / (1 + math.Exp(-d.logit(w, i)))
					if d.label[i] {
						r--
					}
					for _, f := range d.feat[d.off[i]:d.off[i+1]] {
						g[f] += r
					}
				}
			}
		},
	}
	res, err := optimize.Minimize(problem, make([]float64, spanmodel.Dim), &optimize.Settings{MajorIterations: 200}, &optimize.LBFGS{})
	if err != nil && !errors.Is(err, optimize.ErrLinesearcherFailure) && !errors.Is(err, optimize.ErrNoProgress) {
		if res == nil {
			return nil, err
		}
	}
	// Rounded as the shipped file keeps them, so that the models the
	// evaluation scores with are the ones a fit writes.
	for k, x := range res.X {
		res.X[k] = math.Round(x*1e4) / 1e4
	}
	return res.X, nil
}

func (d *spanTokens) logit(w []float64, i int) float64 {
	z := 0.0
	for _, f := range d.feat[d.off[i]:d.off[i+1]] {
		z += w[f]
	}
	return z
}

func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}

// probabilities scores a document's words under weights w.
func (d *spanTokens) probabilities(w []float64) []float64 {
	out := make([]float64, len(d.label))
	for i := range out {
		out[i] = 1 / (1 + math.Exp(-d.logit(w, i)))
	}
	return out
}

// vocabulary is, for each word, the highest probability a model gave it
// in its training text: a model marks only the words it scored at or
// above its threshold there, and never a closed-class word.
type vocabulary map[string]float64

func (v vocabulary) add(d *spanTokens, prob []float64) {
	for i, p := range prob {
		if p > v[d.words[i]] && !spanmodel.ClosedClass(d.words[i]) {
			v[d.words[i]] = p
		}
	}
}

func (v vocabulary) words(th float64) []string {
	var out []string
	for w, p := range v {
		if p >= th {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// decode turns word probabilities into spans: runs of adjacent words at or
// above the threshold that the vocabulary lets the model mark, joined.
func (d *spanTokens) decode(prob []float64, threshold float64, v vocabulary) [][2]int {
	var out [][2]int
	on := func(i int) bool { return prob[i] >= threshold && v[d.words[i]] >= threshold }
	for i := range prob {
		if !on(i) {
			continue
		}
		if n := len(out); n > 0 && i > 0 && on(i-1) && onlySpaceBetween(d.doc.Text, out[n-1][1], d.spans[i][0]) {
			out[n-1][1] = d.spans[i][1]
			continue
		}
		out = append(out, d.spans[i])
	}
	return out
}

func onlySpaceBetween(s string, a, b int) bool {
	return a <= b && strings.TrimSpace(s[a:b]) == ""
}

// added are the model's spans that no lexicon span overlaps: what the
// engine reports besides the lexicon's findings.
func (d *spanTokens) added(prob []float64, th float64, v vocabulary) [][2]int {
	var out [][2]int
	if d.reg != spanmodel.Marked {
		return nil
	}
	for _, s := range d.decode(prob, th, v) {
		if !overlapsAny(s, d.lexicon) {
			out = append(out, s)
		}
	}
	return out
}

// spanThresholds are the thresholds the cross-validation tries.
var spanThresholds = []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7}

var spanCorpusNames = []string{"ptc", "basil", "babe"}

// spanFit is the cross-validated fitting of the span model.
type spanFit struct {
	docs []spanDoc
	toks []spanTokens
	dev  []int // documents used for fitting and choosing (4/5)
	held []int // the fifth set aside
	// fold is each dev document's cross-validation fold, by article (BABE's
	// sentences of one article share a fold); -1 for the set-aside fifth.
	fold      []int
	cvProb    [][]float64 // each dev document's word probabilities from the fold that did not see it
	cvVocab   [5]vocabulary
	threshold float64
	folds     [5]*spanmodel.Model // each fitted without its fold
	shipped   *spanmodel.Model    // fitted on every dev document
	report    string
}

// FitSpanModel fits the learned loaded-language model on the corpora in
// DataDir, as `make fit` ships it.
func FitSpanModel() (*spanmodel.Model, error) {
	sf, err := fitSpans()
	if err != nil {
		return nil, err
	}
	return sf.shipped, nil
}

// fitSpans reads the corpora, cross-validates on the dev documents (5 folds
// by article), chooses the threshold there, and fits the shipped model on
// every dev document; the fifth set aside is never fitted on.
func fitSpans() (*spanFit, error) {
	sf := &spanFit{docs: spanCorpora()}
	if len(sf.docs) == 0 {
		return nil, fmt.Errorf("span model: no corpora in %s", DataDir)
	}
	var err error
	if sf.toks, err = collectSpans(sf.docs); err != nil {
		return nil, err
	}
	groups := map[string]int{}
	for i := range sf.docs {
		if sf.docs[i].heldOut() {
			sf.held = append(sf.held, i)
			continue
		}
		sf.dev = append(sf.dev, i)
		if _, ok := groups[sf.docs[i].group()]; !ok {
			groups[sf.docs[i].group()] = len(groups)
		}
	}
	groupFold := eval.Folds(len(groups), 5)
	sf.fold = make([]int, len(sf.docs))
	for i := range sf.fold {
		sf.fold[i] = -1
	}
	for _, i := range sf.dev {
		sf.fold[i] = groupFold[groups[sf.docs[i].group()]]
	}
	sf.cvProb = make([][]float64, len(sf.docs))
	var weights [5][]float64
	for f := range 5 {
		var train []*spanTokens
		for _, i := range sf.dev {
			if sf.fold[i] != f {
				train = append(train, &sf.toks[i])
			}
		}
		if weights[f], err = fitSpanWeights(train); err != nil {
			return nil, err
		}
		sf.cvVocab[f] = vocabulary{}
		for _, d := range train {
			sf.cvVocab[f].add(d, d.probabilities(weights[f]))
		}
		for _, i := range sf.dev {
			if sf.fold[i] == f {
				sf.cvProb[i] = sf.toks[i].probabilities(weights[f])
			}
		}
	}
	// Among the thresholds that leave no corpus worse than the lexicon
	// alone (the model is to add what the lexicon misses, not to trade one
	// kind of news for another), the highest whose summed F1 is within
	// noise of the best: the model that adds fewest words for the same
	// accuracy. Noise is one gold span's share of F1 (1/gold spans) per
	// corpus; below that, a comparison turns on a single span. Taking the
	// best sum outright made the choice flip between neighbouring
	// thresholds on changes far smaller than that.
	type candidate struct {
		th, sum float64
		line    string
	}
	var ok []candidate
	best, noise := -1.0, 0.0
	for i, th := range spanThresholds {
		worse, sum, line := false, 0.0, ""
		for _, c := range spanCorpusNames {
			lex, both := sf.cvCounts(c, th)
			span := 1 / float64(max(lex.gold, 1))
			worse = worse || both.f1() < lex.f1()-span
			sum += both.f1()
			line += fmt.Sprintf(", %s %.3f → %.3f", strings.ToUpper(c), lex.f1(), both.f1())
			if i == 0 {
				noise += span
			}
		}
		if !worse {
			ok = append(ok, candidate{th, sum, line[2:]})
			best = max(best, sum)
		}
	}
	sf.threshold = 1 // none qualifies: the model adds nothing
	var summary string
	for _, c := range ok {
		if c.sum >= best-noise {
			sf.threshold, summary = c.th, c.line // the thresholds ascend: the last is the highest
		}
	}
	var train []*spanTokens
	for _, i := range sf.dev {
		train = append(train, &sf.toks[i])
	}
	w, err := fitSpanWeights(train)
	if err != nil {
		return nil, err
	}
	all := vocabulary{}
	for _, d := range train {
		all.add(d, d.probabilities(w))
	}
	if sf.threshold >= 1 {
		summary = "no threshold leaves every corpus at least as good as the lexicon alone, so the model marks nothing"
	} else {
		summary = fmt.Sprintf("threshold %.2f, the highest whose mean span F1 is within one gold span per corpus of the best among those that leave no corpus worse than the lexicon alone by more than one gold span; cross-validated span F1, the lexicon alone → with the model: %s", sf.threshold, summary)
	}
	sf.report = fmt.Sprintf("Fitted on %d documents (%d words) of PTC, BASIL and BABE, a fifth of each (%d documents) set aside; %s.", len(sf.dev), countWords(train), len(sf.held), summary)
	sf.shipped = sf.model(w, all)
	sf.shipped.CorpusHash = spanCorpusHash(sf.docs)
	for f := range 5 {
		sf.folds[f] = sf.model(weights[f], sf.cvVocab[f])
	}
	return sf, nil
}

// cvCounts scores, on one corpus's dev documents, the lexicon alone and
// with the cross-validated model's added spans.
func (sf *spanFit) cvCounts(corpus string, th float64) (lex, both overlapCounts) {
	for _, i := range sf.dev {
		d := &sf.toks[i]
		if d.doc.Corpus != corpus {
			continue
		}
		lex.add(d.lexicon, d.doc.Gold)
		both.add(append(append([][2]int{}, d.lexicon...), d.added(sf.cvProb[i], th, sf.cvVocab[sf.fold[i]])...), d.doc.Gold)
	}
	return lex, both
}

func (sf *spanFit) model(w []float64, v vocabulary) *spanmodel.Model {
	m := &spanmodel.Model{Report: sf.report, Threshold: min(sf.threshold, 0.99), Weights: w}
	if sf.threshold < 1 {
		m.Words = v.words(sf.threshold)
	}
	m.About.Purpose = "The learned loaded-language model's weights (framing.loaded findings the lexicon does not list): a logistic model over each word's hashed features (internal/spanmodel). Written by `make fit`; regenerate, do not edit."
	m.About.Selection = "Fitted with gonum's L-BFGS (L2 1) on the loaded spans people marked in three public corpora: PTC's Loaded_Language, Name_Calling and Exaggeration spans, BASIL's lexical-bias spans, BABE's biased words. The threshold is chosen by 5-fold cross-validation by article; a fifth of each corpus is never fitted on. The model marks only the words it scored at or above the threshold in its training text (words)."
	m.About.Sources = "Weights learned from the corpora in ../shared/data (PTC, BASIL, BABE; their licences in PROVENANCE.md there); no text of them is kept here, only hashed feature weights and the list of words the model may mark."
	m.Compile()
	return m
}

func countWords(docs []*spanTokens) int {
	n := 0
	for _, d := range docs {
		n += len(d.label)
	}
	return n
}

// spanCorpusHash identifies the documents and gold spans a model was
// fitted on.
func spanCorpusHash(docs []spanDoc) string {
	h := fnv.New64a()
	for _, d := range docs {
		fmt.Fprintf(h, "%s/%s\x00%s\x00%v\x00", d.Corpus, d.ID, d.Text, d.Gold)
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// engines returns, for a document of the span corpora, the engine that
// scores it as text it was not fitted on: a dev document's fold model, or the model
// fitted on every dev document for the fifth set aside. Other documents
// get def.
func (sf *spanFit) engines(def *engine.Engine) (func(corpus, id string) *engine.Engine, error) {
	var folds [5]*engine.Engine
	for f := range 5 {
		e, err := engine.New(engine.Options{KeepAttributions: true, SpanModel: sf.folds[f]})
		if err != nil {
			return nil, err
		}
		folds[f] = e
	}
	held, err := engine.New(engine.Options{KeepAttributions: true, SpanModel: sf.shipped})
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	for i := range sf.docs {
		index[sf.docs[i].Corpus+"/"+sf.docs[i].ID] = i
	}
	return func(corpus, id string) *engine.Engine {
		i, ok := index[corpus+"/"+id]
		switch {
		case !ok:
			return def
		case sf.fold[i] < 0:
			return held
		default:
			return folds[sf.fold[i]]
		}
	}, nil
}

// externalSpanModel is the report's section on the learned model: span F1
// of the lexicon alone and with the model, each document scored by an
// engine whose model was not fitted on it.
func externalSpanModel(_ *engine.Engine, run *externalRun) (string, error) {
	sf := run.spans
	if sf == nil {
		return "", fmt.Errorf("span model: not fitted")
	}
	type counts struct{ lex, both, added overlapCounts }
	cv, held := map[string]*counts{}, map[string]*counts{}
	falseAdds := map[string]int{}
	for i := range sf.docs {
		d := &sf.docs[i]
		res, err := analyzeText(run.engineFor(d.Corpus, d.ID), d.Corpus+"-"+d.ID, d.Text)
		if err != nil {
			continue
		}
		var lex, added [][2]int
		for _, f := range res.Findings {
			switch {
			case f.Rule != "framing.loaded":
			case f.Learned:
				added = append(added, [2]int{f.Start, f.End})
				if d.Corpus == "basil" && sf.fold[i] >= 0 && !overlapsAny([2]int{f.Start, f.End}, d.Gold) {
					falseAdds[strings.ToLower(f.Text)]++
				}
			default:
				lex = append(lex, [2]int{f.Start, f.End})
			}
		}
		into := cv
		if sf.fold[i] < 0 {
			into = held
		}
		for _, key := range []string{d.Corpus, d.Corpus + "-all"} {
			if key == "basil-all" || key == "babe-all" {
				continue
			}
			gold := d.Gold
			if key == "ptc-all" {
				gold = d.All
			}
			c := into[key]
			if c == nil {
				c = &counts{}
				into[key] = c
			}
			c.lex.add(lex, gold)
			c.both.add(append(lex[:len(lex):len(lex)], added...), gold)
			c.added.add(added, gold)
		}
	}
	words := 0
	for _, i := range sf.dev {
		words += len(sf.toks[i].label)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "- **A learned model beside the lexicon** (shipped: `lexicons/spanmodel.json`, written by `make fit`). A logistic model over each word (its identity and stem, last three letters, neighbours, shape, lexicon category and tone, inside a quote, in an attributed sentence, in the first sentence, and the document's register, how dense the lexicon's loaded wording is in it, alone and with the word; 2^%d hashed weights, gonum L-BFGS, L2 %.0f), fitted on PTC's Loaded_Language, Name_Calling and Exaggeration spans, BASIL's lexical-bias spans and BABE's biased words: %d documents (%d words) for 5-fold cross-validation by article, and a fifth of each corpus (%d documents) set aside before any fitting, never fitted on. It marks runs of words at or above a threshold that no lexicon span overlaps, and only words it scored that high in its training text; the threshold is the highest whose mean F1 is within one gold span per corpus of the best among those that leave no corpus worse than the lexicon alone by more than one gold span's share of F1 (a strict comparison, tried first, found none: it turned on single spans; taking the best mean outright flipped between 0.30 and 0.35 on changes smaller than that)", spanmodel.Bits, spanLambda, len(sf.dev), words, len(sf.held))
	if sf.threshold >= 1 {
		b.WriteString(": none qualifies, so the model marks nothing.")
	} else {
		fmt.Fprintf(&b, ": %.2f. The engine's findings, each document scored with the model of the fold that did not see it (the set-aside fifth with the model fitted on the other four), span F1 of the lexicon alone → the engine with the model, and what the model adds:", sf.threshold)
	}
	b.WriteString("\n\n  | corpus | cross-validated | added: spans, precision | set-aside fifth |\n  |---|---|---|---|\n")
	row := func(name, key string) {
		c, h := cv[key], held[key]
		if c == nil || h == nil {
			return
		}
		fmt.Fprintf(&b, "  | %s | %.3f → %.3f | %d, %.3f | %.3f → %.3f |\n", name, c.lex.f1(), c.both.f1(), c.added.pred, c.added.precision(), h.lex.f1(), h.both.f1())
		run.metrics["spans."+key] = c.both.f1()
		run.metrics["spans.heldout."+key] = h.both.f1()
	}
	row("PTC, loaded, name-calling, exaggeration", "ptc")
	row("PTC, all 14 techniques", "ptc-all")
	row("BASIL, lexical bias", "basil")
	row("BABE, biased words", "babe")
	top := make([]string, 0, len(falseAdds))
	for w := range falseAdds {
		top = append(top, w)
	}
	slices.SortFunc(top, func(a, b string) int { return cmp.Or(falseAdds[b]-falseAdds[a], strings.Compare(a, b)) })
	for i, w := range top[:min(8, len(top))] {
		top[i] = strconv.Quote(w)
	}
	if len(top) > 0 {
		fmt.Fprintf(&b, "\n  Words it adds in BASIL's professionally edited news that the labellers did not mark: %s.\n", strings.Join(top[:min(8, len(top))], ", "))
	}
	return b.String(), nil
}
