package lexicon

import (
	"fmt"
	"github.com/credence-news/credence/lexicons"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/credence-news/credence/internal/text"
)

// Gap in a phrase ("criticism from ... observers") matches up to MaxGap tokens.
const (
	gapWord = "..."
	anyWord = "*"
	MaxGap  = 6
	// exactKey prefixes trie keys of exact entries, keeping them apart from
	// stems ("warn" the word is not "warnings" the stem).
	exactKey = "="
)

// Match is one entry found in a token stream: tokens [First, Last).
type Match struct {
	Entry       *Entry
	Lexicon     *Lexicon
	First, Last int
	Start, End  int
}

// Rule is the ID of the rule the match's category reports.
func (m *Match) Rule() string { return m.Entry.rule }

type node struct {
	next  map[int32]*node // by stem id (and punctuation)
	exact map[int32]*node // by folded word form id, for exact entries
	gap   *node           // after a "..." element
	any   *node           // after a "*" element
	done  []*Entry
}

// Matcher finds every entry of a set of lexicons in a token stream.
type Matcher struct {
	root *node
	// rootNext and rootExact are the root's edges as tables indexed by id:
	// most tokens start no entry, and this says so with one array read.
	rootNext, rootExact []*node
	// owners maps a one-word form an exact entry lists to that entry, per
	// lexicon: a form listed by name belongs to its entry, so another
	// entry's stem ("disgrace" taking in "disgraced", "fanatical" taking in
	// "fanatic") cannot match it around the owner's context words.
	owners map[formKey]*Entry
}

type formKey struct {
	lex *Lexicon
	id  int32
}

// Compile builds one matcher over the lexicons' entries. Phrases are
// tokenized and stemmed exactly as documents are, so inflected forms match.
func Compile(stems *text.StemCache, lexicons ...*Lexicon) *Matcher {
	var entries []*Entry
	for _, lx := range lexicons {
		for _, e := range lx.Entries {
			entries = append(entries, lx.Bind(e))
		}
	}
	// Stemming every phrase is most of the cost of a large house lexicon
	// (100,000 entries): it runs on every core, the trie is built after.
	seqs := make([][][]string, len(entries))
	workers := min(runtime.GOMAXPROCS(0), len(entries)/1000+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(entries); i += workers {
				e := entries[i]
				for _, phrase := range Expand(e.Phrase) {
					seqs[i] = append(seqs[i], sequence(phrase, e.Exact, stems))
				}
				e.unless = e.unless[:0]
				for _, u := range e.UnlessNear {
					for _, t := range text.Tokenize(u, stems) {
						e.unless = append(e.unless, text.Intern(text.StemOf(&t, stems)))
					}
				}
				e.unlessNext = e.unlessNext[:0]
				for _, u := range e.UnlessNext {
					e.unlessNext = append(e.unlessNext, text.Intern(text.Fold(u)))
				}
				e.unlessPrev = e.unlessPrev[:0]
				for _, u := range e.UnlessPrev {
					e.unlessPrev = append(e.unlessPrev, text.Intern(text.Fold(u)))
				}
			}
		})
	}
	wg.Wait()
	m := &Matcher{root: &node{}, owners: map[formKey]*Entry{}}
	for i, e := range entries {
		for _, seq := range seqs[i] {
			m.insert(seq, e)
			if e.Exact && len(seq) == 1 && strings.HasPrefix(seq[0], exactKey) {
				m.owners[formKey{e.lex, text.Intern(seq[0][len(exactKey):])}] = e
			}
		}
	}
	m.rootNext, m.rootExact = table(m.root.next), table(m.root.exact)
	return m
}

func table(edges map[int32]*node) []*node {
	var n int32
	for id := range edges {
		n = max(n, id+1)
	}
	t := make([]*node, n)
	for id, c := range edges {
		t[id] = c
	}
	return t
}

// sequence turns a phrase into trie keys: stems (folded forms if exact),
// gapWord for "..." and anyWord for "*".
func sequence(phrase string, exact bool, stems *text.StemCache) []string {
	var seq []string
	for k, part := range strings.Split(phrase, gapWord) {
		if k > 0 {
			seq = append(seq, gapWord)
		}
		for _, t := range text.Tokenize(part, stems) {
			switch {
			case t.Norm == anyWord:
				seq = append(seq, anyWord)
			case t.Punct:
				seq = append(seq, t.Norm)
			case exact:
				seq = append(seq, exactKey+t.Norm)
			default:
				seq = append(seq, text.StemOf(&t, stems))
			}
		}
	}
	return seq
}

// Expand spells out a phrase's alternatives: "sources (say|said)" is
// "sources say" and "sources said". An empty alternative makes a word
// optional: "(widely|) believed". Groups nest ("(few (would|could)
// disagree|nobody can deny)"): the first group's alternatives are split at
// its own level, and each is spelled out in turn, so a phrase yields each
// spelling once (splitting the innermost group first multiplied every
// group of every alternative: 3,456 spellings, most of them repeated, for
// one entry of 38).
func Expand(phrase string) []string {
	open := strings.IndexByte(phrase, '(')
	if open < 0 {
		return []string{strings.Join(strings.Fields(phrase), " ")}
	}
	var alts []string
	depth, from, closing := 0, open+1, -1
	for i := open; i < len(phrase) && closing < 0; i++ {
		switch phrase[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				alts, closing = append(alts, phrase[from:i]), i
			}
		case '|':
			if depth == 1 {
				alts, from = append(alts, phrase[from:i]), i+1
			}
		}
	}
	if closing < 0 { // unbalanced (Parse rejects such phrases): taken as written
		return []string{strings.Join(strings.Fields(phrase), " ")}
	}
	var out []string
	for _, alt := range alts {
		out = append(out, Expand(phrase[:open]+alt+phrase[closing+1:])...)
	}
	return out
}

func (m *Matcher) insert(seq []string, e *Entry) {
	n := m.root
	for _, w := range seq {
		var edges *map[int32]*node
		switch {
		case w == gapWord:
			n.gap = orNew(n.gap)
			n = n.gap
			continue
		case w == anyWord:
			n.any = orNew(n.any)
			n = n.any
			continue
		case strings.HasPrefix(w, exactKey) && len(w) > len(exactKey):
			edges, w = &n.exact, w[len(exactKey):]
		default:
			edges = &n.next
		}
		if *edges == nil {
			*edges = map[int32]*node{}
		}
		id := text.Intern(w)
		c := (*edges)[id]
		if c == nil {
			c = &node{}
			(*edges)[id] = c
		}
		n = c
	}
	n.done = append(n.done, e)
}

func orNew(n *node) *node {
	if n == nil {
		return &node{}
	}
	return n
}

// step appends to out the nodes token t leads to from n: by its stem, its
// exact folded form, or a wildcard.
func (m *Matcher) step(out []*node, n *node, t *text.Token) []*node {
	if n == m.root { // every match starts here: the tables, not the maps
		if int(t.StemID) < len(m.rootNext) && m.rootNext[t.StemID] != nil {
			out = append(out, m.rootNext[t.StemID])
		}
		if !t.Punct && int(t.NormID) < len(m.rootExact) && m.rootExact[t.NormID] != nil {
			out = append(out, m.rootExact[t.NormID])
		}
		if n.any != nil && !t.Punct {
			out = append(out, n.any)
		}
		return out
	}
	if n.next != nil {
		if c := n.next[t.StemID]; c != nil {
			out = append(out, c)
		}
	}
	if n.exact != nil && !t.Punct {
		if c := n.exact[t.NormID]; c != nil {
			out = append(out, c)
		}
	}
	if n.any != nil && !t.Punct {
		out = append(out, n.any)
	}
	return out
}

// joinsWords reports whether toks[k] is a hyphen (not a dash) between two
// words with no space around it.
func joinsWords(toks []text.Token, k int) bool {
	return k+1 < len(toks) && toks[k].Norm == "-" && toks[k].End-toks[k].Start == 1 && !toks[k-1].Punct && !toks[k+1].Punct &&
		toks[k-1].End == toks[k].Start && toks[k].End == toks[k+1].Start
}

// starts reports whether token t can begin an entry.
func (m *Matcher) starts(t *text.Token) bool {
	return m.root.any != nil ||
		int(t.StemID) < len(m.rootNext) && m.rootNext[t.StemID] != nil ||
		int(t.NormID) < len(m.rootExact) && m.rootExact[t.NormID] != nil && !t.Punct
}

// Find returns every match in toks, longest first at each start, keeping
// only matches that pass their entry's context filters. Sentence boundaries
// are the caller's: pass one sentence's tokens to keep matches inside it.
func (m *Matcher) Find(toks []text.Token) []Match {
	var s Scratch
	return m.AppendMatches(nil, toks, &s)
}

// Scratch is Find's working memory. Callers that match sentence after
// sentence keep one and pass it to AppendMatches, so the calls do not
// allocate; it is not safe for concurrent use.
type Scratch struct {
	frontier []state
	next     []*node
	found    []Match
}

type state struct {
	n    *node
	last int
	// hyphen: last-1 is a hyphen stepped over, which ends no entry
	hyphen bool
}

// AppendMatches appends to dst what Find would return for toks.
func (m *Matcher) AppendMatches(dst []Match, toks []text.Token, sc *Scratch) []Match {
	found, frontier, next := sc.found[:0], sc.frontier[:0], sc.next[:0]
	for i := range toks {
		if !m.starts(&toks[i]) {
			continue
		}
		frontier = append(frontier[:0], state{n: m.root, last: i})
		for len(frontier) > 0 {
			s := frontier[len(frontier)-1]
			frontier = frontier[:len(frontier)-1]
			for _, e := range s.n.done {
				if s.last > i && !s.hyphen && m.keep(e, toks, i, s.last) {
					first := i
					// An entry that opens with a hyphen ("- hating") is the
					// second half of a compound: the match takes in the word
					// the hyphen is fixed to ("Trump-hating").
					if toks[i].Norm == "-" && i > 0 && !toks[i-1].Punct && toks[i-1].End == toks[i].Start {
						first = i - 1
					}
					found = append(found, Match{Entry: e, Lexicon: e.lex, First: first, Last: s.last, Start: toks[first].Start, End: toks[s.last-1].End})
				}
			}
			if s.last < len(toks) {
				next = m.step(next[:0], s.n, &toks[s.last])
				for _, c := range next {
					frontier = append(frontier, state{n: c, last: s.last + 1})
				}
				// A phrase written with spaces also matches its hyphenated
				// spelling ("dog whistle", "dog-whistle"; "pie in the sky",
				// "pie-in-the-sky"): a hyphen fixed to the words either side
				// stands for the space between two of the phrase's words.
				if s.last > i && !s.hyphen && joinsWords(toks, s.last) {
					frontier = append(frontier, state{n: s.n, last: s.last + 1, hyphen: true})
				}
			}
			if s.n.gap != nil && s.last > i {
				for k := 0; k <= MaxGap && s.last+k < len(toks); k++ {
					if k > 0 && toks[s.last+k-1].Punct && toks[s.last+k-1].Norm != "," && toks[s.last+k-1].Norm != "'" && toks[s.last+k-1].Norm != "-" {
						break
					}
					next = m.step(next[:0], s.n.gap, &toks[s.last+k])
					for _, c := range next {
						frontier = append(frontier, state{n: c, last: s.last + k + 1})
					}
				}
			}
		}
	}
	sc.found, sc.frontier, sc.next = found, frontier, next
	return dedupe(dst, found)
}

// dedupe appends to out the matches of ms that survive: for each entry
// category the longest of overlapping matches, without exact repeats. ms is
// in order of First (Find appends so), so a covering match lies within the
// longest span before or at the same start: the scan is linear in the
// matches, not quadratic (long articles have thousands).
func dedupe(out, ms []Match) []Match {
	base := len(out) // out[:base] belongs to the caller
	span := 0
	for _, m := range ms {
		span = max(span, m.Last-m.First)
	}
	covered := func(a, b Match) bool {
		return a.Entry.Category == b.Entry.Category && b.First <= a.First && b.Last >= a.Last && (b.Last-b.First) > (a.Last-a.First)
	}
next:
	for i, a := range ms {
		for j := i - 1; j >= 0 && ms[j].First >= a.Last-span; j-- {
			if covered(a, ms[j]) {
				continue next
			}
		}
		for j := i + 1; j < len(ms) && ms[j].First == a.First; j++ {
			if covered(a, ms[j]) {
				continue next
			}
		}
		for k := len(out) - 1; k >= base && out[k].First == a.First; k-- {
			if o := out[k]; o.Entry == a.Entry && o.Last == a.Last {
				continue next
			}
		}
		out = append(out, a)
	}
	return out
}

// TermBeside reports an occurrence of the entry's word at token k used as a
// term: one of its unless_near words right beside it ("chaos theory", "a
// tax regime").
func (e *Entry) TermBeside(toks []text.Token, k int) bool {
	return k > 0 && slices.Contains(e.unless, toks[k-1].StemID) || k+1 < len(toks) && slices.Contains(e.unless, toks[k+1].StemID)
}

var negators = text.NewWordSet(lexicons.Words("negators")...)

func (m *Matcher) keep(e *Entry, toks []text.Token, first, last int) bool {
	if !e.Exact && last-first == 1 {
		if o := m.owners[formKey{e.lex, toks[first].NormID}]; o != nil && o != e {
			return false
		}
	}
	if len(e.unless) > 0 {
		lo, hi := max(0, first-Window), min(len(toks), last+Window)
		for k := lo; k < hi; k++ {
			if (k < first || k >= last) && slices.Contains(e.unless, toks[k].StemID) {
				return false
			}
		}
	}
	if len(e.unlessNext) > 0 && last < len(toks) && slices.Contains(e.unlessNext, toks[last].NormID) {
		return false
	}
	if len(e.unlessPrev) > 0 && first > 0 && slices.Contains(e.unlessPrev, toks[first-1].NormID) {
		return false
	}
	if e.lex.Negation {
		for k := max(0, first-2); k < first; k++ {
			t := &toks[k]
			if negators.Has(t) || (t.Norm == "t" && k > 0 && toks[k-1].Norm == "'") {
				return false
			}
		}
	}
	return true
}

// CheckExamples runs every entry's flag sentences (which must match it) and
// pass sentences (which must not) through m, the matcher compiled from
// these lexicons and others: an entry is checked in the company it runs in.
func CheckExamples(m *Matcher, stems *text.StemCache, lexicons ...*Lexicon) (checked int, errs []error) {
	matches := func(s string, e *Entry) bool {
		for _, mt := range m.Find(text.Tokenize(s, stems)) {
			if mt.Entry == e {
				return true
			}
		}
		return false
	}
	for _, lx := range lexicons {
		for _, e := range lx.Entries {
			for _, s := range e.Flag {
				if !matches(s, e) {
					errs = append(errs, fmt.Errorf("%s: %q should match %q", e.Source, e.Phrase, s))
				}
				checked++
			}
			for _, s := range e.Pass {
				if matches(s, e) {
					errs = append(errs, fmt.Errorf("%s: %q should not match %q", e.Source, e.Phrase, s))
				}
				checked++
			}
		}
	}
	return checked, errs
}
