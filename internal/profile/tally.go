package profile

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
)

// Tally is what the profile reads of a document's analysis beside its
// findings: counts, so that the windows a very long document is analysed
// in (see engine) add up to the document's.
type Tally struct {
	// Words counts the article's words (Pass.ArticleWords).
	Words int
	// Specific counts numbers and month names outside page furniture;
	// Quotes the quotes outside it.
	Specific, Quotes int
	// The outlet's voice, outside quotes and furniture: see voiceFeatures.
	Questions, Exclamations, You, We, I, Camps, Modals, Attributions int
	RefDate                                                          core.RefDate
	// Unchecked counts the factual checks skipped for want of a date.
	Unchecked int
	// Unscorable is the integrity scorer's reason the text is not an article.
	Unscorable string
	Sourcing   *core.SourcingStats
	Framing    *core.FramingStats
}

// Count tallies an analysed document (or one window of it).
func Count(p *analysis.Pass) Tally {
	t := Tally{Words: p.ArticleWords(), Quotes: articleQuotes(p), Specific: specifics(p), RefDate: p.RefDate}
	voiceCounts(p, &t)
	t.Unchecked = analysis.ResultOf(p, analysis.Factual).Unchecked
	t.Unscorable = analysis.ResultOf(p, analysis.Integrity).Unscorable
	t.Sourcing = analysis.ResultOf(p, analysis.Sourcing)
	t.Framing = analysis.ResultOf(p, analysis.Framing)
	return t
}

// Add adds the tally of the next window of the same document, whose text
// begins at byte offset off. The reference date is the first window's
// (where a dateline and a byline are); the text is unscorable only when
// every window is.
func (t *Tally) Add(u Tally, off int) {
	words := t.Words
	t.Words += u.Words
	t.Specific += u.Specific
	t.Quotes += u.Quotes
	t.Questions += u.Questions
	t.Exclamations += u.Exclamations
	t.You += u.You
	t.We += u.We
	t.I += u.I
	t.Camps += u.Camps
	t.Modals += u.Modals
	t.Attributions += u.Attributions
	t.Unchecked += u.Unchecked
	if u.Unscorable == "" {
		t.Unscorable = ""
	}
	t.Sourcing = addSourcing(t.Sourcing, u.Sourcing)
	t.Framing = addFraming(t.Framing, u.Framing, words, u.Words, off)
}

func addSourcing(a, b *core.SourcingStats) *core.SourcingStats {
	if a == nil || b == nil {
		return cmp.Or(a, b)
	}
	s := &core.SourcingStats{
		Named: a.Named + b.Named, Anonymous: a.Anonymous + b.Anonymous, Weasel: a.Weasel + b.Weasel, Hearsay: a.Hearsay + b.Hearsay,
		ClaimSentences: a.ClaimSentences + b.ClaimSentences, DirectQuotes: a.DirectQuotes + b.DirectQuotes, Relations: a.Relations + b.Relations,
	}
	if s.ClaimSentences > 0 {
		attributed := a.AttributedShare*float64(a.ClaimSentences) + b.AttributedShare*float64(b.ClaimSentences)
		s.AttributedShare = math.Round(attributed/float64(s.ClaimSentences)*100) / 100
	}
	if s.Relations > 0 {
		s.DirectQuoteShare = math.Round(float64(s.DirectQuotes)/float64(s.Relations)*100) / 100
	}
	// One person under several spellings counts once, as within a window:
	// by the last word of the name.
	seen := map[string]bool{}
	for _, name := range slices.Concat(a.Quoted, b.Quoted) {
		key := strings.ToLower(name[strings.LastIndexAny(name, " \t\n")+1:])
		if !seen[key] {
			seen[key] = true
			s.Quoted = append(s.Quoted, name)
		}
	}
	slices.Sort(s.Quoted)
	s.DistinctNamed = len(s.Quoted)
	return s
}

// addFraming weighs each window's densities by its words and keeps the
// most loaded sentences of the windows in turn, up to the number one
// window lists.
func addFraming(a, b *core.FramingStats, aWords, bWords, off int) *core.FramingStats {
	if a == nil || b == nil {
		return cmp.Or(a, b)
	}
	s := &core.FramingStats{Densities: map[string]float64{}, QuotedLoaded: a.QuotedLoaded + b.QuotedLoaded}
	all := math.Max(float64(aWords+bWords), 1)
	for c, d := range a.Densities {
		s.Densities[c] += d * math.Max(float64(aWords), 1)
	}
	for c, d := range b.Densities {
		s.Densities[c] += d * math.Max(float64(bWords), 1)
	}
	for c, d := range s.Densities {
		s.Densities[c] = math.Round(d/all*10) / 10
	}
	s.MostLoaded = slices.Clone(a.MostLoaded)
	for _, sp := range b.MostLoaded {
		if len(s.MostLoaded) < max(len(a.MostLoaded), len(b.MostLoaded)) {
			s.MostLoaded = append(s.MostLoaded, core.Span{Start: sp.Start + off, End: sp.End + off})
		}
	}
	return s
}
