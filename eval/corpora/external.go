package corpora

import (
	"encoding/csv"
	"fmt"
	"github.com/credence-news/credence/eval"
	json "github.com/goccy/go-json"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/text"
)

// DataDir is where the externally labelled corpora are looked for.
var DataDir = filepath.Join("..", "shared", "data")

// External evaluates the engine on the external corpora in DataDir and
// returns a report section, or "" when they are absent. The corpora are read
// in place and never copied.
func External() string {
	s, _ := externalCorpora()
	return s
}

// externalCorpora is External with the headline numbers by name (see the
// sections for the names), so tests can hold the engine to its targets.
func externalCorpora() (string, map[string]float64) {
	if _, err := os.Stat(DataDir); err != nil {
		return "", nil
	}
	eng, err := engine.New(engine.Options{KeepAttributions: true})
	if err != nil {
		return "External corpora: engine failed: " + err.Error() + "\n", nil
	}
	run := &externalRun{own: newWordListBaseline(eng), vader: newVaderList(), metrics: map[string]float64{}}
	// The learned model is fitted on PTC, BASIL and BABE: their documents
	// are scored by engines whose model did not see them.
	run.engineFor = func(string, string) *engine.Engine { return eng }
	if sf, err := fitSpans(); err == nil {
		if run.engineFor, err = sf.engines(eng); err != nil {
			return "External corpora: engine failed: " + err.Error() + "\n", nil
		}
		run.spans = sf
	}
	var b strings.Builder
	b.WriteString("## External corpora\n\nLabelled outside this project (`../shared/data`, read in place, never copied). Each line says what the corpus measures. Two plain word lists are scored beside the engine. The **VADER word list** flags every word of VADER's sentiment lexicon (Hutto & Gilbert 2014; 7,500 words rated by people, the list research toolkits use) whose valence passes a threshold; eight thresholds are tried and the best on each corpus reported, which favours the baseline. The **own word list** flags any single word of the framing lexicon's loaded categories, with no stems, context, negation or quote handling: the same vocabulary as the engine, so the gap is what the engine's matching and context add.\n\n")
	for _, section := range []func(*engine.Engine, *externalRun) (string, error){externalBABE, externalPTC, externalBASIL, externalFactual, externalRefDates, externalFurniture, externalExtraction, externalCoNLL, externalPolNeAR, externalSlant, externalPrecisionSet, externalSpanModel} {
		s, err := section(eng, run)
		if err != nil {
			fmt.Fprintf(&b, "- %v\n", err)
			continue
		}
		b.WriteString(s)
	}
	return b.String(), run.metrics
}

// externalRun is what the sections share: the plain word lists the engine is
// measured against, and the map where each records its headline numbers.
type externalRun struct {
	own     *wordList
	vader   *vaderList
	metrics map[string]float64
	spans   *spanFit
	// engineFor is the engine for a document of a corpus (see
	// spanFit.engines).
	engineFor func(corpus, id string) *engine.Engine
}

// wordList is the framing lexicon's loaded words, matched bare.
type wordList struct{ words map[string]bool }

func newWordListBaseline(eng *engine.Engine) *wordList {
	w := &wordList{words: map[string]bool{}}
	for _, lx := range eng.Data().Lexicons {
		for _, e := range lx.Entries {
			if lx.Categories[e.Category].Rule != "framing.loaded" {
				continue
			}
			for _, ph := range lexicon.Expand(e.Phrase) {
				if !strings.ContainsAny(ph, " *.") {
					w.words[text.Fold(ph)] = true
				}
			}
		}
	}
	return w
}

// spans returns the baseline's matches in s.
func (w *wordList) spans(s string) [][2]int {
	var out [][2]int
	for _, sp := range text.Spans(s) {
		if w.words[text.Fold(s[sp[0]:sp[1]])] {
			out = append(out, sp)
		}
	}
	return out
}

func analyzeText(eng *engine.Engine, id, s string) (core.Result, error) {
	doc := &core.Document{ID: id, Source: id, Text: s, Format: "txt"}
	return eng.Analyze(doc)
}

// loadedSpans are the framing.loaded findings, inside quotes too: the
// corpora label loaded wording whoever utters it, and the engine finds it
// there (and attributes it to the speaker).
func loadedSpans(res core.Result) [][2]int {
	var out [][2]int
	for _, f := range res.Findings {
		if f.Rule == "framing.loaded" {
			out = append(out, [2]int{f.Start, f.End})
		}
	}
	return out
}

// framingSpans are the framing scorer's span findings: loaded wording,
// opinion and speculation in the news voice, quoted or not.
func framingSpans(res core.Result) [][2]int {
	var out [][2]int
	for _, f := range res.Findings {
		if f.Rule == "framing.loaded" || f.Rule == "framing.editorial" || f.Rule == "framing.speculation" {
			out = append(out, [2]int{f.Start, f.End})
		}
	}
	return out
}

// macroF1 of binary predictions.
func macroF1(pred, gold []bool) float64 {
	var pos, neg eval.Counts
	for i := range pred {
		switch {
		case pred[i] && gold[i]:
			pos.TP++
		case pred[i] && !gold[i]:
			pos.FP++
			neg.FN++
		case !pred[i] && gold[i]:
			pos.FN++
			neg.FP++
		default:
			neg.TP++
		}
	}
	return (pos.F1() + neg.F1()) / 2
}

// externalBABE: sentence-level bias (expert labels): a sentence with any
// framing.loaded finding, quoted or not, is predicted biased.
func externalBABE(eng *engine.Engine, run *externalRun) (string, error) {
	f, err := os.Open(filepath.Join(DataDir, "babe", "babe_dev.csv"))
	if err != nil {
		return "", fmt.Errorf("BABE: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return "", fmt.Errorf("BABE: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	var pred, predBase, gold []bool
	predVader := make([][]bool, len(vaderSettings))
	var feats []map[string]float64
	// Opinion in the news voice: BABE's label_opinion, the sentences its
	// experts call the writer's opinion against those they call entirely
	// factual (the "somewhat" and "no agreement" middle left out).
	var opinionPred, opinionGold, opinionOwn []bool
	opinionVader := make([][]bool, len(vaderSettings))
	var opinionFeats []map[string]float64
	// The article each sentence comes from: a fold never splits one.
	var articles, opinionArticles []string
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			continue
		}
		sent, label, opinion := rec[col["text"]], rec[col["label_bias"]], rec[col["label_opinion"]]
		if label != "Biased" && label != "Non-biased" {
			continue
		}
		res, err := analyzeText(run.engineFor("babe", fmt.Sprint(i)), fmt.Sprintf("babe-%d", i), sent)
		if err != nil {
			continue
		}
		opinionLabelled := opinion == "Expresses writer’s opinion" || opinion == "Entirely factual"
		gold = append(gold, label == "Biased")
		pred = append(pred, len(loadedSpans(res)) > 0)
		own := len(run.own.spans(sent)) > 0
		predBase = append(predBase, own)
		vaderSpans := run.vader.spans(sent)
		for i, sp := range vaderSpans {
			predVader[i] = append(predVader[i], len(sp) > 0)
		}
		x := sentenceFeatures(sent, res)
		// The lexicon category of each loaded word (pejorative, intensifier,
		// emotive verb…): the rule alone lumps them together.
		lp := analysis.NewPass(&core.Document{Text: sent}, nil, eng.Data().Stems, eng.Data().Matcher)
		for _, m := range lp.Matches {
			if m.Lexicon.Categories[m.Entry.Category].Rule == "framing.loaded" {
				x["category."+m.Entry.Category] += m.Entry.Weight
				if m.Entry.Polarity < 0 {
					x["polarity.negative"] += m.Entry.Weight
				} else if m.Entry.Polarity > 0 {
					x["polarity.positive"] += m.Entry.Weight
				}
			}
		}
		// Who speaks: a sentence that reports a source's words is read
		// differently from one in the outlet's own voice.
		for _, a := range res.Attributions {
			x["attribution."+a.Kind] = 1
			if a.Direct {
				x["attribution.direct"] = 1
			}
		}
		feats = append(feats, x)
		articles = append(articles, rec[col["news_link"]])
		if opinionLabelled {
			opinionGold = append(opinionGold, opinion != "Entirely factual")
			opinionPred = append(opinionPred, outletVoiceFraming(res))
			opinionOwn = append(opinionOwn, own)
			for i, sp := range vaderSpans {
				opinionVader[i] = append(opinionVader[i], len(sp) > 0)
			}
			opinionFeats = append(opinionFeats, x)
			opinionArticles = append(opinionArticles, rec[col["news_link"]])
		}
	}
	learned := crossValidatedSentenceModel(feats, gold, articles, 5)
	opinionLearned := crossValidatedSentenceModel(opinionFeats, opinionGold, opinionArticles, 5)
	run.metrics["babe.opinion_rule"], run.metrics["babe.opinion_learned"] = macroF1(opinionPred, opinionGold), macroF1(opinionLearned, opinionGold)
	ovi := bestSetting(func(i int) float64 { return macroF1(opinionVader[i], opinionGold) })
	vi := bestSetting(func(i int) float64 { return macroF1(predVader[i], gold) })
	vader, vaderSet := macroF1(predVader[vi], gold), vaderSettings[vi]
	run.metrics["babe.rule"], run.metrics["babe.learned"] = macroF1(pred, gold), macroF1(learned, gold)
	run.metrics["babe.vader"], run.metrics["babe.own"] = vader, macroF1(predBase, gold)
	return fmt.Sprintf("- **BABE** (sentence-level media bias, %d expert-labelled sentences): macro-F1 %.3f for \"any framing.loaded finding (quoted or not)\"; %.3f for a logistic combination of the framing features, the loaded words' categories and polarity, and who speaks in the sentence (5-fold cross-validated on BABE dev, folds by article). Baselines: VADER word list %.3f (%v), own word list %.3f. (Published fine-tuned BERT: 0.804.)\n",
		len(gold), macroF1(pred, gold), macroF1(learned, gold), vader, vaderSet, macroF1(predBase, gold)) +
		fmt.Sprintf("- **BABE, opinion in the news voice** (%d sentences its experts call the writer's opinion, %d, or entirely factual; the middle left out): macro-F1 %.3f for \"any framing.editorial, framing.speculation or framing.loaded finding in the outlet's voice\"; %.3f for the same logistic combination trained on the opinion label (5-fold cross-validated by article; not shipped: the rules are what the engine runs). Baselines: VADER word list %.3f (%v), own word list %.3f.\n",
			len(opinionGold), count(opinionGold), macroF1(opinionPred, opinionGold), macroF1(opinionLearned, opinionGold), macroF1(opinionVader[ovi], opinionGold), vaderSettings[ovi], macroF1(opinionOwn, opinionGold)), nil
}

// outletVoiceFraming reports a framing finding counted against the outlet:
// opinion, speculation or loaded wording outside quotes and reported speech.
func outletVoiceFraming(res core.Result) bool {
	for _, f := range res.Findings {
		switch f.Rule {
		case "framing.editorial", "framing.speculation", "framing.loaded":
			if !f.Quoted {
				return true
			}
		}
	}
	return false
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// sentenceFeatures are the framing signals of one sentence, for a learned
// sentence-level bias classifier.
func sentenceFeatures(sent string, res core.Result) map[string]float64 {
	x := map[string]float64{}
	for _, f := range res.Findings {
		if f.Start == f.End {
			continue
		}
		key := f.Rule
		if f.Quoted {
			key += ".quoted"
		}
		x[key] += f.Weight
	}
	toks := text.Tokenize(sent, nil)
	words := 0
	for _, t := range toks {
		if t.Punct {
			switch t.Norm {
			case "!":
				x["exclamation"] = 1
			case "?":
				x["question"] = 1
			case "\"":
				x["quote_marks"]++
			}
			continue
		}
		words++
		switch t.Norm {
		case "i", "we", "our", "us", "my":
			x["first_person"] = 1
		case "you", "your":
			x["second_person"] = 1
		case "should", "must", "ought", "need":
			x["modal_obligation"] = 1
		case "very", "really", "so", "too", "most", "more", "even", "just", "only":
			x["intensity_words"]++
		case "not", "no", "never", "n't":
			x["negation"]++
		}
		if strings.HasSuffix(t.Norm, "ly") && len(t.Norm) > 4 {
			x["ly_adverbs"]++
		}
		if strings.HasSuffix(t.Norm, "est") && len(t.Norm) > 5 {
			x["superlative_like"]++
		}
	}
	x["log_words"] = math.Log1p(float64(words))
	return x
}

// crossValidatedSentenceModel fits a logistic regression on k-1 folds and
// predicts the held-out fold, for every fold; threshold 0.5. Folds are by
// article (articles[i] is sentence i's), so no article's sentences are on
// both sides of a fit.
func crossValidatedSentenceModel(feats []map[string]float64, gold []bool, articles []string, k int) []bool {
	fold := make([]int, len(feats))
	for i := range fold {
		h := fnv.New32a()
		h.Write([]byte(articles[i]))
		fold[i] = int(h.Sum32() % uint32(k))
	}
	names := map[string]bool{}
	for _, x := range feats {
		for n := range x {
			names[n] = true
		}
	}
	var list []string
	for n := range names {
		list = append(list, n)
	}
	sort.Strings(list)
	pred := make([]bool, len(feats))
	for f := 0; f < k; f++ {
		var train []eval.Sample
		for i, x := range feats {
			if fold[i] != f {
				y := 0.0
				if gold[i] {
					y = 1
				}
				train = append(train, eval.Sample{X: x, Y: y})
			}
		}
		m, err := eval.Fit(train, eval.PriorWith(list...), 0.5)
		if err != nil {
			continue
		}
		for i, x := range feats {
			if fold[i] == f {
				pred[i] = m.Score(x) >= 50
			}
		}
	}
	return pred
}

// externalPTC: span-level overlap P/R/F1 of framing.loaded against PTC's
// Loaded_Language and Name_Calling spans (byte offsets).
func externalPTC(eng *engine.Engine, run *externalRun) (string, error) {
	arts := ptcSpanDocs()
	if len(arts) == 0 {
		return "", fmt.Errorf("PTC: no articles in %s", filepath.Join(DataDir, "ptc"))
	}
	var engine, baseline, engineAny, baselineAny, engineAll overlapCounts
	vader, vaderAll := make([]overlapCounts, len(vaderSettings)), make([]overlapCounts, len(vaderSettings))
	docs := 0
	for _, art := range arts {
		gold, all := art.Loaded, art.All
		res, err := analyzeText(run.engineFor("ptc", art.ID), "ptc-"+art.ID, art.Text)
		if err != nil {
			continue
		}
		docs++
		engine.add(loadedSpans(res), gold)
		own := run.own.spans(art.Text)
		baseline.add(own, gold)
		engineAny.add(loadedSpans(res), all)
		baselineAny.add(own, all)
		// Every technique's spans as gold: the framing findings a reader
		// sees (loaded wording, opinion, speculation) against all of them.
		engineAll.add(framingSpans(res), all)
		for i, sp := range run.vader.spans(art.Text) {
			vader[i].add(sp, gold)
			vaderAll[i].add(sp, all)
		}
	}
	vi := bestSetting(func(i int) float64 { return vader[i].f1() })
	v, vset := vader[vi], vaderSettings[vi]
	vi = bestSetting(func(i int) float64 { return vaderAll[i].f1() })
	va, vaset := vaderAll[vi], vaderSettings[vi]
	run.metrics["ptc.f1"], run.metrics["ptc.vader"], run.metrics["ptc.own"] = engine.f1(), v.f1(), baseline.f1()
	run.metrics["ptc_all.f1"], run.metrics["ptc_all.vader"], run.metrics["ptc_all.own"] = engineAll.f1(), va.f1(), baselineAny.f1()
	return fmt.Sprintf("- **PTC** (propaganda techniques, %d articles, %d Loaded_Language + Name_Calling spans): framing.loaded span overlap P %.3f, R %.3f, F1 %.3f. Baselines: VADER word list P %.3f, R %.3f, F1 %.3f (%v); own word list P %.3f, R %.3f, F1 %.3f. "+
		"Counting a finding inside a span of any of PTC's 14 techniques (Exaggeration, Doubt, Appeal to fear…) as right, precision is %.3f (own word list %.3f): PTC files many loaded words under another technique. "+
		"Against all %d spans of the 14 techniques, the framing findings (loaded wording, opinion and speculation, quoted or not) P %.3f, R %.3f, F1 %.3f; VADER word list P %.3f, R %.3f, F1 %.3f (%v); own word list P %.3f, R %.3f, F1 %.3f. The engine's figures here include the learned model's spans, each article scored by a model that did not see it (see the learned model below).\n",
		docs, engine.gold, engine.precision(), engine.recall(), engine.f1(), v.precision(), v.recall(), v.f1(), vset, baseline.precision(), baseline.recall(), baseline.f1(), engineAny.precision(), baselineAny.precision(),
		engineAll.gold, engineAll.precision(), engineAll.recall(), engineAll.f1(), va.precision(), va.recall(), va.f1(), vaset, baselineAny.precision(), baselineAny.recall(), baselineAny.f1()), nil
}

// overlapCounts scores predicted spans against gold spans by overlap.
type overlapCounts struct {
	pred, predHit, gold, goldHit int
}

func (c *overlapCounts) add(pred, gold [][2]int) {
	overlaps := func(a, b [2]int) bool { return a[0] < b[1] && b[0] < a[1] }
	for _, p := range pred {
		c.pred++
		for _, g := range gold {
			if overlaps(p, g) {
				c.predHit++
				break
			}
		}
	}
	for _, g := range gold {
		c.gold++
		for _, p := range pred {
			if overlaps(p, g) {
				c.goldHit++
				break
			}
		}
	}
}

func (c overlapCounts) precision() float64 { return eval.Ratio(c.predHit, c.pred) }
func (c overlapCounts) recall() float64    { return eval.Ratio(c.goldHit, c.gold) }
func (c overlapCounts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// externalCoNLL: CoNLL-2010 Wikipedia sentences labelled uncertain (weasel
// or hedge) or certain; a sentence with a sourcing.weasel finding is
// predicted uncertain.
func externalCoNLL(eng *engine.Engine, _ *externalRun) (string, error) {
	f, err := os.Open(filepath.Join(DataDir, "conll2010", "uncertainty-conll2010.csv"))
	if err != nil {
		return "", fmt.Errorf("CoNLL-2010: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	var c eval.Counts
	n := 0
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil || len(rec) < 2 {
			continue
		}
		label := strings.TrimPrefix(strings.TrimSpace(rec[0]), "\ufeff")
		res, err := analyzeText(eng, fmt.Sprintf("conll-%d", i), rec[1])
		if err != nil {
			continue
		}
		n++
		pred := false
		for _, f := range res.Findings {
			pred = pred || f.Rule == "sourcing.weasel"
		}
		switch {
		case pred && label == "-1":
			c.TP++
		case pred:
			c.FP++
		case label == "-1":
			c.FN++
		}
	}
	return fmt.Sprintf("- **CoNLL-2010** (Wikipedia uncertainty, %d sentences): sourcing.weasel as an uncertainty detector P %.3f, R %.3f, F1 %.3f. Recall is low by design: the corpus counts hedges (\"may\", \"possibly\"), which this rule does not target.\n",
		n, c.Precision(), c.Recall(), c.F1()), nil
}

// externalPolNeAR measures attribution on PolNeAR dev (brat standoff,
// code-point offsets): recall and precision of source spans, and how often a
// cue the engine finds with no source is one the annotators also left
// without a source.
func externalPolNeAR(eng *engine.Engine, _ *externalRun) (string, error) {
	dir := filepath.Join(DataDir, "polnear", "dev")
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(anns) == 0 {
		return "", fmt.Errorf("PolNeAR: no dev annotations in %s", dir)
	}
	var srcGold, srcHit, srcPred, srcPredHit, noSrcPred, noSrcRight, docs int
	var speech speechCounts
	for _, ann := range anns {
		base := filepath.Base(ann)
		name := strings.TrimSuffix(base, ".ann")
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			name = name[:i]
		}
		raw, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			continue
		}
		txt := string(raw)
		// Code point offset → byte offset.
		byteAt := make([]int, 0, len(txt)+1)
		for i := range txt {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(txt))
		conv := func(cp int) int {
			if cp < 0 || cp >= len(byteAt) {
				return len(txt)
			}
			return byteAt[cp]
		}
		type rel struct{ source, cue, content [2]int }
		spans := map[string][2]int{}
		var rels []rel
		annText, err := os.ReadFile(ann)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(annText), "\n") {
			f := strings.Split(line, "\t")
			if len(f) < 2 {
				continue
			}
			switch {
			case strings.HasPrefix(f[0], "T"):
				var kind string
				var a, b int
				if _, err := fmt.Sscanf(f[1], "%s %d %d", &kind, &a, &b); err == nil {
					spans[f[0]] = [2]int{conv(a), conv(b)}
				}
			case strings.HasPrefix(f[0], "E"):
				r := rel{source: [2]int{-1, -1}, cue: [2]int{-1, -1}, content: [2]int{-1, -1}}
				for _, arg := range strings.Fields(f[1]) {
					role, id, _ := strings.Cut(arg, ":")
					switch role {
					case "Source":
						r.source = spans[id]
					case "Cue":
						r.cue = spans[id]
					case "Content":
						r.content = spans[id]
					}
				}
				rels = append(rels, r)
			}
		}
		res, err := analyzeText(eng, "polnear-"+name, txt)
		if err != nil {
			continue
		}
		docs++
		overlaps := func(a, b [2]int) bool { return a[0] < b[1] && b[0] < a[1] }
		for _, r := range rels {
			if r.source[0] < 0 {
				continue
			}
			srcGold++
			for _, a := range res.Attributions {
				if a.Source.End > a.Source.Start && overlaps([2]int{a.Source.Start, a.Source.End}, r.source) {
					srcHit++
					break
				}
			}
		}
		// Source-less claims the engine makes: impersonal passive cues, and
		// hearsay ("reportedly", "reports of").
		var noSource [][2]int
		for _, a := range res.Attributions {
			if a.Impersonal {
				noSource = append(noSource, [2]int{a.Cue.Start, a.Cue.End})
			}
		}
		for _, f := range res.Findings {
			if f.Rule == "sourcing.hearsay" {
				noSource = append(noSource, [2]int{f.Start, f.End})
			}
		}
		for _, ns := range noSource {
			for _, r := range rels {
				if r.cue[0] >= 0 && overlaps(ns, r.cue) {
					noSrcPred++
					if r.source[0] < 0 {
						noSrcRight++
					}
					break
				}
			}
		}
		var sourced [][2]int // what a gold source is said to have said
		for _, r := range rels {
			if r.source[0] >= 0 && r.content[0] >= 0 {
				sourced = append(sourced, r.content)
			}
		}
		speech.add(res.Findings, sourced)
		for _, a := range res.Attributions {
			if a.Source.End > a.Source.Start {
				srcPred++
				for _, r := range rels {
					if r.source[0] >= 0 && overlaps([2]int{a.Source.Start, a.Source.End}, r.source) {
						srcPredHit++
						break
					}
				}
			}
		}
	}
	return fmt.Sprintf("- **PolNeAR** (attribution relations, dev split, %d articles, %d sourced relations): source-span recall %.3f, precision %.3f; \"no source\" precision %.3f: of the impersonal passive cues and hearsay findings that fall on a gold cue (%d), the share whose gold relation has no source either.\n"+
		"- **PolNeAR, whose words** (%d framing.loaded findings, %d inside what a gold source is said to have said): handed to the speaker (quoted or reported) precision %.3f, recall %.3f; direct quotes alone would give recall %.3f.\n",
		docs, srcGold, eval.Ratio(srcHit, srcGold), eval.Ratio(srcPredHit, srcPred), eval.Ratio(noSrcRight, noSrcPred), noSrcPred,
		speech.loaded, speech.inContent, eval.Ratio(speech.handedRight, speech.handed), eval.Ratio(speech.handedRight, speech.inContent), eval.Ratio(speech.directRight, speech.inContent)), nil
}

// speechCounts measures whether loaded words are given to the right voice:
// a word inside a gold attribution's content with a source is the
// speaker's; the engine hands it over by marking the finding quoted.
type speechCounts struct{ loaded, inContent, handed, handedRight, directRight int }

func (c *speechCounts) add(findings []core.Finding, sourced [][2]int) {
	for _, f := range findings {
		if f.Rule != "framing.loaded" {
			continue
		}
		c.loaded++
		in := false
		for _, sp := range sourced {
			in = in || f.Start >= sp[0] && f.End <= sp[1]
		}
		if in {
			c.inContent++
		}
		if f.Quoted {
			c.handed++
			if in {
				c.handedRight++
				if !strings.Contains(f.Message, "reported speech") { // the message says which
					c.directRight++
				}
			}
		}
	}
}

// externalBASIL: span overlap of framing.loaded against BASIL's lexical-bias
// (lex) spans, over whole articles (so a quote that runs across sentences is
// seen as one). BASIL offsets are code points into a sentence with no
// sentence index; a span belongs to the sentence whose [start:end] is its
// text. BASIL also says whether a span is inside a quote: the spans outside
// quotes are the journalist's own wording, which is what framing.loaded
// counts against the outlet.
func externalBASIL(eng *engine.Engine, run *externalRun) (string, error) {
	anns, _ := filepath.Glob(filepath.Join(DataDir, "basil", "annotations", "*", "*_ann.json"))
	if len(anns) == 0 {
		return "", fmt.Errorf("BASIL: no annotations")
	}
	var ours, baseline, own, ownAll, ownBase overlapCounts
	vader, vaderOwn := make([]overlapCounts, len(vaderSettings)), make([]overlapCounts, len(vaderSettings))
	articles, sentences := 0, 0
	for _, d := range basilLexDocs(anns) {
		txt, gold, goldOwn := d.Text, d.Gold, d.Own
		sentences += d.Sentences
		res, err := analyzeText(run.engineFor("basil", d.ID), "basil", txt)
		if err != nil {
			continue
		}
		articles++
		all, bs := loadedSpans(res), run.own.spans(txt)
		var counted [][2]int
		for _, f := range res.Findings {
			if f.Rule == "framing.loaded" && !f.Quoted {
				counted = append(counted, [2]int{f.Start, f.End})
			}
		}
		ours.add(all, gold)
		baseline.add(bs, gold)
		own.add(counted, goldOwn)
		ownAll.add(all, goldOwn)
		ownBase.add(bs, goldOwn)
		for i, sp := range run.vader.spans(txt) {
			vader[i].add(sp, gold)
			vaderOwn[i].add(sp, goldOwn)
		}
	}
	vi := bestSetting(func(i int) float64 { return vader[i].f1() })
	v, vset := vader[vi], vaderSettings[vi]
	vi = bestSetting(func(i int) float64 { return vaderOwn[i].f1() })
	vo, voset := vaderOwn[vi], vaderSettings[vi]
	run.metrics["basil.f1"], run.metrics["basil.vader"], run.metrics["basil.own"] = ours.f1(), v.f1(), baseline.f1()
	run.metrics["basil_outlet.f1"], run.metrics["basil_outlet.vader"], run.metrics["basil_outlet.own"] = own.f1(), vo.f1(), ownBase.f1()
	return fmt.Sprintf("- **BASIL** (lexical bias, %d articles, %d sentences, %d lex spans): framing.loaded span overlap P %.3f, R %.3f, F1 %.3f. Baselines: VADER word list P %.3f, R %.3f, F1 %.3f (%v); own word list P %.3f, R %.3f, F1 %.3f.\n"+
		"- **BASIL, the journalist's own words** (the %d lex spans BASIL marks as outside quotes): framing.loaded counted against the outlet (not quoted, not reported speech) P %.3f, R %.3f, F1 %.3f; every framing.loaded finding F1 %.3f. Baselines: VADER word list P %.3f, R %.3f, F1 %.3f (%v); own word list P %.3f, R %.3f, F1 %.3f.\n",
		articles, sentences, ours.gold, ours.precision(), ours.recall(), ours.f1(), v.precision(), v.recall(), v.f1(), vset, baseline.precision(), baseline.recall(), baseline.f1(),
		own.gold, own.precision(), own.recall(), own.f1(), ownAll.f1(), vo.precision(), vo.recall(), vo.f1(), voset, ownBase.precision(), ownBase.recall(), ownBase.f1()), nil
}

// basilLexDoc is one BASIL article as one text, with its lexical-bias spans
// (Gold) and those outside quotes (Own), as byte offsets into Text.
type basilLexDoc struct {
	ID, Text  string
	Gold, Own [][2]int
	Sentences int
}

// basilLexDocs joins each annotated BASIL article's sentences into a text
// (paragraphs by blank lines) and places its "lex" phrases in it.
func basilLexDocs(anns []string) []basilLexDoc {
	var out []basilLexDoc
	for _, ann := range anns {
		artPath := strings.Replace(strings.TrimSuffix(ann, "_ann.json")+".json", string(filepath.Separator)+"annotations"+string(filepath.Separator), string(filepath.Separator)+"articles"+string(filepath.Separator), 1)
		var an struct {
			Phrases []struct {
				Bias  string `json:"bias"`
				Quote string `json:"quote"`
				Start int    `json:"start"`
				End   int    `json:"end"`
				Txt   string `json:"txt"`
			} `json:"phrase-level-annotations"`
		}
		art, err1 := readBASILArticle(artPath)
		nb, err2 := os.ReadFile(ann)
		if err1 != nil || err2 != nil || json.Unmarshal(nb, &an) != nil {
			continue
		}
		d := basilLexDoc{ID: filepath.Base(artPath)}
		var b strings.Builder
		placed := make([]bool, len(an.Phrases))
		for pi, para := range art.Body {
			if pi > 0 {
				b.WriteString("\n\n")
			}
			for si, sent := range para {
				if si > 0 {
					b.WriteString(" ")
				}
				off := b.Len()
				b.WriteString(sent)
				d.Sentences++
				runes := []rune(sent)
				for k, ph := range an.Phrases {
					if placed[k] || ph.Bias != "lex" || ph.Start < 0 || ph.End > len(runes) || ph.Start >= ph.End || string(runes[ph.Start:ph.End]) != ph.Txt {
						continue
					}
					placed[k] = true
					bs := off + len(string(runes[:ph.Start]))
					d.Gold = append(d.Gold, [2]int{bs, bs + len(ph.Txt)})
					if ph.Quote != "yes" {
						d.Own = append(d.Own, d.Gold[len(d.Gold)-1])
					}
				}
			}
		}
		d.Text = b.String()
		out = append(out, d)
	}
	return out
}

// externalFactual runs the factual checks over real, dated news: BASIL's
// articles (2010–2019) and PolNeAR's (2015–2016, with their metadata). Both
// are professionally edited copy, so each finding is a likely false alarm:
// the count, and the findings themselves, measure what a correct article
// costs in noise.
func externalFactual(eng *engine.Engine, _ *externalRun) (string, error) {
	basil, polnear, found := RealNewsFactual(eng)
	if basil+polnear == 0 {
		return "", fmt.Errorf("factual checks on real news: no BASIL or PolNeAR articles")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "- **Factual checks on real news** (%d BASIL articles, 2010–2019, and %d PolNeAR articles, 2015–2016: dated, professionally edited copy, whole text with its publication date; every finding is a likely false alarm): %d factual finding(s).\n", basil, polnear, len(found))
	for _, f := range found {
		fmt.Fprintf(&b, "  - %s\n", f)
	}
	// The saved pages, read as HTML (their date from the page), and the
	// hyperpartisan split (2016–2018, with its publication dates; its
	// findings were read while the title rules for the time of an act and
	// for courtesy titles were written, so it is not a held-out figure).
	var pages, hyper int
	var more []string
	for _, pg := range savedPages() {
		doc, err := pg.html()
		if err != nil {
			continue
		}
		pages++
		more = append(more, factualFindings(eng, doc, "pages/"+pg.Name)...)
	}
	if l, err := hyperpartisanDocs(); err == nil {
		for _, doc := range l {
			hyper++
			more = append(more, factualFindings(eng, doc, "hyperpartisan/"+doc.ID)...)
		}
	}
	if pages+hyper > 0 {
		fmt.Fprintf(&b, "- **Factual checks on the saved pages and the hyperpartisan split** (%d pages read as HTML, %d hyperpartisan articles with their dates; the hyperpartisan findings were read while this round's title rules were written): %d factual finding(s).\n", pages, hyper, len(more))
		for _, f := range more {
			fmt.Fprintf(&b, "  - %s\n", f)
		}
	}
	return b.String(), nil
}

// factualFindings lists a document's factual findings, one line each.
func factualFindings(eng *engine.Engine, doc *core.Document, name string) []string {
	res, err := eng.Analyze(doc)
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, "factual.") {
			out = append(out, fmt.Sprintf("%s (%s, %s): %s", f.Rule, name, res.RefDate.Value, f.Message))
		}
	}
	return out
}

// basilArticle is the part of a BASIL article file the evaluation reads.
type basilArticle struct {
	Title string     `json:"title"`
	Date  string     `json:"date"`
	URL   string     `json:"url"`
	Body  [][]string `json:"body-paragraphs"` // paragraphs of sentences
}

func readBASILArticle(path string) (basilArticle, error) {
	var art basilArticle
	b, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(b, &art)
	}
	return art, err
}

// RealNewsFactual returns how many BASIL and PolNeAR articles were checked
// and the factual findings raised on them, one line each.
func RealNewsFactual(eng *engine.Engine) (basil, polnear int, found []string) {
	docs, basil := realNews()
	polnear = len(docs) - basil
	for _, doc := range docs {
		res, err := eng.Analyze(doc)
		if err != nil {
			continue
		}
		for _, f := range res.Findings {
			if strings.HasPrefix(f.Rule, "factual.") {
				found = append(found, fmt.Sprintf("%s (%s, %s): %s", f.Rule, doc.ID, doc.Published, f.Message))
			}
		}
	}
	return basil, polnear, found
}

// realNews reads the dated real news of BASIL (the first n documents, with
// their URL) and PolNeAR (train and dev, with their outlet).
func realNews() (docs []*core.Document, n int) {
	arts, _ := filepath.Glob(filepath.Join(DataDir, "basil", "articles", "*", "*.json"))
	for _, path := range arts {
		art, err := readBASILArticle(path)
		if err != nil || art.Date == "" || len(art.Body) == 0 {
			continue
		}
		paras := make([]string, len(art.Body))
		for i, p := range art.Body {
			paras[i] = strings.Join(p, " ")
		}
		docs = append(docs, &core.Document{ID: "basil/" + filepath.Base(path), Source: path, Format: "json", Title: art.Title, Published: art.Date, URL: art.URL, Text: strings.Join(paras, "\n\n")})
	}
	n = len(docs)
	return append(docs, polnearDocs()...), n
}

// polnearOutlets names the outlet of a PolNeAR file by its prefix (the
// corpus's own naming), as the domain the outlet ratings use.
var polnearOutlets = map[string]string{
	"breitbart": "breitbart.com", "huff-post": "huffpost.com", "nyt": "nytimes.com", "politico": "politico.com",
	"usa-today": "usatoday.com", "wash-post": "washingtonpost.com", "west-journal": "westernjournal.com",
}

// polnearDocs reads PolNeAR's article texts with the publication date,
// author and title of metadata.tsv.
func polnearDocs() []*core.Document {
	meta, err := os.ReadFile(filepath.Join(DataDir, "polnear", "metadata.tsv"))
	if err != nil {
		return nil
	}
	lines := strings.Split(string(meta), "\n")
	if len(lines) == 0 {
		return nil
	}
	col := map[string]int{}
	for i, h := range strings.Split(lines[0], "\t") {
		col[h] = i
	}
	field := func(f []string, name string) string {
		if i, ok := col[name]; ok && i < len(f) && f[i] != "None" {
			return f[i]
		}
		return ""
	}
	byName := map[string][]string{}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if name := field(f, "filename"); name != "" {
			byName[name] = f
		}
	}
	var docs []*core.Document
	for _, split := range []string{"train", "dev"} {
		paths, _ := filepath.Glob(filepath.Join(DataDir, "polnear", split, "text", "*.txt"))
		for _, path := range paths {
			f, ok := byName[strings.TrimSuffix(filepath.Base(path), ".txt")]
			text, err := os.ReadFile(path)
			if !ok || err != nil || field(f, "publication_date") == "" {
				continue
			}
			prefix, _, _ := strings.Cut(filepath.Base(path), "_")
			docs = append(docs, &core.Document{ID: "polnear/" + filepath.Base(path), Source: path, Format: "txt",
				Title: field(f, "title"), Byline: field(f, "author"), Published: field(f, "publication_date"), Text: string(text),
				Meta: map[string]string{"source": polnearOutlets[prefix]}})
		}
	}
	return docs
}
