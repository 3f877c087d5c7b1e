package corpora

import (
	"fmt"
	"math"

	"github.com/credence-news/credence/internal/text"
	"github.com/jonreiter/govader"
)

// vaderList is the word list research toolkits reach for: VADER's sentiment
// lexicon (Hutto & Gilbert 2014, MIT licence, read from the govader module),
// flagging every word whose valence passes a threshold. Each setting in
// vaderSettings is scored and the best one reported, so the comparison
// leans toward the baseline, never against it.
type vaderList struct{ valence map[string]float64 }

// vaderSetting is one threshold: |valence| ≥ min, or valence ≤ −min when
// only negative words count.
type vaderSetting struct {
	min      float64
	negative bool
}

var vaderSettings = []vaderSetting{{1, false}, {1.5, false}, {2, false}, {2.5, false}, {1, true}, {1.5, true}, {2, true}, {2.5, true}}

func (s vaderSetting) String() string {
	if s.negative {
		return fmt.Sprintf("negative words, valence ≤ −%g", s.min)
	}
	return fmt.Sprintf("|valence| ≥ %g", s.min)
}

func (s vaderSetting) flags(v float64) bool {
	if s.negative {
		return v <= -s.min
	}
	return math.Abs(v) >= s.min
}

func newVaderList() *vaderList {
	return &vaderList{valence: govader.NewSentimentIntensityAnalyzer().Lexicon}
}

// spans returns, for each of vaderSettings, the words of s it flags.
func (v *vaderList) spans(s string) [][][2]int {
	out := make([][][2]int, len(vaderSettings))
	for _, sp := range text.Spans(s) {
		val, ok := v.valence[text.Fold(s[sp[0]:sp[1]])]
		if !ok {
			continue
		}
		for i, set := range vaderSettings {
			if set.flags(val) {
				out[i] = append(out[i], sp)
			}
		}
	}
	return out
}

// bestSetting is the index in vaderSettings of the best-scoring setting.
func bestSetting(score func(i int) float64) int {
	best, top := 0, score(0)
	for i := 1; i < len(vaderSettings); i++ {
		if v := score(i); v > top {
			best, top = i, v
		}
	}
	return best
}
