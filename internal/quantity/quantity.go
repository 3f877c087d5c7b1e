// Package quantity finds counted quantities in an article ("approximately
// 30 nations", "more than two dozen leaders"): the figures that readers
// compare across outlets' coverage of one story. The teaching report lines
// them up side by side; finding them is analysis, so it happens here.
package quantity

import (
	"github.com/credence-news/credence/lexicons"
	"regexp"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
)

// pattern: an optional approximation, a number (digits, words, dozens),
// an optional qualifier and the counted noun.
var pattern = regexp.MustCompile(`(?i)\b((?:approximately|about|around|nearly|almost|roughly|some|more than|over|fewer than|at least|up to)\s+)?(\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|(?:two |three )?dozen)(?:\s+dozen)?\s+((?:[A-Z][a-z]+|[a-z]+)\s+)?(` + strings.Join(counted, "|") + `)\b`)

// counted are the nouns whose counts the report compares.
var counted = lexicons.Words("counted_nouns")

var countedWord = text.NewWordSet(counted...)

// countBefore reports whether the tokens before a counted noun hold a
// number (digits, a number word, "dozen"): without one the pattern cannot
// match, and most "years" and "people" have none.
func countBefore(toks []text.Token) bool {
	for k := range toks {
		if text.IsNumber(&toks[k]) {
			return true
		}
	}
	return false
}

// window is how many tokens before a counted noun its quantity can start:
// "more than two dozen European nations" is six.
const window = 8

// Stage finds the quantities in the document's text.
var Stage = analysis.NewStage("quantities", analysis.Quantities, nil, Find)

// Find returns the counted quantities of p's text, in text order. The
// pattern runs on a few tokens before each counted noun, not on the whole
// text: over every article it was two thirds of the analysis.
func Find(p *analysis.Pass) []core.Quantity {
	var windows [][2]int
	for i := range p.Tokens {
		if !countedWord.Has(&p.Tokens[i]) || !countBefore(p.Tokens[max(0, i-window):i]) {
			continue
		}
		start, end := p.Tokens[max(0, i-window)].Start, p.Tokens[i].End
		if k := len(windows) - 1; k >= 0 && start <= windows[k][1] {
			windows[k][1] = end
		} else {
			windows = append(windows, [2]int{start, end})
		}
	}
	var out []core.Quantity
	for _, w := range windows {
		if p.Stopped() {
			break
		}
		for _, m := range pattern.FindAllStringSubmatchIndex(p.Text[w[0]:w[1]], -1) {
			s, e := w[0]+m[0], w[0]+m[1]
			out = append(out, core.Quantity{Start: s, End: e,
				Phrase:  strings.Join(strings.Fields(p.Doc.Text[s:e]), " "),
				Subject: strings.ToLower(p.Doc.Text[w[0]+m[8] : w[0]+m[9]])})
		}
	}
	return out
}
