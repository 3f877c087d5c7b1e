package engine

import (
	"fmt"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/language"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

var englishFunctionWord = text.NewWordSet(lexicons.Words("english_function_words")...)

// languageOf tells the language of a pass's text. English prose is told
// by its function words at no cost (about a fifth of its words, against a
// twentieth at most in other languages written in Latin letters); only a
// text where they are rare goes to the detector.
func languageOf(p *analysis.Pass) language.Detected {
	words, common := 0, 0
	for i := range p.Tokens {
		t := &p.Tokens[i]
		if t.Punct {
			continue
		}
		words++
		if englishFunctionWord.Has(t) {
			common++
		}
		if words == 500 {
			break
		}
	}
	if words < 40 || common*10 >= words {
		return language.Detected{}
	}
	return language.Detect(p.Text)
}

// englishOnly reports the rules that read English word lists: framing and
// sourcing. Names, titles, dates, page furniture and transparency still
// run on other languages.
func englishOnly(rule string) bool {
	return strings.HasPrefix(rule, "framing.") || strings.HasPrefix(rule, "sourcing.")
}

// notEnglish turns a profile computed without the English rules into no
// verdict, with the reason: the missing checks would read as clean.
func notEnglish(prof *core.Profile, lang language.Detected) {
	prof.Band = "unscorable"
	prof.Reason = fmt.Sprintf("written in %s (language code %q, detector confidence %.2f): the loaded-language and sourcing rules read English only, so only names, titles, dates, page integrity and transparency were checked", lang.Name, lang.Code, lang.Confidence)
	prof.Confidence = min(prof.Confidence, 0.3)
}
