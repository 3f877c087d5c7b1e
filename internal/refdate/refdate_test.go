package refdate

import (
	"testing"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// FuzzFind checks the date finder on arbitrary text: no panic, an evidence
// span inside the text, a precision it can name, a range that is not reversed.
func FuzzFind(f *testing.F) {
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"PARIS, September 4, 2025 — Leaders met.", "As the war in Ukraine enters its 3rd year, 2 May 2024", "LONDON, 31 February 2025 - x", "1999-13-45"} {
		f.Add(s, "")
	}
	f.Add("Body", "2025-09-04T10:00:00Z")
	f.Fuzz(func(t *testing.T, s, published string) {
		if !utf8.ValidString(s) {
			return
		}
		doc := &core.Document{Text: s, Published: published}
		p := analysis.NewPass(doc, text.Spans, &text.StemCache{}, nil)
		Find(p, k, "")
		r := p.RefDate
		if r.Start < 0 || r.End > len(s) || r.Start > r.End {
			t.Fatalf("evidence span [%d,%d) out of range for %q", r.Start, r.End, s)
		}
		switch r.Precision {
		case core.PrecisionDay, core.PrecisionMonth, core.PrecisionYear:
			if r.Latest.Before(r.Time) {
				t.Fatalf("reversed range %v..%v for %q", r.Time, r.Latest, s)
			}
		case core.PrecisionNone:
		default:
			t.Fatalf("unknown precision %q", r.Precision)
		}
	})
}

// TestEventPhrasesClose: an event phrase's words must stand close together
// in the sentence; scattered over a long one they are not the event.
func TestEventPhrasesClose(t *testing.T) {
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]bool{
		"After the death of Pope Benedict, the Vatican held a funeral.":                                                              true,
		"The death toll rose overnight, officials said, as pilgrims who had travelled to see the pope recalled Benedict's homilies.": false,
	} {
		p := analysis.NewPass(&core.Document{Text: s}, text.Spans, &text.StemCache{}, nil)
		got := false
		for _, m := range MentionedEvents(p, k) {
			got = got || m.Event().ID == "death-benedict-xvi"
		}
		if got != want {
			t.Errorf("%q: mentions the death of Benedict XVI = %v, want %v", s, got, want)
		}
	}
}
