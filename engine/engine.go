// Package engine wires the pipeline: a Document is analysed into a Pass
// (tokens, sentences, quotes, lexicon matches, attributions, reference date),
// the scorers in Scorers() report findings on it, and the profile turns the
// findings into a reliability verdict. Callers (the CLI, the server, the Beam
// pipeline) go through Engine.Analyze and never call scorers directly.
package engine

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/attribution"
	"github.com/credence-news/credence/internal/builtin"
	"github.com/credence-news/credence/internal/datafile"
	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/internal/language"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/profile"
	"github.com/credence-news/credence/internal/quantity"
	"github.com/credence-news/credence/internal/refdate"
	"github.com/credence-news/credence/internal/scorers/factual"
	"github.com/credence-news/credence/internal/scorers/framing"
	"github.com/credence-news/credence/internal/scorers/integrity"
	"github.com/credence-news/credence/internal/scorers/sourcing"
	"github.com/credence-news/credence/internal/scorers/transparency"
	"github.com/credence-news/credence/internal/spanmodel"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// Data is the compiled data every scorer shares: lexicons, knowledge base,
// matcher. Built once per process.
type Data struct {
	Lexicons []*lexicon.Lexicon
	KB       *kb.KB
	Places   map[string]bool // kb.PlaceWords, for the attribution stage
	Matcher  *lexicon.Matcher
	Actors   *framing.Actors
	Stems    *text.StemCache
	Chrome   []*integrity.Pattern
	Learned  *spanmodel.Model
}

// LoadData reads and compiles the built-in lexicons and knowledge base
// (from their compiled snapshot, see internal/builtin), merged with extra
// lexicon and knowledge-base files, which must lie inside the folder root
// (see datafile.Read).
func LoadData(root string, extraLexicons, extraKB []string) (*Data, error) {
	lxs, k, err := builtin.Load()
	if err != nil {
		return nil, err
	}
	read := func(name string) ([]byte, error) { return datafile.Read(root, name) }
	for _, name := range extraLexicons {
		b, err := read(name)
		if err != nil {
			return nil, fmt.Errorf("lexicon %v", err)
		}
		lx, err := lexicon.Parse(name, b)
		if err != nil {
			return nil, datafile.CleanError(name, err)
		}
		lxs = append(lxs, lx)
	}
	if len(extraKB) > 0 {
		last := "" // the file a failed merge names first
		readKB := func(name string) ([]byte, error) { last = name; return read(name) }
		if k, err = k.Merge(readKB, extraKB...); err != nil {
			return nil, datafile.CleanError(last, err)
		}
	}
	raw, err := lexicons.FS.ReadFile(lexicons.Integrity)
	if err != nil {
		return nil, err
	}
	chrome, err := integrity.ParsePatterns(lexicons.Integrity, raw)
	if err != nil {
		return nil, err
	}
	raw, err = lexicons.FS.ReadFile(lexicons.SpanModel)
	if err != nil {
		return nil, err
	}
	learned, err := spanmodel.Parse(lexicons.SpanModel, raw)
	if err != nil {
		return nil, err
	}
	stems := &text.StemCache{}
	aliases := map[string]string{}
	for _, c := range k.Countries {
		for _, a := range c.Aliases {
			aliases[a] = c.Name
		}
	}
	for _, p := range k.People {
		if p.Country == "" {
			continue
		}
		for _, s := range p.Surname {
			if _, taken := aliases[s]; !taken && len(s) >= 4 {
				aliases[s] = p.Country
			}
		}
	}
	return &Data{Lexicons: lxs, KB: k, Places: k.PlaceWords(), Matcher: lexicon.Compile(stems, lxs...), Actors: framing.NewActors(stems, aliases), Stems: stems, Chrome: chrome, Learned: learned}, nil
}

// Scorers returns the scorers in the order they run. Integrity runs first:
// it marks page chrome that the others then skip.
func Scorers(d *Data) []analysis.Scorer {
	return []analysis.Scorer{
		integrity.New(d.Chrome),
		transparency.New(),
		sourcing.New(),
		framing.New(d.Actors, d.Learned),
		factual.New(d.KB, d.Stems),
	}
}

// Rules returns every rule of every scorer, sorted by ID.
func Rules() []core.Rule {
	var rules []core.Rule
	for _, s := range Scorers(&Data{KB: &kb.KB{}}) {
		rules = append(rules, s.Rules()...)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// Options configure an Engine.
type Options struct {
	// Tokenizer is "fast" (default) or "bert" (github.com/sugarme/tokenizer).
	Tokenizer string
	// Only, when non-empty, limits scoring to rules whose ID it holds.
	// Scorers, when non-empty, runs only the scorers with these names
	// (integrity, transparency, sourcing, framing, factual). Either makes
	// the run partial: no profile (see Engine.Partial).
	Only    map[string]bool
	Scorers map[string]bool
	// ReferenceDate overrides every document's reference date (YYYY-MM-DD).
	ReferenceDate string
	// Settings, when set, gives the rule settings for a document (from
	// .credence.yaml and its per-path overrides).
	Settings func(doc *core.Document) RuleSettings
	// Lexicons and KnowledgeBase name extra data files merged with the
	// built-ins; they must lie inside DataRoot (the configuration's folder).
	Lexicons      []string
	KnowledgeBase []string
	DataRoot      string
	// Quantities finds the counted quantities of each text ("30 nations"),
	// which only the HTML comparison reads (Result.Quantities).
	Quantities bool
	// KeepAttributions copies the attributions found into each result
	// (evaluation reads them; a scoring run has no use for them, and on a
	// text of short attributed sentences they were a third of its memory).
	KeepAttributions bool
	// Inspect, when set, is called with each document's analysis after the
	// scorers ran and before it is released: fitting reads the features of
	// the learned models from it. Nil in normal use.
	Inspect func(*analysis.Pass)
	// Models replace the built-in profile models (evaluation uses them to
	// score each cross-validation fold with models fitted without that fold).
	Models *profile.Models
	// SpanModel replaces the built-in learned loaded-language model
	// (evaluation scores each fold with a model fitted without it;
	// spanmodel.Off turns it off).
	SpanModel *spanmodel.Model
	// NoLearnedModel keeps framing.loaded to the lexicons' entries
	// (`learned_model: false` in a configuration).
	NoLearnedModel bool
}

// RuleSettings switch rules off and change their severity.
type RuleSettings interface {
	Enabled(rule string) bool
	Severity(rule string) (core.Severity, bool)
}

// Engine scores documents. It is safe for concurrent use; lexicons,
// knowledge base and caches are built once.
type Engine struct {
	data   *Data
	stages []*analysis.Stage // in the order they run
	// rules, for a run limited to some scorers, are theirs: stages they
	// require still run, but report nothing.
	rules   map[string]bool
	spans   func(string) [][2]int
	opt     Options
	models  *profile.Models
	partial bool
}

// New builds an engine.
func New(opt Options) (*Engine, error) {
	if opt.ReferenceDate != "" {
		if _, err := time.Parse("2006-01-02", opt.ReferenceDate); err != nil {
			return nil, fmt.Errorf("reference date %q is not a date (want YYYY-MM-DD)", opt.ReferenceDate)
		}
	}
	d, err := LoadData(opt.DataRoot, opt.Lexicons, opt.KnowledgeBase)
	if err != nil {
		return nil, err
	}
	switch {
	case opt.NoLearnedModel:
		d.Learned = spanmodel.Off
	case opt.SpanModel != nil:
		d.Learned = opt.SpanModel
	}
	e := &Engine{data: d, opt: opt, models: opt.Models} // spans nil: the fast tokenizer
	all := Scorers(d)
	if err := checkNames(opt, all); err != nil {
		return nil, err
	}
	if e.stages, err = stages(d, opt, all); err != nil {
		return nil, err
	}
	if len(opt.Scorers) > 0 {
		e.rules = map[string]bool{}
		for _, s := range all {
			for _, r := range s.Rules() {
				e.rules[r.ID] = opt.Scorers[s.Name()]
			}
		}
	}
	e.partial = len(opt.Only) > 0 || len(opt.Scorers) > 0 && len(opt.Scorers) < len(all)
	if e.models == nil {
		e.models = profile.Default
	}
	switch opt.Tokenizer {
	case "", "fast":
	case "bert":
		e.spans = text.BertSpans
	default:
		return nil, fmt.Errorf("unknown tokenizer %q (want fast or bert)", opt.Tokenizer)
	}
	return e, nil
}

// stages orders the analysis stages and scorers by what each requires
// (analysis.Order), failing on a cycle or a missing producer, and keeps the
// scorers asked for (opt.Scorers; all if empty) with every stage they need.
func stages(d *Data, opt Options, scorers []analysis.Scorer) ([]*analysis.Stage, error) {
	all := []*analysis.Stage{attribution.Stage, refdate.Stage(d.KB, opt.ReferenceDate), quantity.Stage}
	wanted := map[*analysis.Stage]bool{attribution.Stage: true, all[1]: true, quantity.Stage: opt.Quantities}
	for _, s := range scorers {
		st := s.Stage()
		all = append(all, st)
		wanted[st] = len(opt.Scorers) == 0 || opt.Scorers[s.Name()]
	}
	ordered, err := analysis.Order(all)
	if err != nil {
		return nil, err
	}
	// Walking back from the last stage, a stage is needed when a wanted
	// stage requires what it produces.
	for i := len(ordered) - 1; i >= 0; i-- {
		if !wanted[ordered[i]] {
			continue
		}
		for _, k := range ordered[i].Requires {
			for _, s := range ordered[:i] {
				if s.Produces == k {
					wanted[s] = true
				}
			}
		}
	}
	var out []*analysis.Stage
	for _, s := range ordered {
		if wanted[s] {
			out = append(out, s)
		}
	}
	return out, nil
}

// Partial reports a run restricted to some scorers or rules (Options.Only,
// Options.Scorers). Its results have findings but no profile: what was not
// checked would count as clean.
func (e *Engine) Partial() bool { return e.partial }

// checkNames rejects a scorer or rule name that does not exist: a typo
// would otherwise check nothing and report nothing.
func checkNames(opt Options, all []analysis.Scorer) error {
	var names []string
	scorers, rules := map[string]bool{}, map[string]bool{}
	for _, s := range all {
		names = append(names, s.Name())
		scorers[s.Name()] = true
		for _, r := range s.Rules() {
			rules[r.ID] = true
		}
	}
	unknown := func(asked, known map[string]bool) string {
		var out []string
		for n := range asked {
			if !known[n] {
				out = append(out, fmt.Sprintf("%q", n))
			}
		}
		sort.Strings(out)
		return strings.Join(out, ", ")
	}
	if u := unknown(opt.Scorers, scorers); u != "" {
		return fmt.Errorf("unknown scorer %s (want %s)", u, strings.Join(names, ", "))
	}
	if u := unknown(opt.Only, rules); u != "" {
		return fmt.Errorf("unknown rule %s (credence rules lists them)", u)
	}
	return nil
}

// keeps reports whether findings of rule are part of the result: asked for
// (Options.Only, Options.Scorers) and not switched off by the settings.
func (e *Engine) keeps(rule string, settings RuleSettings) bool {
	return (e.opt.Only == nil || e.opt.Only[rule]) && (e.rules == nil || e.rules[rule]) && (settings == nil || settings.Enabled(rule))
}

// Data returns the engine's compiled data.
func (e *Engine) Data() *Data { return e.data }

// newPass tokenizes doc and matches the lexicons, with the engine's options
// and place words set on the pass.
func (e *Engine) newPass(ctx context.Context, doc *core.Document) *analysis.Pass {
	p := analysis.NewPassContext(ctx, doc, e.spans, e.data.Stems, e.data.Matcher)
	p.Only, p.Places = e.opt.Only, e.data.Places
	return p
}

// Analyze scores one document. The error reports scorer bugs (invalid spans);
// the result is still complete without the offending findings.
func (e *Engine) Analyze(doc *core.Document) (core.Result, error) {
	return e.AnalyzeContext(context.Background(), doc)
}

// AnalyzeContext is Analyze within ctx's budget: every stage checks it and
// stops early, so a document past its deadline costs no more CPU or memory;
// the error is then ctx.Err() and the result empty.
func (e *Engine) AnalyzeContext(ctx context.Context, doc *core.Document) (core.Result, error) {
	if err := ctx.Err(); err != nil {
		return core.Result{}, err
	}
	var a analysed
	start := 0
	for _, end := range windows(doc.Prose(), windowBytes) {
		if err := e.analyzeWindow(ctx, doc, start, end, &a); err != nil {
			return core.Result{}, err
		}
		start = end
	}
	var settings RuleSettings
	if e.opt.Settings != nil {
		settings = e.opt.Settings(doc)
	}
	kept := a.findings[:0]
	for _, f := range a.findings {
		if !e.keeps(f.Rule, settings) || !a.lang.English() && englishOnly(f.Rule) {
			continue
		}
		if settings != nil {
			if sev, ok := settings.Severity(f.Rule); ok {
				f.Severity = sev
			}
		}
		kept = append(kept, f)
	}
	var omitted []core.Omitted
	for _, o := range a.omitted {
		if !e.keeps(o.Rule, settings) || !a.lang.English() && englishOnly(o.Rule) {
			continue
		}
		if settings != nil {
			if sev, ok := settings.Severity(o.Rule); ok {
				var all float64
				for _, c := range o.Cost {
					all += c
				}
				o.Cost = [3]float64{}
				o.Cost[sev] = all
			}
		}
		omitted = append(omitted, o)
	}
	findings := applySuppressions(doc.Text, kept)
	slices.SortStableFunc(findings, func(a, b core.Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), strings.Compare(a.Rule, b.Rule))
	})
	if findings == nil {
		findings = []core.Finding{}
	}
	res := core.Result{
		ID: doc.ID, Source: doc.Source, Title: doc.Title, Byline: doc.Byline, Published: doc.Published, URL: doc.URL, Outlet: doc.Meta["source"],
		RefDate: a.tally.RefDate, Findings: findings, Omitted: omitted, Words: a.tally.Words, Doc: doc,
		Quantities: a.quantities, Attributions: a.attributions,
	}
	if !e.Partial() {
		res.Features = profile.Features(&a.tally, findings, omitted)
		res.Profile = e.models.Compute(&a.tally, findings, res.Features)
		if !a.lang.English() {
			notEnglish(res.Profile, a.lang)
		}
	}
	if !a.lang.English() {
		res.Language = a.lang.Code
	}
	var err error
	if len(a.errs) > 0 {
		err = fmt.Errorf("%s: %d finding(s) dropped for invalid spans: %v", doc.Source, len(a.errs), a.errs[0])
	}
	return res, err
}

// windowBytes is the most text analysed at once. A longer document (no
// news article is: a dump of many, a log, a book) is analysed in windows
// of at most this size cut at paragraph breaks, one after another, so that
// its memory is a window's whatever the shape of its text (a token every
// two bytes takes about 70 bytes a byte) and its time grows linearly.
const windowBytes = 1 << 18

// analysed is what the engine keeps of a document's analysis, window by
// window, with offsets into the whole text.
type analysed struct {
	findings     []core.Finding
	omitted      []core.Omitted
	tally        profile.Tally
	lang         language.Detected // the first window's
	quantities   []core.Quantity
	attributions []core.Attribution
	errs         []error
	listed       map[string]int // findings listed so far, by rule
}

// analyzeWindow analyses doc's text [start, end) and adds what it found to
// a. A window after the first takes the first's reference date, and
// reports no document-level finding (a missing byline is the first
// window's to say); findings past the per-rule cap over the whole
// document are counted, not listed.
func (e *Engine) analyzeWindow(ctx context.Context, doc *core.Document, start, end int, a *analysed) error {
	sub := doc
	if start > 0 || end < len(doc.Text) {
		w := *doc
		w.Text = doc.Text[start:end]
		if doc.Mask != "" {
			w.Mask = doc.Mask[start:end]
		}
		sub = &w
	}
	p := e.newPass(ctx, sub)
	defer p.Release() // nothing kept refers to the tokens or matches
	p.Continued, p.Cut = start > 0, end < len(doc.Text)
	if p.Continued {
		p.RefDate = a.tally.RefDate
		p.RefDate.Start -= start
		p.RefDate.End -= start
	}
	for _, s := range e.stages {
		if p.Stopped() {
			break
		}
		s.Run(p)
	}
	if p.Stopped() {
		return ctx.Err()
	}
	if e.opt.Inspect != nil {
		e.opt.Inspect(p)
	}
	t := profile.Tally{Words: p.ArticleWords(), RefDate: p.RefDate}
	if !e.Partial() {
		t = profile.Count(p)
	}
	if !p.Continued {
		a.lang, a.tally = languageOf(p), t
	} else {
		a.tally.Add(t, start)
	}
	a.errs = append(a.errs, p.Errs...)
	if !p.Continued && !p.Cut { // the whole document: its findings as they are
		a.findings, a.omitted, a.quantities = p.Findings, p.Omitted, analysis.ResultOf(p, analysis.Quantities)
		a.attributions = e.attributions(p, 0)
		return nil
	}
	if a.listed == nil {
		a.listed = map[string]int{}
	}
	for _, f := range p.Findings {
		switch {
		case p.Continued && f.Start == 0 && f.End == 0:
			continue
		case a.listed[f.Rule] >= analysis.MaxFindingsPerRule:
			a.omitted = analysis.Omit(a.omitted, f)
			continue
		}
		a.listed[f.Rule]++
		f.Start, f.End = f.Start+start, f.End+start
		for i, e := range f.Evidence {
			f.Evidence[i] = shift(e, start)
		}
		a.findings = append(a.findings, f)
	}
	for _, o := range p.Omitted {
		a.omitted = analysis.AddOmitted(a.omitted, o)
	}
	for _, q := range analysis.ResultOf(p, analysis.Quantities) {
		q.Start, q.End = q.Start+start, q.End+start
		a.quantities = append(a.quantities, q)
	}
	a.attributions = append(a.attributions, e.attributions(p, start)...)
	return nil
}

// attributions converts p's attributions, with offsets shifted by off,
// when the caller keeps them (Options.KeepAttributions).
func (e *Engine) attributions(p *analysis.Pass, off int) []core.Attribution {
	if !e.opt.KeepAttributions {
		return nil
	}
	var out []core.Attribution
	for _, at := range p.Attributions {
		out = append(out, core.Attribution{Source: shift(at.SourceSpan, off), Cue: shift(at.Cue, off), Content: shift(at.Content, off), Kind: at.Kind, Name: at.Name, Direct: at.Direct, Impersonal: at.Impersonal})
	}
	return out
}

func shift(s core.Span, off int) core.Span { return core.Span{Start: s.Start + off, End: s.End + off} }

// windows returns the ends of the windows src is analysed in: one window
// for a text up to size bytes; past that, cuts after the last paragraph
// break (else line break, else sentence end, else space) in the second
// half of each window's reach, or at a rune boundary when there is none.
func windows(src string, size int) []int {
	var ends []int
	for start := 0; len(src)-start > size; {
		reach := src[start : start+size]
		cut := -1
		for _, sep := range []string{"\n\n", "\n", ". ", " "} {
			if i := strings.LastIndex(reach[size/2:], sep); i >= 0 {
				cut = size/2 + i + len(sep)
				break
			}
		}
		if cut < 0 {
			cut = size
			for cut > size/2 && !utf8.RuneStart(src[start+cut]) {
				cut--
			}
		}
		start += cut
		ends = append(ends, start)
	}
	return append(ends, len(src))
}
