package text

import (
	"github.com/credence-news/credence/lexicons"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Token is a word or a single punctuation mark, located by byte offsets into
// the text it was cut from.
type Token struct {
	Start, End int
	// Norm is the token folded for matching (see Fold).
	Norm string
	// NormID and StemID are Norm and its Snowball stem interned (see
	// Intern; for punctuation the stem is Norm): matchers compare them
	// instead of strings. The stem's text is not kept, which makes a token
	// 48 bytes instead of 64; only compiling lexicons needs it (StemOf).
	NormID, StemID int32
	// Punct is true for a single punctuation rune.
	Punct bool
}

// Text returns the token's bytes in src.
func (t Token) Text(src string) string { return src[t.Start:t.End] }

// Spans splits on the runes the BERT pre-tokenizer removes: the RE2 class
// \s, ASCII only (a no-break space stays inside a word).

// IsPunct reports the runes the BERT pre-tokenizer isolates: ASCII symbols and
// punctuation, and every Unicode punctuation category.
func IsPunct(r rune) bool {
	if r < utf8.RuneSelf {
		return (r >= 33 && r <= 47) || (r >= 58 && r <= 64) || (r >= 91 && r <= 96) || (r >= 123 && r <= 126)
	}
	return unicode.IsPunct(r)
}

// Spans cuts src into token spans with the BERT pre-tokenizer's rules
// (whitespace removed, each punctuation rune its own token), but in one pass
// over the bytes. It is the hot path; BertSpans is its reference.
func Spans(src string) [][2]int {
	spans := make([][2]int, 0, len(src)/5+1)
	c := cutter{src: src}
	for {
		start, end, _, ok := c.next()
		if !ok {
			return spans
		}
		spans = append(spans, [2]int{start, end})
	}
}

// cutter walks src token by token. Spans and Tokenize share it, so the
// tokenizer tested against BERT is the one that runs; a method call per
// token, not a closure, keeps Tokenize's loop tight.
type cutter struct {
	src string
	i   int // where the next token may start
}

// next returns the next token's bytes and whether it is a punctuation rune;
// ok is false at the end of src.
func (c *cutter) next() (start, end int, punct, ok bool) {
	src, i := c.src, c.i
	for i < len(src) {
		switch byteClass[src[i]] {
		case classSpace:
			i++
			continue
		case classPunct:
			c.i = i + 1
			return i, i + 1, true, true
		case classMulti:
			r, size := utf8.DecodeRuneInString(src[i:])
			if unicode.IsPunct(r) {
				c.i = i + size
				return i, i + size, true, true
			}
		}
		break
	}
	if i == len(src) {
		c.i = i
		return 0, 0, false, false
	}
	// A word: up to the next space or punctuation rune.
	start = i
word:
	for i < len(src) {
		switch byteClass[src[i]] {
		case classWord:
			i++
		case classMulti:
			r, size := utf8.DecodeRuneInString(src[i:])
			if unicode.IsPunct(r) {
				break word
			}
			i += size
		default:
			break word
		}
	}
	c.i = i
	return start, i, false, true
}

var asciiPunct = func() (t [utf8.RuneSelf]bool) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		t[c] = IsPunct(c)
	}
	return t
}()

// byteClass sorts bytes for the cutter with one table read: ASCII word
// bytes, spaces and punctuation, and the bytes of multi-byte runes, which
// are decoded.
const (
	classWord = iota
	classSpace
	classPunct
	classMulti
)

var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classMulti
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			t[c] = classSpace
		case asciiPunct[c]:
			t[c] = classPunct
		}
	}
	return t
}()

// Tokenize cuts src into tokens with their folded form and stem, in one
// pass (no span slice). Without a cache, words are folded but not stemmed
// (Stem is Norm).
func Tokenize(src string, stems *StemCache) []Token {
	n := len(src)/5 + 1 // news prose: about six bytes a token
	if len(src) > exactTokensFrom {
		// A large text may be anything (a run of dashes is a token a byte):
		// counting first costs a pass over the bytes, where growing by
		// doubling would hold the old and the new slice, up to three
		// times the tokens' size, at once.
		n = 0
		for c := (cutter{src: src}); ; n++ {
			if _, _, _, ok := c.next(); !ok {
				break
			}
		}
	}
	toks := newTokens(n)[:0]
	c := cutter{src: src}
	for {
		start, end, punct, ok := c.next()
		if !ok {
			return toks
		}
		toks = append(toks, Token{})
		fill(&toks[len(toks)-1], src, start, end, punct, stems)
	}
}

// exactTokensFrom is the text size from which Tokenize counts its tokens
// before it allocates them.
const exactTokensFrom = 1 << 20

// TokenizeWith is Tokenize with a chosen span function (Spans or BertSpans;
// nil is Tokenize itself).
func TokenizeWith(src string, cut func(string) [][2]int, stems *StemCache) []Token {
	if cut == nil {
		return Tokenize(src, stems)
	}
	spans := cut(src)
	toks := newTokens(len(spans))
	for i, sp := range spans {
		s := src[sp[0]:sp[1]]
		r, size := utf8.DecodeRuneInString(s)
		fill(&toks[i], src, sp[0], sp[1], size == len(s) && IsPunct(r), stems)
	}
	return toks
}

// fill sets *t to the token src[start:end] (in place: a Token is 64 bytes,
// and this runs once per token).
func fill(t *Token, src string, start, end int, punct bool, stems *StemCache) {
	s := src[start:end]
	t.Start, t.End, t.Punct = start, end, punct
	var w *Word
	switch {
	case punct && end-start == 1:
		w = asciiPunctWords[s[0]]
	case stems != nil:
		w = stems.Lookup(s)
	default:
		t.Norm = foldWord(s)
		t.NormID = known(t.Norm)
		t.StemID = t.NormID
		return
	}
	t.Norm, t.NormID, t.StemID = w.Norm, w.NormID, w.StemID
	if punct {
		t.StemID = t.NormID
	}
}

// StemOf returns the text of token t's stem as the cache gives it (Norm
// without a cache, or for punctuation).
func StemOf(t *Token, stems *StemCache) string {
	if stems == nil || t.Punct {
		return t.Norm
	}
	return stems.Stem(t.Norm)
}

// asciiPunctWords are the Words of the ASCII punctuation marks, a sixth of
// all tokens, so they cost no lookup.
var asciiPunctWords = func() (t [utf8.RuneSelf]*Word) {
	for c := range t {
		if asciiPunct[c] {
			s := Fold(string(rune(c)))
			id := Intern(s)
			t[c] = &Word{Norm: s, Stem: s, NormID: id, StemID: id}
		}
	}
	return t
}()

// tokenPool recycles token slices: a long article's tokens are a few
// hundred kilobytes, the largest allocation of an analysis.
var tokenPool sync.Pool

func newTokens(n int) []Token {
	if v, ok := tokenPool.Get().(*[]Token); ok && cap(*v) >= n {
		return (*v)[:n]
	}
	return make([]Token, n)
}

// Release returns a token slice for reuse by later calls to Tokenize. The
// caller must not use toks, or anything sliced from it, afterwards.
func Release(toks []Token) {
	if cap(toks) > MaxPooled {
		return // a huge document's: left to the collector (see MaxPooled)
	}
	toks = toks[:0]
	tokenPool.Put(&toks)
}

// MaxPooled is the largest slice (in elements) kept for reuse: an article's
// tokens fit many times over, and one huge document's slice is left to the
// collector instead of being handed to every later document, which kept
// its memory for the rest of a batch or a server's life.
const MaxPooled = 1 << 17

// LooksLikeDemonym reports whether a folded word has the shape of a
// nationality adjective ("russian", "chinese", "british", "french"), the
// words that qualify a title ("French President") without being a name.
// Given names of the same shape ("Brian", "Duncan", "Mitch") are not.
func LooksLikeDemonym(w string) bool {
	if len(w) <= 4 || givenNamesLikeDemonyms[w] {
		return false
	}
	switch w {
	case "french", "dutch", "czech":
		return true
	}
	for _, suf := range []string{"ian", "ese", "ish", "can", "ean"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var givenNamesLikeDemonyms = lexicons.Set("given_names_like_demonyms")

// IsNumber reports a number in digits ("47", "4.5") or a number word
// ("five", "thirty", "hundreds", "dozen").
func IsNumber(t *Token) bool {
	if w := t.Norm; w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	return numberWords.Has(t)
}

var numberWords = NewWordSet(lexicons.Words("count_words")...)

// IsApostrophe reports a token that is an apostrophe, straight or curly.
func IsApostrophe(t *Token) bool { return t.Norm == "'" || t.Norm == "’" }

// PossessiveAt reports "'s" at tokens k and k+1 ("Obama's", "Bush’s").
func PossessiveAt(toks []Token, k int) bool {
	return k >= 0 && k+1 < len(toks) && IsApostrophe(&toks[k]) && toks[k+1].Norm == "s"
}
