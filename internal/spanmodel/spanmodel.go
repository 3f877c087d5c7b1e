// Package spanmodel is the learned loaded-language model beside the
// lexicon: a logistic model over each word, fitted (eval/corpora, `make
// fit`) on spans people marked as loaded in other people's news, that
// marks words the lexicon does not list. The fitted weights ship in
// lexicons/spanmodel.json.
//
// Features are hashed into a table of 2^Bits weights, so reading a word
// allocates nothing: the word and its stem, its last three letters, the
// words either side, its shape, the lexicon category and tone it falls in
// (if any), whether it sits inside a quote, in a sentence with an
// attribution or in the first sentence, and the document's register (how
// dense the lexicon's loaded wording is in it), alone and with the word:
// the same word is likelier loaded in slanted copy than in plain reporting.
package spanmodel

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	json "github.com/goccy/go-json"

	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// Bits is the size of the hashed feature table: 2^16 weights.
const Bits = 16

// Dim is the number of weights.
const Dim = 1 << Bits

// Kinds of feature, hashed apart.
const (
	bias byte = iota
	word
	suffix
	previous
	next
	shape
	category
	quoted
	attributed
	register
	wordInRegister
	categoryInRegister
	stem
	polarity
	position
)

// Context is what the features of one document's words need besides the
// tokens: the lexicon category and tone each token falls in, which
// sentences carry an attribution, and the document's register.
type Context struct {
	p          *analysis.Pass
	cat        []uint16 // 0 for none, else an index into categories plus one
	categories []string
	pol        []int8 // the lexicon polarity over each token (-1, 0, +1)
	attributed []bool // by sentence
	reg        string
}

// NewContext prepares a document's words: it notes the categories and tones
// of the loaded-language matches (rule framing.loaded) over their tokens, which
// sentences carry an attribution, and the register.
func NewContext(p *analysis.Pass) *Context { return newContext(p, Register(p)) }

func newContext(p *analysis.Pass, reg string) *Context {
	c := &Context{p: p, cat: make([]uint16, len(p.Tokens)), pol: make([]int8, len(p.Tokens)), attributed: make([]bool, len(p.Sentences)), reg: reg}
	for i := range p.Matches {
		m := &p.Matches[i]
		if m.Rule() != "framing.loaded" {
			continue
		}
		id := slices.Index(c.categories, m.Entry.Category) + 1 // a handful: no map
		if id == 0 {
			c.categories = append(c.categories, m.Entry.Category)
			id = len(c.categories)
		}
		for k := m.First; k < m.Last && k < len(c.cat); k++ {
			c.cat[k] = uint16(id)
			c.pol[k] = int8(m.Entry.Polarity)
		}
	}
	for si := range p.Sentences {
		c.attributed[si] = len(p.AttributionsIn(si)) > 0
	}
	return c
}

// Register is the document's register: "plain", "coloured" or "slanted".
func (c *Context) Register() string { return c.reg }

// Marked is the one register the model marks words in. In plain and
// coloured copy (most professional news) the words it would add are more
// often plain senses ("dramatic", "serial", "powerful") than loaded ones;
// in slanted copy its added words are loaded about as often as a lexicon
// entry's first draft (see eval/REPORT.md).
const Marked = "slanted"

// Register is a document's register, from its lexicon matches.
func Register(p *analysis.Pass) string {
	loaded := 0
	for i := range p.Matches {
		if p.Matches[i].Rule() == "framing.loaded" {
			loaded++
		}
	}
	return registerOf(loaded, p.Words)
}

// registerOf buckets a document by the lexicon's loaded matches per
// hundred words: plain reporting, coloured, slanted.
func registerOf(loaded, words int) string {
	switch d := float64(loaded) * 100 / float64(max(words, 1)); {
	case d < 0.5:
		return "plain"
	case d < 1.5:
		return "coloured"
	default:
		return "slanted"
	}
}

// Scorable reports whether token k is a word the model judges: letters,
// not punctuation or a number.
func (c *Context) Scorable(k int) bool {
	t := &c.p.Tokens[k]
	if t.Punct || t.Norm == "" {
		return false
	}
	ch := t.Norm[0]
	return ch >= 'a' && ch <= 'z' || ch >= 0x80
}

// Features appends the feature indices of token k (in sentence si) to buf
// and returns it; with a buffer of capacity MaxFeatures nothing is
// allocated.
func (c *Context) Features(k, si int, buf []uint32) []uint32 { return c.features(k, si, buf, nil) }

// MaxFeatures is the most features a word has.
const MaxFeatures = 15

// features is Features, also naming each feature for a reader when names
// is not nil (names are formatted only for the few a reader is shown).
func (c *Context) features(k, si int, buf []uint32, names *[]featureName) []uint32 {
	p := c.p
	t := &p.Tokens[k]
	norm := t.Norm
	add := func(h uint32, n featureName) {
		buf = append(buf, h)
		if names != nil {
			*names = append(*names, n)
		}
	}
	add(hash(bias, ""), featureName{kind: bias})
	add(hash(word, norm), featureName{word, norm, ""})
	if len(norm) > 3 {
		add(hash(suffix, norm[len(norm)-3:]), featureName{suffix, norm[len(norm)-3:], ""})
	}
	prev, nxt := "<s>", "</s>"
	if si >= 0 && k > p.Sentences[si].First {
		prev = p.Tokens[k-1].Norm
	}
	if si >= 0 && k+1 < p.Sentences[si].Last {
		nxt = p.Tokens[k+1].Norm
	}
	add(hash(previous, prev), featureName{previous, prev, ""})
	add(hash(next, nxt), featureName{next, nxt, ""})
	sh := "lower"
	switch src := p.Text[t.Start:t.End]; {
	case len(src) > 1 && isUpper(src[0]) && isUpper(src[1]):
		sh = "caps"
	case isUpper(src[0]) && si >= 0 && k == p.Sentences[si].First:
		sh = "initial"
	case isUpper(src[0]):
		sh = "capitalised"
	}
	add(hash(shape, sh), featureName{shape, sh, ""})
	add(hash(register, c.reg), featureName{register, c.reg, ""})
	add(hash2(wordInRegister, c.reg, norm), featureName{wordInRegister, norm, c.reg})
	if id := c.cat[k]; id > 0 {
		cat := c.categories[id-1]
		add(hash(category, cat), featureName{category, cat, ""})
		add(hash2(categoryInRegister, c.reg, cat), featureName{categoryInRegister, cat, c.reg})
	}
	if _, q := p.QuoteAt(t.Start, t.End); q {
		add(hash(quoted, ""), featureName{kind: quoted})
	}
	if st := text.StemOf(t, p.Stems); st != norm {
		add(hash(stem, st), featureName{stem, st, ""})
	}
	if pl := c.pol[k]; pl != 0 {
		add(hash(polarity, polarityName[pl+1]), featureName{kind: polarity})
	}
	if si == 0 {
		add(hash(position, "first"), featureName{kind: position})
	}
	if si >= 0 && c.attributed[si] {
		add(hash(attributed, ""), featureName{kind: attributed})
	}
	return buf
}

var polarityName = [3]string{"-1", "0", "1"}

// featureName is a feature as a reader is told it.
type featureName struct {
	kind byte
	a, b string
}

func (f featureName) String() string {
	switch f.kind {
	case word:
		return "the word " + strconv.Quote(f.a)
	case suffix:
		return "the ending -" + f.a
	case previous:
		return "after " + strconv.Quote(f.a)
	case next:
		return "before " + strconv.Quote(f.a)
	case shape:
		return "written " + f.a
	case register:
		return "a text in a " + f.a + " register"
	case wordInRegister:
		return strconv.Quote(f.a) + " in a " + f.b + " register"
	case category:
		return "part of a lexicon phrase (" + f.a + ")"
	case categoryInRegister:
		return "a lexicon " + f.a + " in a " + f.b + " register"
	case quoted:
		return "inside a quote"
	case stem:
		return "the stem " + strconv.Quote(f.a)
	case polarity:
		return "a lexicon phrase's tone"
	case position:
		return "in the first sentence"
	case attributed:
		return "in a sentence with an attribution"
	}
	return "" // the bias, which no reader needs
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// hash is FNV-1a of the feature's kind and value, into the table.
func hash(kind byte, s string) uint32 { return fnv(mix(2166136261, kind), s) & (Dim - 1) }

// hash2 is hash of a pair of values.
func hash2(kind byte, a, b string) uint32 {
	return fnv(mix(fnv(mix(2166136261, kind), a), 0xff), b) & (Dim - 1)
}

func fnv(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = mix(h, s[i])
	}
	return h
}

func mix(h uint32, b byte) uint32 { return (h ^ uint32(b)) * 16777619 }

// closedClass words (articles, pronouns, prepositions, auxiliaries) carry
// no loading by themselves: the model marks none alone.
var closedClass = lexicons.Set("closed_class_words")

// ClosedClass reports whether a folded word is a closed-class word.
func ClosedClass(w string) bool { return closedClass[w] }

// Model is a fitted model as shipped: its weights, the probability from
// which a word is marked, and the words it may mark.
type Model struct {
	About struct {
		Purpose   string `json:"purpose"`
		Selection string `json:"selection"`
		Sources   string `json:"sources"`
	} `json:"about"`
	// CorpusHash identifies the corpora and lexicon it was fitted with.
	CorpusHash string `json:"corpus_hash"`
	// Report is the fit's cross-validated measurement, for a reader.
	Report    string  `json:"report"`
	Threshold float64 `json:"threshold"`
	// Words are the words the model scored at or above the threshold
	// somewhere in its training text: it marks no other, so a word it
	// never saw is never marked on the strength of its neighbours alone.
	Words   []string  `json:"words"`
	Weights []float64 `json:"weights"`

	words text.WordSet
}

// Off is a model that marks nothing.
var Off = &Model{Threshold: 1}

// Parse reads a model file.
func Parse(name string, data []byte) (*Model, error) {
	m := &Model{}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(m.Weights) != Dim {
		return nil, fmt.Errorf("%s: %d weights, want %d", name, len(m.Weights), Dim)
	}
	if !(m.Threshold > 0 && m.Threshold < 1) {
		return nil, fmt.Errorf("%s: threshold %v is not a probability between 0 and 1", name, m.Threshold)
	}
	m.Compile()
	return m, nil
}

// Compile readies a model built in memory (Parse does it for a file).
func (m *Model) Compile() {
	var words []string
	for _, w := range m.Words {
		if !closedClass[w] {
			words = append(words, w)
		}
	}
	m.words = text.NewWordSet(words...)
}

// Span is a run of words the model marks, with what carried it.
type Span struct {
	First, Last int // tokens
	Start, End  int // bytes
	P           float64
	// Why names the features that raised the score most.
	Why []string
}

// Spans returns the runs of words at or above the threshold that no
// loaded-language match of the lexicon overlaps, outside text marked as
// not prose.
func (m *Model) Spans(p *analysis.Pass) []Span {
	if m == nil || len(m.Words) == 0 {
		return nil
	}
	reg := Register(p)
	if reg != Marked {
		return nil
	}
	var c *Context
	var out []Span
	var buf [MaxFeatures]uint32
	for si := range p.Sentences {
		s := &p.Sentences[si]
		for k := s.First; k < s.Last; k++ {
			if !m.words.Has(&p.Tokens[k]) {
				continue
			}
			if c == nil {
				c = newContext(p, reg) // only for a text with a word the model knows
			}
			t := &p.Tokens[k]
			if !c.Scorable(k) || c.cat[k] != 0 || p.IsExcluded(t.Start, t.End) {
				continue
			}
			pr := m.prob(c.Features(k, si, buf[:0]))
			if pr < m.Threshold {
				continue
			}
			if n := len(out); n > 0 && out[n-1].Last == k && strings.TrimSpace(p.Text[out[n-1].End:t.Start]) == "" {
				out[n-1].Last, out[n-1].End, out[n-1].P = k+1, t.End, max(out[n-1].P, pr)
				continue
			}
			out = append(out, Span{First: k, Last: k + 1, Start: t.Start, End: t.End, P: pr})
		}
	}
	for i := range out {
		out[i].Why = m.why(c, &out[i])
	}
	return out
}

func (m *Model) prob(fs []uint32) float64 {
	z := 0.0
	for _, f := range fs {
		z += m.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// why names the three features that added most to the span's most likely
// word.
func (m *Model) why(c *Context, s *Span) []string {
	si := c.p.SentenceAt(s.Start)
	best, bestP := s.First, -1.0
	var buf [MaxFeatures]uint32
	for k := s.First; k < s.Last; k++ {
		if pr := m.prob(c.Features(k, si, buf[:0])); pr > bestP {
			best, bestP = k, pr
		}
	}
	var store [MaxFeatures]featureName
	names := store[:0]
	fs := c.features(best, si, buf[:0], &names)
	type contribution struct {
		name featureName
		w    float64
	}
	var cs [MaxFeatures]contribution
	n := 0
	for i, f := range fs {
		if names[i].kind != bias && m.Weights[f] > 0 {
			cs[n] = contribution{names[i], m.Weights[f]}
			n++
		}
	}
	slices.SortStableFunc(cs[:n], func(a, b contribution) int { return cmp.Compare(b.w, a.w) })
	out := make([]string, 0, min(3, n))
	for _, c := range cs[:min(3, n)] {
		out = append(out, c.name.String())
	}
	return out
}
