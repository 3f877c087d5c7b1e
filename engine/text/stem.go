package text

import (
	"strings"
	"sync"
	"sync/atomic"

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
// concurrent use: reads go to an immutable map without locking; new words
// wait in a small locked map that is merged into a fresh immutable one when
// it grows, so the cost of copying is amortised over the words added.
type StemCache struct {
	read    atomic.Pointer[map[string]*Word]
	mu      sync.Mutex
	pending map[string]*Word
}

// Lookup returns the Word for a raw token spelling (folded and stemmed on
// first sight).
func (c *StemCache) Lookup(raw string) *Word {
	if m := c.read.Load(); m != nil {
		if w := (*m)[raw]; w != nil {
			return w
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if w := c.pending[raw]; w != nil {
		return w
	}
	var old map[string]*Word
	if m := c.read.Load(); m != nil {
		old = *m
		if w := old[raw]; w != nil { // merged while we waited for the lock
			return w
		}
	}
	norm := strings.Clone(Fold(raw)) // clone: raw is a slice of a whole document
	w := &Word{Norm: norm, Stem: english.Stem(norm, false)}
	w.NormID, w.StemID = Intern(w.Norm), Intern(w.Stem)
	if c.pending == nil {
		c.pending = map[string]*Word{}
	}
	c.pending[strings.Clone(raw)] = w
	if len(c.pending) >= 64+len(old)/4 {
		merged := make(map[string]*Word, len(old)+len(c.pending))
		for k, v := range old {
			merged[k] = v
		}
		for k, v := range c.pending {
			merged[k] = v
		}
		c.read.Store(&merged)
		c.pending = nil
	}
	return w
}

// Stem returns the stem of a folded word.
func (c *StemCache) Stem(word string) string { return c.Lookup(word).Stem }

// vocab gives every distinct string an id, once per process, so that tokens
// cut with any StemCache compare by id with any compiled matcher.
var vocab struct {
	sync.RWMutex
	ids map[string]int32
}

// Intern returns s's id; ids start at 1, so 0 means "no word".
func Intern(s string) int32 {
	vocab.RLock()
	id, ok := vocab.ids[s]
	vocab.RUnlock()
	if ok {
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
	id = int32(len(vocab.ids) + 1)
	vocab.ids[strings.Clone(s)] = id
	return id
}
