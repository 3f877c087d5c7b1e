// Package integrity asks whether a text is an article at all: it finds page
// chrome, paywalls, comment footers, duplicated lines, truncation and
// aggregator pages, marks them so other scorers skip them, and decides when
// too little article remains to score.
package integrity

import (
	"strconv"
	"strings"

	"github.com/credence-news/credence/engine/analysis"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/text"
)

var ruleDuplicate = core.Rule{ID: "integrity.duplicate", Dimension: "integrity", Severity: core.Warning,
	Summary: "A line of the text is repeated verbatim.",
	Doc:     "Flags a line (a byline, a paragraph, a summary bullet) that appears again word for word. Repetition is a sign of a scraped or badly assembled page rather than an edited article."}

// Scorer is the integrity scorer.
type Scorer struct{}

// New returns the integrity scorer.
func New() Scorer { return Scorer{} }

func (Scorer) Name() string       { return "integrity" }
func (Scorer) Rules() []core.Rule { return []core.Rule{ruleDuplicate} }

func (s Scorer) Score(p *analysis.Pass) {
	duplicates(p)
}

type line struct{ start, end int }

func lines(src string) []line {
	var out []line
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && (src[s] == ' ' || src[s] == '\t' || src[s] == '\r') {
			s++
		}
		for e > s && (src[e-1] == ' ' || src[e-1] == '\t' || src[e-1] == '\r') {
			e--
		}
		if e > s {
			out = append(out, line{s, e})
		}
		start = end + 1
	}
	return out
}

// duplicates flags every repeat of a line seen before, compared after folding
// (case, quotes, spacing). One-word lines ("Overview") are ignored.
func duplicates(p *analysis.Pass) {
	seen := map[string]int{}
	for _, l := range lines(p.Text) {
		key := strings.Join(strings.Fields(text.Fold(p.Text[l.start:l.end])), " ")
		key = strings.TrimLeft(key, "-*• ")
		if strings.Count(key, " ") < 1 {
			continue
		}
		if first, ok := seen[key]; ok {
			p.Flag(ruleDuplicate, l.start, l.end, 0.95, "This line repeats an earlier line verbatim.",
				"The same line already appears at byte "+strconv.Itoa(first)+"; a repeated byline or paragraph usually means the page was scraped or assembled carelessly, not edited.")
			p.Exclude(l.start, l.end)
			continue
		}
		seen[key] = l.start
	}
}
