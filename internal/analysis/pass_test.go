package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/text"
)

func TestReportRejectsBadSpans(t *testing.T) {
	doc := &core.Document{Text: "Kyiv’s plan"} // ’ is three bytes: 4..7
	p := NewPass(doc, text.Spans, &text.StemCache{}, nil)
	for _, c := range []struct {
		start, end int
		want       string
	}{
		{-1, 2, "out of range"},
		{3, 100, "out of range"},
		{6, 4, "out of range"},
		{5, 8, "not on rune boundaries"},
		{0, 6, "not on rune boundaries"},
	} {
		err := p.Report(core.Finding{Rule: "x.y", Start: c.start, End: c.end})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("[%d,%d): error %v, want %q", c.start, c.end, err, c.want)
		}
	}
	if err := p.Report(core.Finding{Rule: "x.y", Start: 0, End: 7}); err != nil {
		t.Errorf("valid span rejected: %v", err)
	}
	if len(p.Findings) != 1 || p.Findings[0].Text != "Kyiv’" || len(p.Errs) != 5 {
		t.Errorf("findings %+v, errors %d", p.Findings, len(p.Errs))
	}
	if err := p.Report(core.Finding{Rule: "x.y", Evidence: []core.Span{{Start: 5, End: 6}}}); err == nil {
		t.Error("invalid evidence span accepted")
	}
}

// TestQuoteAt checks the binary search against the definition: the quote
// whose inner span holds [s, e), tried at every span of a text with several.
func TestQuoteAt(t *testing.T) {
	src := `He said "one two" and then 'three' — "four, five" and "six" at the end.`
	p := NewPass(&core.Document{Text: src}, text.Spans, nil, nil)
	if len(p.Quotes) < 3 {
		t.Fatalf("want several quotes, got %d", len(p.Quotes))
	}
	for s := 0; s <= len(src); s++ {
		for e := s; e <= len(src); e++ {
			var want text.Quote
			found := false
			for _, q := range p.Quotes {
				if q.Inside(s, e) {
					want, found = q, true
					break
				}
			}
			got, ok := p.QuoteAt(s, e)
			if ok != found || got != want {
				t.Fatalf("QuoteAt(%d, %d) = %v, %v; want %v, %v", s, e, got, ok, want, found)
			}
		}
	}
}

// TestIsExcluded compares the merged-span index with a scan of every span,
// on spans given in and out of text order, overlapping and touching. An
// empty span excludes nothing.
func TestIsExcluded(t *testing.T) {
	spans := [][2]int{{10, 20}, {30, 40}, {20, 25}, {5, 8}, {38, 50}, {60, 60}, {70, 71}, {0, 2}}
	p := &Pass{}
	var marked [][2]int
	scan := func(s, e int) bool {
		for _, sp := range marked {
			x := core.Span{Start: sp[0], End: sp[1]}
			if x.Start < x.End && s < x.End && e > x.Start || (s == e && s >= x.Start && s < x.End) {
				return true
			}
		}
		return false
	}
	for n, sp := range spans {
		p.Exclude(sp[0], sp[1])
		marked = append(marked, sp)
		for s := 0; s <= 75; s++ {
			for e := s; e <= 75; e++ {
				if got, want := p.IsExcluded(s, e), scan(s, e); got != want {
					t.Fatalf("after %d spans: IsExcluded(%d, %d) = %v, want %v (union %v)", n+1, s, e, got, want, p.excludedUnion)
				}
			}
		}
	}
}

// TestArticleWords: words inside excluded text do not count, punctuation
// never does, and the count follows each new exclusion.
func TestArticleWords(t *testing.T) {
	doc := "Share this\nThe council met on Tuesday.\nRelated: more news\n"
	p := NewPass(&core.Document{Text: doc}, text.Spans, nil, nil)
	if p.Words != 10 || p.ArticleWords() != 10 {
		t.Fatalf("no exclusions: Words %d, ArticleWords %d, want 10 and 10", p.Words, p.ArticleWords())
	}
	p.Exclude(0, 10) // "Share this"
	if got := p.ArticleWords(); got != 8 {
		t.Errorf("after one exclusion: %d, want 8", got)
	}
	p.Exclude(strings.Index(doc, "Related"), len(doc))
	if got := p.ArticleWords(); got != 5 {
		t.Errorf("after two exclusions: %d, want 5", got)
	}
}

func TestArticleStart(t *testing.T) {
	doc := "Menu\nHome\n\nNews\nHeadline here\nBody.\n"
	p := NewPass(&core.Document{Text: doc}, text.Spans, nil, nil)
	if got := p.ArticleStart(); got != 0 {
		t.Errorf("nothing excluded: %d, want 0", got)
	}
	p.Exclude(0, 4)   // Menu
	p.Exclude(5, 9)   // Home
	p.Exclude(11, 15) // News
	if got, want := p.ArticleStart(), strings.Index(doc, "Headline"); got != want {
		t.Errorf("after the opening furniture: %d, want %d", got, want)
	}
	p = NewPass(&core.Document{Text: doc}, text.Spans, nil, nil)
	p.Exclude(5, 9) // furniture not at the top leaves the start alone
	if got := p.ArticleStart(); got != 0 {
		t.Errorf("furniture further down: %d, want 0", got)
	}
}

// TestVagueWording: a weasel or anonymous match on any token of the span
// counts, a match of another category or outside the span does not.
func TestVagueWording(t *testing.T) {
	weasel, cue := &lexicon.Entry{Category: "weasel"}, &lexicon.Entry{Category: "cue"}
	p := &Pass{Matches: []lexicon.Match{{Entry: cue, First: 0, Last: 1}, {Entry: weasel, First: 3, Last: 5}, {Entry: cue, First: 20, Last: 21}}}
	for _, c := range []struct {
		from, to int
		want     bool
	}{{3, 4, true}, {4, 5, true}, {0, 10, true}, {5, 8, false}, {0, 3, false}, {20, 21, false}} {
		if got := p.VagueWording(c.from, c.to); got != c.want {
			t.Errorf("VagueWording(%d, %d) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	long := strings.Repeat("Capitalised Words Everywhere ", 20) // 580 bytes: prose, not a headline
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"Senate Passes Sweeping Budget Bill\n\nThe Senate passed it.", "Sweeping", true},
		{"Senate Passes Sweeping Budget Bill\n\nThe Senate passed the bill on Monday.", "passed", false},
		{"Intro.\nSenate Passes Sweeping Budget Bill", "Budget", true},
		{long, "Everywhere", false},
		{"Intro.\n" + long + "\nEnd.", "Everywhere", false},
	} {
		p := NewPass(&core.Document{Text: c.text}, text.Spans, nil, nil)
		k := slices.IndexFunc(p.Tokens, func(tk text.Token) bool { return tk.Text(c.text) == c.word })
		if got := p.TitleCase(k); got != c.want {
			t.Errorf("TitleCase(%q in %.40q) = %v, want %v", c.word, c.text, got, c.want)
		}
	}
}
