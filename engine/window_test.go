package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/credence-news/credence/internal/analysis"
)

func TestWindowCuts(t *testing.T) {
	for _, c := range []struct {
		name, src string
		size      int
		want      []int
	}{
		{"short", "One paragraph.", 20, []int{14}},
		{"paragraph break", "aaaa bbbb.\n\ncccc. dd\neeee", 20, []int{12, 25}},
		{"line break", "aaaa bbbb.\ncccc. dd eeee ffff", 16, []int{11, 25, 29}},
		{"sentence end", "aaaa bbbb. cccc dd eeee ffff", 16, []int{11, 24, 28}},
		{"space", "aaaa bbbb cccc dd eeee ffff", 16, []int{15, 27}},
		// A break in the window's first half would make windows tiny.
		{"break too early", "a\n\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 16, []int{16, 32, 33}},
		{"rune boundary", strings.Repeat("é", 20), 15, []int{14, 28, 40}},
	} {
		got := windows(c.src, c.size)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: windows %v, want %v", c.name, got, c.want)
		}
		start := 0
		for _, end := range got {
			if end-start > c.size && len(got) > 1 || !utf8.ValidString(c.src[start:end]) {
				t.Errorf("%s: window [%d,%d) over %d bytes or splits a rune", c.name, start, end, c.size)
			}
			start = end
		}
	}
}

// TestLongDocumentInWindows: a text longer than a window is analysed in
// windows with the same findings, at the same offsets, as its parts would
// have; the reference date and the document-level findings are the first
// window's, a window cut short is not "truncated", and the per-rule cap
// holds over the whole document.
func TestLongDocumentInWindows(t *testing.T) {
	head := "Council approves budget\n\nLONDON, March 3, 2026 — The council approved the budget on Monday.\n\n"
	// Paragraphs told apart by a number: a paragraph repeated word for
	// word would be a duplicate, kept out of the scores.
	var b strings.Builder
	paras := 0
	for b.Len() < 3*windowBytes {
		fmt.Fprintf(&b, "In ward %d the disastrous scheme was a sham, critics argue, and the regime slammed the plan.\n\n", paras)
		paras++
	}
	body := b.String()
	tail := "The vote is due in April, and the mayor said"
	text := head + body + tail
	res := analyze(t, text, "")
	checkSpans(t, res)
	if ws := windows(text, windowBytes); len(ws) < 3 {
		t.Fatalf("the text makes %d windows, want at least 3", len(ws))
	}
	if res.RefDate.Value != "2026-03-03" || res.RefDate.Start != strings.Index(text, "LONDON") {
		t.Errorf("reference date %+v, want the first window's dateline", res.RefDate)
	}
	byRule := map[string]int{}
	last := 0
	for _, f := range res.Findings {
		byRule[f.Rule]++
		if f.Rule == "framing.loaded" {
			last = max(last, f.Start)
		}
		if f.Rule == "integrity.truncated" && f.End != len(text) {
			t.Errorf("a window's cut reported as truncated at %d", f.Start)
		}
	}
	if byRule["transparency.byline"] != 1 {
		t.Errorf("%d missing-byline findings, want the first window's one", byRule["transparency.byline"])
	}
	if byRule["integrity.truncated"] != 1 {
		t.Errorf("%d truncated findings, want one at the text's end", byRule["integrity.truncated"])
	}
	if byRule["framing.loaded"] != analysis.MaxFindingsPerRule {
		t.Errorf("%d loaded findings listed, want the cap (%d)", byRule["framing.loaded"], analysis.MaxFindingsPerRule)
	}
	omitted := 0
	for _, o := range res.Omitted {
		if o.Rule == "framing.loaded" {
			omitted = o.Count
		}
	}
	// Four loaded words a paragraph, every one listed or counted.
	if want := 4 * paras; byRule["framing.loaded"]+omitted != want {
		t.Errorf("loaded words listed %d + omitted %d, want %d", byRule["framing.loaded"], omitted, want)
	}
	if res.Words < strings.Count(body, " ") || res.Profile == nil || res.Profile.Sourcing == nil || res.Profile.Sourcing.Weasel <= paras/3 {
		t.Errorf("words %d, profile %+v: want every window counted", res.Words, res.Profile)
	}
}
