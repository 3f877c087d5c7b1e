package factual

import (
	"testing"
	"time"

	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/lexicons"
)

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"zelenksy", "zelensky", 2}, {"scholtz", "scholz", 1}, {"macrone", "macron", 1}, {"putin", "putin", 0}, {"", "abc", 3}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func TestStatus(t *testing.T) {
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	trump := k.Lookup("Donald Trump")[0]
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	cases := []struct {
		from, to                             string
		allIn, noneIn, everBefore, everAfter bool
	}{
		{"2026-01-01", "2026-02-01", true, false, true, false},
		{"2022-03-01", "2022-04-01", false, true, true, true},
		{"2016-03-01", "2016-04-01", false, true, false, true},
		{"2025-01-01", "2025-12-31", false, false, true, false}, // a term starts inside the range: undecided
	}
	for _, c := range cases {
		a, n, b, f := status(trump, "President", day(c.from), day(c.to))
		if a != c.allIn || n != c.noneIn || b != c.everBefore || f != c.everAfter {
			t.Errorf("%s..%s: allIn %v noneIn %v before %v after %v", c.from, c.to, a, n, b, f)
		}
	}
	if !sameTitle("Foreign Secretary", "Secretary of State") || !sameTitle("Premier", "Prime Minister") || sameTitle("President", "Vice President") {
		t.Error("sameTitle is wrong")
	}
}

// TestNearFindsEverySurnameWithinTwoEdits: the deletion index finds what
// measuring the distance to every surname finds.
func TestNearFindsEverySurnameWithinTwoEdits(t *testing.T) {
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	s := New(k, nil)
	words := []string{"zelenksy", "scholtz", "macrone", "starmr", "stoltenbreg", "merkle", "putinn", "lavorv", "borrell", "xxxxxx", "zełenskyy", "érdogan", "lukashénko", "zelenksy", "starmr", "macorn"}
	for _, sur := range s.single[:min(len(s.single), 200)] { // and each surname with a letter changed
		words = append(words, "q"+sur[1:], sur[:len(sur)-1])
	}
	for _, w := range words {
		var want []int
		for i, sur := range s.single {
			if editDistance(w, sur) <= 2 {
				want = append(want, i)
			}
		}
		got, got1 := map[int]bool{}, map[int]bool{}
		for _, i := range s.near(w, true) {
			got[i] = true
		}
		for _, i := range s.near(w, false) {
			got1[i] = true
		}
		for _, i := range want {
			if !got[i] {
				t.Errorf("%q: the index misses %q (distance %d)", w, s.single[i], editDistance(w, s.single[i]))
			}
			if sur := s.single[i]; (editDistance(w, sur) == 1 || swappedOnce(w, sur)) && !got1[i] {
				t.Errorf("%q: one-deletion lookup misses %q", w, sur)
			}
		}
	}
}
