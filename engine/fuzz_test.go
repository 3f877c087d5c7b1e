package engine

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
)

// FuzzAnalyze runs the whole pipeline on arbitrary text: no panic, every
// span in range and on rune boundaries with text == input[start:end], and
// the same result twice.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"MADRID, March 3 — An unnamed official said that Ukrainian President Vladimir Zelenskiy would visit “the northern ports”.",
		"With the war in Ukraine nearing its fourth anniversary, former President Donald Trump said ‘no.’",
		"\uFEFFSubscribe to keep reading\nLeave a Reply\n\nJo Marsh\n\nJo Marsh",
		"<!-- credence-ignore framing.*: reason --> The so-called regime slammed critics.",
		"“unclosed quote and 20% of $5 million, said Sir Keir Starmer",
		"T\n\nTOKYO, March 3, 2024 — The late Shinzo Abe, who died in 2021, said on Monday, March 4 that last year's Brexit referendum? Why not?",
		"T\n\nThe prime minister, Rishi Sunak, met Donald Trump. Trump, 76, said the full-scale invasion of Ukraine three years ago",
		"Joe Scarborough: Trump Playing Dumb\n\nOn April 3, he tweeted:\n\nNEED WALL! pic.twitter.com/ab\n\nOn April 2:\n\nI never fired him! [1025 EDT]\n\n— Jo (@jo) July 14, 2016 LONDON (Reuters) - Officials said 2,300 over 5 percent, “True Lies,” also said",
		"T\n\nLONDON, June 10, 2025 — Jens Stoltenberg, NATO's secretary general, met Ursula von der Layen. Hurricane Katrina, which struck New Orleans in 2006, and Biden, the current president, and Kier Starmer, the secretary general of UN,",
	} {
		f.Add(s)
	}
	e := testEngine(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) == 0 {
			return
		}
		doc := &core.Document{ID: "fuzz", Source: "fuzz", Text: s, Format: "txt"}
		r1, _ := e.Analyze(doc)
		for _, fd := range r1.Findings {
			if fd.Start < 0 || fd.End > len(s) || fd.Start > fd.End || fd.Text != s[fd.Start:fd.End] || !utf8.ValidString(fd.Text) {
				t.Fatalf("bad span %+v in %q", fd, s)
			}
		}
		r2, _ := e.Analyze(&core.Document{ID: "fuzz", Source: "fuzz", Text: s, Format: "txt"})
		if !reflect.DeepEqual(r1.Findings, r2.Findings) || r1.Profile.Score != r2.Profile.Score {
			t.Fatalf("not deterministic on %q", s)
		}
	})
}
