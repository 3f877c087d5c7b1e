// Package quantity finds counted quantities in an article ("approximately
// 30 nations", "more than two dozen leaders"): the figures that readers
// compare across outlets' coverage of one story. The teaching report lines
// them up side by side; finding them is analysis, so it happens here.
package quantity

import (
	"regexp"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
)

// pattern: an optional approximation, a number (digits, words, dozens),
// an optional qualifier and the counted noun.
var pattern = regexp.MustCompile(`(?i)\b((?:approximately|about|around|nearly|almost|roughly|some|more than|over|fewer than|at least|up to)\s+)?(\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|(?:two |three )?dozen)(?:\s+dozen)?\s+((?:[A-Z][a-z]+|[a-z]+)\s+)?(nations|countries|leaders|troops|soldiers|people|brigades|vehicles|states|allies|members|deaths|civilians|jobs|homes|years|percent)\b`)

// Stage finds the quantities in the document's text.
var Stage = analysis.NewStage("quantities", analysis.Quantities, nil, Find)

// Find returns the counted quantities of p's text, in text order.
func Find(p *analysis.Pass) []core.Quantity {
	var out []core.Quantity
	for _, m := range pattern.FindAllStringSubmatchIndex(p.Text, -1) {
		if p.Stopped() {
			break
		}
		out = append(out, core.Quantity{Start: m[0], End: m[1],
			Phrase:  strings.Join(strings.Fields(p.Doc.Text[m[0]:m[1]]), " "),
			Subject: strings.ToLower(p.Doc.Text[m[8]:m[9]])})
	}
	return out
}
