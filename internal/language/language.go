// Package language tells which language a text is written in, so that the
// rules whose word lists are English run only on English. Detection is
// github.com/RadhiFadlillah/whatlanggo (trigram profiles of 84 languages,
// already linked through the HTML extractor, so it adds nothing to the
// binary), on a sample from the start of the text.
package language

import (
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// sampleBytes is how much of a text the detector reads: a few paragraphs
// tell the language as well as the whole, at a fixed cost per document.
const sampleBytes = 4096

// minLetters is the fewest letters a sample needs for a verdict.
const minLetters = 200

// minConfidence is the detector's confidence below which the text counts
// as English (the rules run). The detector's own "reliable" flag wants
// 0.9 on samples of this size and rejected clear French (0.67) and
// Portuguese (0.50) in the tests; English scores 1.0 there.
const minConfidence = 0.4

// Detected is a detection: the ISO 639-1 code ("en", "fr"), the
// language's English name and the detector's confidence (0-1). Code is ""
// when the text is too short or the detector is unsure.
type Detected struct {
	Code, Name string
	Confidence float64
}

// English reports whether the rules written for English may run: the text
// is English, or too short or mixed to tell.
func (d Detected) English() bool { return d.Code == "" || d.Code == "en" }

// Detect reads the start of text.
func Detect(text string) Detected {
	sample := text
	if len(sample) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	letters := 0
	for _, r := range sample {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f {
			letters++
		}
	}
	if letters < minLetters {
		return Detected{}
	}
	info := whatlanggo.Detect(sample)
	if info.Confidence < minConfidence {
		return Detected{}
	}
	return Detected{Code: info.Lang.Iso6391(), Name: info.Lang.String(), Confidence: info.Confidence}
}
