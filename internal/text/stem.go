package text

import (
	"hash/maphash"
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Word is what the pipeline knows about one spelling of a word: its folded
// form, its Snowball stem, and both as interned ids, so matchers compare
// integers instead of hashing strings on every token.
type Word struct {
	Norm, Stem     string
	NormID, StemID int32
}

// StemCache memoises words by their spelling in the text (before folding),
// so a word seen before costs one map lookup: no folding, no stemming, no
// allocation. News text repeats a small vocabulary. It is safe for
// concurrent use: reads go to an immutable table without locking; new words
// wait in a small locked map that is merged into a fresh immutable one when
// it grows, so the cost of copying is amortised over the words added.
//
// Memory stays bounded however much text goes through: spellings longer than
// four bytes with a digit ("€815", "12345", "COVID19", many of them one-offs)
// are cached only while they number under a sixteenth of the bound, so
// that an archive's prices and codes cannot crowd out its words
// (punctuation splits "2,300" and "12:30", so years, numbers and "G20" stay
// short and are kept as words), and after MaxCachedWords spellings new
// ones are looked up without being kept. An uncached word has the ids of
// its forms only if they are already interned (every lexicon and
// knowledge-base word is, when it is compiled), else 0, which no matcher
// edge uses.
type StemCache struct {
	read    atomic.Pointer[wordTable]
	mu      sync.Mutex
	pending map[string]*Word
	size    int // cached spellings, read and pending
	digits  int // of which longer than four bytes with a digit
	// digitsFull is set once digits reaches its budget, so numeric
	// spellings are then answered without the lock.
	digitsFull atomic.Bool
	limit      int // MaxCachedWords when 0 (tests set a small one)
}

// MaxCachedWords bounds a StemCache (about 200 bytes a spelling).
const MaxCachedWords = 1 << 20

// Lookup returns the Word for a raw token spelling (folded and stemmed on
// first sight).
func (c *StemCache) Lookup(raw string) *Word {
	h := wordHash(raw)
	if w := c.read.Load().find(raw, h); w != nil {
		return w
	}
	numeric := len(raw) > 4 && hasDigit(raw)
	if numeric && c.digitsFull.Load() { // without taking the lock
		return uncached(raw)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if w := c.pending[raw]; w != nil {
		return w
	}
	old := c.read.Load()
	if w := old.find(raw, h); w != nil { // merged while we waited for the lock
		return w
	}
	limit := c.limit
	if limit == 0 {
		limit = MaxCachedWords
	}
	if numeric && c.digits >= limit/16 {
		c.digitsFull.Store(true)
	}
	if c.size >= limit || numeric && c.digits >= limit/16 {
		return uncached(raw)
	}
	if numeric {
		c.digits++
	}
	norm := strings.Clone(foldWord(raw)) // clone: raw is a slice of a whole document
	w := &Word{Norm: norm, Stem: english.Stem(norm, false)}
	w.NormID, w.StemID = Intern(w.Norm), Intern(w.Stem)
	if c.pending == nil {
		c.pending = map[string]*Word{}
	}
	c.pending[strings.Clone(raw)] = w
	c.size++
	if len(c.pending) >= 64+old.len()/4 {
		c.read.Store(old.with(c.pending))
		c.pending = nil
	}
	return w
}

// wordTable is the cache's immutable read side: open addressing with linear
// probing over a power-of-two array at most half full. It is here, not a Go
// map, because it is looked up once per token, and a slot is one cache line
// holding the spelling (up to 15 bytes), its hash and its Word: a hit reads
// nothing else. Longer spellings (a few in a hundred) are in a map.
type wordTable struct {
	slots []wordSlot
	long  map[string]*Word
	n     int
}

type wordSlot struct {
	Word
	hash  uint64
	n     uint8 // len(spelling); 0 marks an empty slot
	short [maxShort]byte
}

const maxShort = 15

func (t *wordTable) find(raw string, h uint64) *Word {
	if t == nil {
		return nil
	}
	if len(raw) > maxShort {
		return t.long[raw]
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.hash == h && int(s.n) == len(raw) && string(s.short[:s.n]) == raw {
			return &s.Word
		}
	}
}

func (t *wordTable) len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// with returns a new table holding t's words and the added ones (by spelling).
func (t *wordTable) with(added map[string]*Word) *wordTable {
	n := t.len() + len(added)
	size := 16
	for size < 2*n {
		size *= 2
	}
	u := &wordTable{slots: make([]wordSlot, size), long: map[string]*Word{}, n: n}
	put := func(raw string, w *Word) {
		if len(raw) > maxShort {
			u.long[raw] = w
			return
		}
		h := wordHash(raw)
		i := h & uint64(size-1)
		for u.slots[i].n != 0 {
			i = (i + 1) & uint64(size-1)
		}
		s := &u.slots[i]
		s.Word, s.hash, s.n = *w, h, uint8(len(raw))
		copy(s.short[:], raw)
	}
	if t != nil {
		for i := range t.slots {
			if s := &t.slots[i]; s.n != 0 {
				put(string(s.short[:s.n]), &s.Word)
			}
		}
		for raw, w := range t.long {
			put(raw, w)
		}
	}
	for raw, w := range added {
		put(raw, w)
	}
	return u
}

// wordSeed randomises wordHash per process, so that no fixed input can be
// crafted to collide in every run (the table probes linearly).
var wordSeed = maphash.String(maphash.MakeSeed(), "credence") | 1

// wordHash hashes a spelling eight bytes at a time with one 128-bit multiply
// per word (the wyhash mix). Most words fit in one step, where maphash.String
// cost a fifth of tokenizing.
func wordHash(s string) uint64 {
	h := wordSeed ^ uint64(len(s))*0x9e3779b97f4a7c15
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = mix(h ^ v)
		s = s[8:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return mix(h ^ v)
}

func mix(x uint64) uint64 {
	hi, lo := bits.Mul64(x, 0xa0761d6478bd642f)
	return hi ^ lo
}

// uncached folds and stems a word without keeping it.
func uncached(raw string) *Word {
	norm := foldWord(raw)
	w := &Word{Norm: norm, Stem: norm}
	if hasLetter(norm) { // amounts like "€190" have nothing to stem
		w.Stem = english.Stem(norm, false)
	}
	w.NormID, w.StemID = known(w.Norm), known(w.Stem)
	return w
}

// foldWord folds a token. A no-break space stays inside a token (as in the
// BERT pre-tokenizer), but "presidency.\u00a0Former" still holds the word
// "former": the space folded from it is trimmed.
func foldWord(raw string) string { return strings.TrimSpace(Fold(raw)) }

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// Stem returns the stem of a folded word.
func (c *StemCache) Stem(word string) string { return c.Lookup(word).Stem }

// vocab gives every distinct string an id, once per process, so that tokens
// cut with any StemCache compare by id with any compiled matcher.
var vocab struct {
	sync.RWMutex
	ids map[string]int32
}

// Intern returns s's id, giving it one if it has none; ids start at 1, so 0
// means "no word". Compiled data (lexicons, the knowledge base) interns its
// words; document words are interned through a StemCache, within its bound.
func Intern(s string) int32 {
	if id := known(s); id != 0 {
		return id
	}
	vocab.Lock()
	defer vocab.Unlock()
	if id, ok := vocab.ids[s]; ok {
		return id
	}
	if vocab.ids == nil {
		vocab.ids = map[string]int32{}
	}
	id := int32(len(vocab.ids) + 1)
	vocab.ids[strings.Clone(s)] = id
	return id
}

// known returns s's id, or 0 if it has none.
func known(s string) int32 {
	vocab.RLock()
	defer vocab.RUnlock()
	return vocab.ids[s]
}
