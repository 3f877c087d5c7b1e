// Package spanmodel reads the features of each word of an analysed text
// for a learned loaded-language model: a logistic model over words that the
// evaluation fits on spans people marked as loaded in other people's news
// and measures beside the lexicon (eval/corpora, "A learned model beside
// the lexicon"). It is not shipped: cross-validated, it added too little.
//
// Features are hashed into a table of 2^Bits weights, so reading a word
// allocates nothing: the word itself, its last three letters, the words
// either side, its shape, the lexicon category it falls in (if any), and
// whether it sits inside a quote or in a sentence with an attribution.
package spanmodel

import "github.com/credence-news/credence/internal/analysis"

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
)

// Context is what the features of one document's words need besides the
// tokens: the lexicon category each token falls in and which sentences
// carry an attribution.
type Context struct {
	p          *analysis.Pass
	cat        []uint16 // 0 for none, else an index into categories plus one
	categories []string
	attributed []bool // by sentence
}

// NewContext prepares a document's words: it notes the categories of the
// loaded-language matches (rule framing.loaded) over their tokens and
// which sentences carry an attribution.
func NewContext(p *analysis.Pass) *Context {
	c := &Context{p: p, cat: make([]uint16, len(p.Tokens)), attributed: make([]bool, len(p.Sentences))}
	index := map[string]uint16{}
	for i := range p.Matches {
		m := &p.Matches[i]
		if m.Rule() != "framing.loaded" {
			continue
		}
		id, ok := index[m.Entry.Category]
		if !ok {
			c.categories = append(c.categories, m.Entry.Category)
			id = uint16(len(c.categories))
			index[m.Entry.Category] = id
		}
		for k := m.First; k < m.Last && k < len(c.cat); k++ {
			c.cat[k] = id
		}
	}
	for si := range p.Sentences {
		c.attributed[si] = len(p.AttributionsIn(si)) > 0
	}
	return c
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
// and returns it; with a buffer of capacity 10 nothing is allocated.
func (c *Context) Features(k, si int, buf []uint32) []uint32 {
	p := c.p
	t := &p.Tokens[k]
	norm := t.Norm
	buf = append(buf, hash(bias, ""), hash(word, norm))
	if len(norm) > 3 {
		buf = append(buf, hash(suffix, norm[len(norm)-3:]))
	}
	prev, nxt := "<s>", "</s>"
	if si >= 0 && k > p.Sentences[si].First {
		prev = p.Tokens[k-1].Norm
	}
	if si >= 0 && k+1 < p.Sentences[si].Last {
		nxt = p.Tokens[k+1].Norm
	}
	buf = append(buf, hash(previous, prev), hash(next, nxt))
	sh := "lower"
	switch src := p.Text[t.Start:t.End]; {
	case len(src) > 1 && isUpper(src[0]) && isUpper(src[1]):
		sh = "caps"
	case isUpper(src[0]) && si >= 0 && k == p.Sentences[si].First:
		sh = "initial"
	case isUpper(src[0]):
		sh = "capitalised"
	}
	buf = append(buf, hash(shape, sh))
	if id := c.cat[k]; id > 0 {
		buf = append(buf, hash(category, c.categories[id-1]))
	}
	if _, q := p.QuoteAt(t.Start, t.End); q {
		buf = append(buf, hash(quoted, ""))
	}
	if si >= 0 && c.attributed[si] {
		buf = append(buf, hash(attributed, ""))
	}
	return buf
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// hash is FNV-1a of the feature's kind and value, into the table.
func hash(kind byte, s string) uint32 {
	h := uint32(2166136261)
	h = (h ^ uint32(kind)) * 16777619
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h & (Dim - 1)
}
