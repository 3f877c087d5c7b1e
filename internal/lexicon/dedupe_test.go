package lexicon

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// dedupeQuadratic is the plain definition dedupe must agree with: a match is
// dropped when a longer match of its category covers it, or when it repeats
// one already kept.
func dedupeQuadratic(ms []Match) []Match {
	var out []Match
	for _, a := range ms {
		keep := true
		for _, b := range ms {
			if a.Entry.Category == b.Entry.Category && b.First <= a.First && b.Last >= a.Last && (b.Last-b.First) > (a.Last-a.First) {
				keep = false
			}
		}
		for _, o := range out {
			if o.Entry == a.Entry && o.First == a.First && o.Last == a.Last {
				keep = false
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	return out
}

func TestDedupeMatchesDefinition(t *testing.T) {
	entries := []*Entry{{Category: "a"}, {Category: "a"}, {Category: "b"}}
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		ms := make([]Match, r.IntN(40))
		for i := range ms {
			first := r.IntN(30)
			ms[i] = Match{Entry: entries[r.IntN(len(entries))], First: first, Last: first + 1 + r.IntN(8)}
		}
		// Find appends in order of First; the order within one start is free.
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].First < ms[j].First })
		// Appended after earlier matches (another sentence's, with the same
		// First values), which must neither change nor count.
		prefix := append([]Match(nil), ms...)
		got, want := dedupe(prefix[:len(prefix):len(prefix)], ms), dedupeQuadratic(ms)
		if !reflect.DeepEqual(got[len(prefix):], want) && (len(want) > 0 || len(got) > len(prefix)) {
			t.Fatalf("trial %d: dedupe(%v)\n got %v\nwant %v", trial, ms, got[len(prefix):], want)
		}
	}
}
