package text

// WordSet is a set of folded words tested by interned id: a bit per id, so
// a token's membership costs one array read where a map[string]bool hashed
// the word. Scorers ask such questions for most tokens of every document.
type WordSet struct{ bits []uint64 }

// NewWordSet interns the words (folded forms, as in Token.Norm).
func NewWordSet(words ...string) WordSet {
	var s WordSet
	for _, w := range words {
		id := uint32(Intern(w))
		for int(id>>6) >= len(s.bits) {
			s.bits = append(s.bits, 0)
		}
		s.bits[id>>6] |= 1 << (id & 63)
	}
	return s
}

// HasID reports whether the word with this id is in the set.
func (s WordSet) HasID(id int32) bool {
	u := uint32(id)
	return id > 0 && int(u>>6) < len(s.bits) && s.bits[u>>6]&(1<<(u&63)) != 0
}

// Has reports whether token t's folded form is in the set.
func (s WordSet) Has(t *Token) bool { return s.HasID(t.NormID) }

// HasWord reports whether a folded word is in the set (a map lookup to find
// its id: for words that are not tokens).
func (s WordSet) HasWord(w string) bool { return s.HasID(known(w)) }
