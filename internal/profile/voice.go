package profile

import (
	"math"
	"sort"

	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// The outlet's voice: how the text addresses its reader, in its own words
// (outside quotes and page furniture). A report lets its sources speak and
// rarely asks, exclaims, says "we" or "you"; an argument does all of these.
// These are classes of language, not words of one corpus: the slant model
// weighs them (slant.json).
var (
	readerAddress       = text.NewWordSet(lexicons.Words("reader_address")...)
	firstPersonPlural   = text.NewWordSet(lexicons.Words("first_person_plural")...)
	firstPersonSingular = text.NewWordSet(lexicons.Words("first_person_singular")...)
	politicalCamps      = text.NewWordSet(lexicons.Words("political_camps")...)
	deonticModals       = text.NewWordSet(lexicons.Words("deontic_modals")...)
)

// voiceCounts counts the outlet's own questions, exclamations, "you",
// "we" and "I", political camps named, "must" and "should", and its
// attributions, outside quotes and page furniture.
func voiceCounts(p *analysis.Pass, c *Tally) {
	for k := range p.Tokens {
		t := &p.Tokens[k]
		var n *int
		switch {
		case t.Punct && t.Norm == "?":
			n = &c.Questions
		case t.Punct && t.Norm == "!":
			n = &c.Exclamations
		case t.Punct || len(t.Norm) > 13:
			continue
		case readerAddress.Has(t):
			n = &c.You
		case firstPersonPlural.Has(t) && p.Text[t.Start:t.End] != "US": // the country, not "us"
			n = &c.We
		case firstPersonSingular.Has(t):
			n = &c.I
		case politicalCamps.Has(t):
			n = &c.Camps
		case deonticModals.Has(t) && !conditionalShould(p, k):
			n = &c.Modals
		default:
			continue
		}
		if _, quoted := p.QuoteAt(t.Start, t.End); quoted || p.IsExcluded(t.Start, t.End) {
			continue
		}
		*n++
	}
	// Page furniture's attributions (a related list's "X says") are not
	// the article's sourcing.
	for k := range p.Attributions {
		if s := p.Sentences[p.Attributions[k].Sentence]; !p.IsExcluded(s.Start, s.End) {
			c.Attributions++
		}
	}
}

// voiceFeatures adds the voice features to x: the counts of voiceCounts
// and of the direct quotes per 1,000 words, each as log(1 + rate) so that
// one rant does not outweigh everything else.
func voiceFeatures(t *Tally, x map[string]float64) {
	words := math.Max(float64(t.Words), 100)
	rate := func(n int) float64 { return math.Round(math.Log1p(float64(n)*1000/words)*1e4) / 1e4 }
	x["voice.questions"] = rate(t.Questions)
	x["voice.exclamations"] = rate(t.Exclamations)
	x["voice.you"] = rate(t.You)
	x["voice.we"] = rate(t.We)
	x["voice.i"] = rate(t.I)
	x["voice.camps"] = rate(t.Camps)
	x["voice.modals"] = rate(t.Modals)
	x["voice.attributions"] = rate(t.Attributions)
	x["voice.quotes"] = rate(t.Quotes)
}

// conditionalShould reports "should" opening a condition by inversion
// ("should a peace agreement materialize", "should there be a vote"): the
// "if" of formal English, not an obligation.
func conditionalShould(p *analysis.Pass, k int) bool {
	if p.Tokens[k].Norm != "should" || k+1 >= len(p.Tokens) {
		return false
	}
	switch p.Tokens[k+1].Norm {
	case "a", "an", "the", "this", "that", "these", "those", "any", "such", "there", "it":
		return true
	}
	return false
}

// voiceWords names the slant features in a reader's words.
var voiceWords = map[string]string{
	"voice.loaded":       "loaded words",
	"voice.opinion":      "opinion in the news voice",
	"voice.speculation":  "speculation stated as fact",
	"voice.questions":    "questions put to the reader",
	"voice.exclamations": "exclamations",
	"voice.you":          `addressing the reader as "you"`,
	"voice.we":           `"we" in the outlet's voice`,
	"voice.i":            `the writer's "I"`,
	"voice.camps":        "naming political camps",
	"voice.modals":       `telling someone what they "must" or "should" do`,
}

// Drivers names, most first, the features that raised a slant model's
// score for x by at least a fifth of a logit (about four points at the
// middle of the scale): what a reader should look at first.
func (m *Model) Drivers(x map[string]float64) []string {
	type push struct {
		name string
		z    float64
	}
	var ps []push
	for k, w := range m.Weights {
		if z := w * x[k]; z >= 0.2 && voiceWords[k] != "" {
			ps = append(ps, push{voiceWords[k], z})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].z > ps[j].z || ps[i].z == ps[j].z && ps[i].name < ps[j].name })
	out := make([]string, 0, min(len(ps), 3))
	for _, p := range ps[:min(len(ps), 3)] {
		out = append(out, p.name)
	}
	return out
}
