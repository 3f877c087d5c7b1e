// Package analysis holds the analysed form of a document that every scorer
// reads (tokens, sentences, quotes, attributions, the reference date) and the
// Scorer contract. A scorer reads a Pass and reports findings through it; it
// never prints, reads files or keeps state between documents.
package analysis

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/text"
)

// Scorer checks one dimension of an article: its rules, and the stage
// that reports their findings (with what it requires and produces).
type Scorer interface {
	Name() string
	Rules() []core.Rule
	Stage() *Stage
}

// Pass is one document, analysed, on its way through the scorers.
type Pass struct {
	Doc       *core.Document
	Text      string // the prose scorers read; same length and offsets as Doc.Text
	Tokens    []text.Token
	Sentences []text.Sentence
	Quotes    []text.Quote
	RefDate   core.RefDate
	// Matches are the lexicon entries found, sentence by sentence, in one
	// pass of the compiled matcher; scorers pick their categories.
	Matches []lexicon.Match
	// Attributions are the reporting relations found in the text.
	Attributions []Attribution // in sentence order (see AttributionsIn)
	// Words counts word tokens (not punctuation): the length findings are
	// normalised by.
	Words    int
	Findings []core.Finding
	// Omitted counts findings past MaxFindingsPerRule, by rule.
	Omitted []core.Omitted
	listed  map[string]int // findings listed so far, by rule
	// Errs collects findings a scorer tried to report with an invalid span:
	// a bug, surfaced rather than printed or silently dropped.
	Errs []error
	// Only, when set, holds the only rules whose findings will be kept:
	// scorers may skip work for the others (see Wants).
	Only map[string]bool
	// Places are the folded words of country names and their aliases
	// (demonyms, capitals; from the knowledge base, nil when the caller has
	// none): "Ukraine insists" is a state speaking, not a person, and
	// "Polish" qualifies a title.
	Places map[string]bool
	// Continued and Cut place the pass in a document too long to analyse
	// at once, which the engine analyses in windows: Continued marks the
	// windows after the first (the reference date is set from the first
	// before the stages run), Cut those before the last (their text stops
	// where the next window goes on, not where the document ends).
	Continued, Cut bool
	// Stems is the stem cache the tokens were cut with (nil: none), for a
	// stage that needs a token's stem as text (text.StemOf).
	Stems *text.StemCache
	// results hold what the stages produced, by Result (see ResultOf);
	// current is the stage running, whose declarations ResultOf enforces.
	results map[int]any
	current *Stage
	// excludedUnion holds the spans (page chrome, paywalls) that are not the
	// article's prose, sorted and merged, for IsExcluded; exclusions counts
	// the calls to Exclude. Integrity marks them and later scorers skip them.
	excludedUnion []core.Span
	exclusions    int
	// top, when set (SetTop), is where the article's top begins in a copy
	// of a whole page; ArticleStart returns it.
	top int
	// articleWords caches ArticleWords; articleWordsAt is exclusions+1
	// when it was counted (0: not yet), since each exclusion changes it.
	articleWords, articleWordsAt int
	// ctx is the document's time budget; see Stopped.
	ctx context.Context
}

// Stopped reports whether the document's time budget has run out. Loops
// over sentences, tokens or matches check it and return early; the engine
// then drops the pass, so a timed-out document frees its CPU at once.
func (p *Pass) Stopped() bool {
	if p.ctx == nil {
		return false
	}
	select {
	case <-p.ctx.Done():
		return true
	default:
		return false
	}
}

// NewPass analyses doc's text with the given span function (nil: the fused
// fast tokenizer, text.Tokenize) and finds the matcher's entries in each
// sentence.
func NewPass(doc *core.Document, spans func(string) [][2]int, stems *text.StemCache, m *lexicon.Matcher) *Pass {
	return NewPassContext(context.Background(), doc, spans, stems, m)
}

// NewPassContext is NewPass under ctx's budget: when ctx is done the
// matching stops early and the pass reports Stopped.
func NewPassContext(ctx context.Context, doc *core.Document, spans func(string) [][2]int, stems *text.StemCache, m *lexicon.Matcher) *Pass {
	src := text.SpaceOut(doc.Prose())
	p := &Pass{Doc: doc, Text: src, ctx: ctx, Stems: stems}
	p.Tokens = text.TokenizeWith(src, spans, stems)
	for i := range p.Tokens {
		t := &p.Tokens[i]
		if !t.Punct {
			p.Words++
		}
	}
	buf, _ := bufferPool.Get().(*buffers)
	if buf == nil {
		buf = &buffers{}
	}
	p.Sentences = text.AppendSentences(buf.sentences[:0], src, p.Tokens)
	p.Matches, p.Attributions = buf.matches[:0], buf.attributions[:0]
	p.Quotes = text.Quotes(src)
	if m != nil {
		var sc lexicon.Scratch
		for _, s := range p.Sentences {
			if p.Stopped() {
				break
			}
			n := len(p.Matches)
			p.Matches = m.AppendMatches(p.Matches, p.Tokens[s.First:s.Last], &sc)
			for k := n; k < len(p.Matches); k++ {
				p.Matches[k].First += s.First
				p.Matches[k].Last += s.First
			}
		}
	}
	return p
}

// buffers are a pass's largest slices after its tokens, recycled from one
// document to the next (see Release): allocating and clearing them afresh
// was a sixth of the bytes an analysis allocates.
type buffers struct {
	sentences    []text.Sentence
	matches      []lexicon.Match
	attributions []Attribution
}

var bufferPool sync.Pool

// Release hands the pass's tokens, sentences, matches and attributions back
// for reuse by later passes. Nothing may use p afterwards; a result holds
// copies (findings, converted attributions), not these slices.
func (p *Pass) Release() {
	text.Release(p.Tokens)
	if max(cap(p.Sentences), cap(p.Matches), cap(p.Attributions)) <= text.MaxPooled {
		bufferPool.Put(&buffers{sentences: p.Sentences[:0], matches: p.Matches[:0], attributions: p.Attributions[:0]})
	}
	*p = Pass{}
}

// Wants reports whether findings of rule id will be kept.
func (p *Pass) Wants(id string) bool { return p.Only == nil || p.Only[id] }

// Report adds a finding after checking its span against the document text.
func (p *Pass) Report(f core.Finding) error {
	if err := core.CheckSpan(p.Doc.Text, f.Start, f.End); err != nil {
		err = fmt.Errorf("rule %s: %w", f.Rule, err)
		p.Errs = append(p.Errs, err)
		return err
	}
	for _, e := range f.Evidence {
		if err := core.CheckSpan(p.Doc.Text, e.Start, e.End); err != nil {
			err = fmt.Errorf("rule %s evidence: %w", f.Rule, err)
			p.Errs = append(p.Errs, err)
			return err
		}
	}
	if f.Confidence == 0 {
		f.Confidence = 1
	}
	if f.Weight == 0 {
		f.Weight = 1
	}
	if p.listed == nil {
		p.listed = map[string]int{}
	}
	if p.listed[f.Rule] >= MaxFindingsPerRule {
		p.omit(f)
		return nil
	}
	p.listed[f.Rule]++
	f.Text = p.Doc.Text[f.Start:f.End]
	p.Findings = append(p.Findings, f)
	return nil
}

// Withdraw removes the findings at the given indexes of p.Findings, as if
// they had never been reported (a stage that finds, after reporting, that
// one finding repeats another's span within a longer one).
func (p *Pass) Withdraw(indexes []int) {
	if len(indexes) == 0 {
		return
	}
	drop := make(map[int]bool, len(indexes))
	for _, i := range indexes {
		drop[i] = true
	}
	kept := p.Findings[:0]
	for i, f := range p.Findings {
		if drop[i] {
			p.listed[f.Rule]--
			continue
		}
		kept = append(kept, f)
	}
	p.Findings = kept
}

// Listing reports whether a finding of rule would still be listed in full:
// past MaxFindingsPerRule only its count and cost are kept, so a scorer
// need not compose its explanation.
func (p *Pass) Listing(rule string) bool { return p.listed[rule] < MaxFindingsPerRule }

// MaxFindingsPerRule bounds the findings one rule lists for a document. A
// text of a million repeated lines would otherwise hold a million findings
// (about 400 bytes each); past the cap they are counted in Omitted, and
// their cost still reaches the profile.
const MaxFindingsPerRule = 1000

func (p *Pass) omit(f core.Finding) { p.Omitted = Omit(p.Omitted, f) }

// Omit counts f among omitted, the findings past the listing cap: its
// cost, when it counts against the outlet (not quoted), by severity.
func Omit(omitted []core.Omitted, f core.Finding) []core.Omitted {
	o := core.Omitted{Rule: f.Rule, Count: 1}
	if !f.Quoted && f.Severity >= 0 && int(f.Severity) < len(o.Cost) {
		o.Cost[f.Severity] = f.Weight * f.Confidence
	}
	return AddOmitted(omitted, o)
}

// AddOmitted adds o's count and cost to the entry of its rule in omitted.
func AddOmitted(omitted []core.Omitted, o core.Omitted) []core.Omitted {
	i := slices.IndexFunc(omitted, func(x core.Omitted) bool { return x.Rule == o.Rule })
	if i < 0 {
		return append(omitted, o)
	}
	omitted[i].Count += o.Count
	for s, c := range o.Cost {
		omitted[i].Cost[s] += c
	}
	return omitted
}

// Flag reports a finding of rule r over [start, end).
func (p *Pass) Flag(r core.Rule, start, end int, confidence float64, message, explanation string) {
	p.Report(core.Finding{Rule: r.ID, Start: start, End: end, Severity: r.Severity, Confidence: confidence, Message: message, Explanation: explanation})
}

// IsExcluded reports whether [s, e) overlaps text marked as not prose (an
// empty span: whether s lies inside it). A binary search of the merged
// spans: scorers ask once per match, sentence or line, and a scan of every
// span made a page with thousands of furniture lines quadratic.
func (p *Pass) IsExcluded(s, e int) bool {
	u := p.excludedUnion
	i := sort.Search(len(u), func(i int) bool { return u[i].End > s })
	return i < len(u) && (u[i].Start < e || s == e && u[i].Start <= s)
}

// VagueWording reports a weasel or anonymous-source match (the sourcing
// lexicon's "critics", "people familiar with") on any of tokens [from,
// to): a source no reader can check, whose words stay the outlet's.
func (p *Pass) VagueWording(from, to int) bool {
	// Matches are in order of their first token, and a phrase is at most
	// a dozen tokens long.
	for i := sort.Search(len(p.Matches), func(i int) bool { return p.Matches[i].First >= to }) - 1; i >= 0 && p.Matches[i].First >= from-12; i-- {
		if m := &p.Matches[i]; m.Last > from && (m.Entry.Category == "weasel" || m.Entry.Category == "anonymous") {
			return true
		}
	}
	return false
}

// ArticleWords counts the word tokens outside excluded text: the length of
// the article itself, which costs are normalised by, so that a page's
// furniture does not dilute what the article's own text costs.
func (p *Pass) ArticleWords() int {
	if p.exclusions == 0 {
		return p.Words
	}
	if p.articleWordsAt == p.exclusions+1 {
		return p.articleWords
	}
	n, u := 0, p.excludedUnion
	for i := range p.Tokens {
		t := &p.Tokens[i]
		for len(u) > 0 && u[0].End <= t.Start {
			u = u[1:]
		}
		if !t.Punct && (len(u) == 0 || u[0].Start >= t.End) {
			n++
		}
	}
	p.articleWords, p.articleWordsAt = n, p.exclusions+1
	return n
}

// ArticleStart is where the article begins: past the page furniture that
// opens the text (a menu, a cookie banner), which integrity excludes. What
// the top of an article holds (its dateline, date and byline) is looked for
// from here.
func (p *Pass) ArticleStart() int {
	if p.top > 0 {
		return p.top
	}
	pos, u := 0, p.excludedUnion
	for {
		for pos < len(p.Text) && (p.Text[pos] == ' ' || p.Text[pos] == '\n' || p.Text[pos] == '\t' || p.Text[pos] == '\r') {
			pos++
		}
		if len(u) == 0 || u[0].Start > pos {
			return pos
		}
		pos, u = max(pos, u[0].End), u[1:]
	}
}

// SetTop says where the article's top (headline, byline, date) begins when
// integrity has found the article inside a copy of a whole page: a few
// lines above its first paragraph, which may still be excluded as furniture
// but are where a byline and a date are read from.
func (p *Pass) SetTop(off int) { p.top = off }

// Exclusions counts the spans marked by Exclude (empty ones included).
func (p *Pass) Exclusions() int { return p.exclusions }

// Exclude marks [s, e) as not the article's prose; an empty span marks nothing.
func (p *Pass) Exclude(s, e int) {
	p.exclusions++
	if s >= e {
		return
	}
	// Keep the union sorted and merged; spans come in text order, so this
	// is an append or a merge with the last span, in constant time.
	u := p.excludedUnion
	i := sort.Search(len(u), func(i int) bool { return u[i].End >= s })
	j := i
	for j < len(u) && u[j].Start <= e {
		s, e = min(s, u[j].Start), max(e, u[j].End)
		j++
	}
	p.excludedUnion = slices.Replace(u, i, j, core.Span{Start: s, End: e})
}

// QuoteAt returns the direct quote containing [s, e), if any. Quotes do not
// overlap, so the first one ending at or after e is the only candidate.
func (p *Pass) QuoteAt(s, e int) (text.Quote, bool) {
	i := sort.Search(len(p.Quotes), func(i int) bool { return p.Quotes[i].InnerEnd >= e })
	if i < len(p.Quotes) && p.Quotes[i].Inside(s, e) {
		return p.Quotes[i], true
	}
	return text.Quote{}, false
}

// SentenceAt returns the index of the sentence containing byte offset off, or -1.
func (p *Pass) SentenceAt(off int) int {
	i := sort.Search(len(p.Sentences), func(i int) bool { return p.Sentences[i].End > off })
	if i < len(p.Sentences) && p.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// SentenceText returns sentence i's text.
func (p *Pass) SentenceText(i int) string {
	s := p.Sentences[i]
	return p.Text[s.Start:s.End]
}

// SentenceTokens returns sentence i's tokens.
func (p *Pass) SentenceTokens(i int) []text.Token {
	s := p.Sentences[i]
	return p.Tokens[s.First:s.Last]
}

// Kinds of attribution source.
const (
	SourceNamedPerson = "named_person"
	SourceNamedOrg    = "named_org"
	SourceAnonymous   = "anonymous"
	SourceVague       = "vague"
	SourceUnnamed     = "unnamed" // a group with an affiliation but no name ("European officials")
	SourceNone        = "none"
)

// Attribution is one reporting relation: a source, a cue and content.
type Attribution struct {
	Sentence int
	Cue      core.Span
	CueText  string
	// Source is the source as written; Name the resolved person or organisation.
	Source     string
	Name       string
	SourceSpan core.Span
	Kind       string
	// Pronoun is set when the source was "he"/"she" resolved to Name.
	Pronoun bool
	// Impersonal marks a construction that has no source by design ("it is
	// said that…"), as opposed to a source the extractor could not find.
	Impersonal bool
	Content    core.Span
	Direct     bool // the content is a direct quote
}

// Hearsay reports an attribution by "according to": it names where an
// account came from, not who in the sentence speaks or names a thing.
func (a *Attribution) Hearsay() bool {
	w, _, _ := strings.Cut(a.CueText, " ")
	return strings.EqualFold(w, "according")
}

// TitleCase reports whether most longer words of token k's line are
// capitalised, as in a headline. A line longer than maxHeadline bytes is
// prose, not a headline, and is not read (a text on one long line would
// be read once for each of its words).
func (p *Pass) TitleCase(k int) bool {
	at := p.Tokens[k].Start
	from := max(0, at-maxHeadline)
	lo := strings.LastIndexByte(p.Text[from:at], '\n') + 1 + from
	if lo == from && from > 0 {
		return false
	}
	hi := strings.IndexByte(p.Text[at:min(len(p.Text), lo+maxHeadline+1)], '\n')
	switch {
	case hi >= 0:
		hi += at
	case lo+maxHeadline >= len(p.Text):
		hi = len(p.Text)
	default:
		return false
	}
	words, caps := 0, 0
	for _, w := range strings.Fields(p.Text[lo:hi]) {
		if len(w) < 4 {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7
}

// maxHeadline is the longest line TitleCase reads as a possible headline.
const maxHeadline = 500

// AttributionsIn returns the attributions of sentence si.
func (p *Pass) AttributionsIn(si int) []Attribution {
	lo, hi := p.AttributionRange(si)
	return p.Attributions[lo:hi]
}

// AttributionRange returns where sentence si's attributions lie in
// p.Attributions: [lo, hi).
func (p *Pass) AttributionRange(si int) (lo, hi int) {
	lo = sort.Search(len(p.Attributions), func(k int) bool { return p.Attributions[k].Sentence >= si })
	hi = lo
	for hi < len(p.Attributions) && p.Attributions[hi].Sentence == si {
		hi++
	}
	return lo, hi
}

// Capitalized reports whether token t starts with an upper-case letter in
// the text (names, titles, sentence starts).
func (p *Pass) Capitalized(t text.Token) bool {
	if c := p.Text[t.Start]; c < utf8.RuneSelf && c != ' ' { // most tokens: inlined
		return c >= 'A' && c <= 'Z'
	}
	return capitalizedRune(p.Text[t.Start:t.End])
}

// capitalizedRune is Capitalized for a token that opens with a non-ASCII
// byte or a space.
func capitalizedRune(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	for unicode.IsSpace(r) && size < len(s) { // a no-break space inside the token
		s = s[size:]
		r, size = utf8.DecodeRuneInString(s)
	}
	return unicode.IsUpper(r)
}
