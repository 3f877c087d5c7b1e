package text

import (
	"github.com/credence-news/credence/lexicons"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a span of text with the range of tokens inside it.
type Sentence struct {
	Start, End int
	// Tokens[First:Last] are the sentence's tokens.
	First, Last int
}

// abbreviations end with a full stop that does not end a sentence. Matched
// against the folded token before the stop.
var abbreviations = lexicons.Set("abbreviations")

// Sentences splits src into sentences. A sentence ends at '.', '!' or '?'
// (with any closing quotes or brackets) followed by space and a capital, digit
// or quote; not after an abbreviation ("Dr.", "Sir") or an initialism ("U.S.").
// A blank line always ends one, and so does a line break after a short line
// (a headline, a byline) or after terminal punctuation.
func Sentences(src string, toks []Token) []Sentence { return AppendSentences(nil, src, toks) }

// MaxSentenceTokens bounds a sentence: text that runs on past it (a list
// without punctuation, a transcript in lower case, words repeated by a
// generator) is cut there, so that rules which read a sentence around each
// word cost a bounded amount per word. The longest sentence in the dev
// corpora's 45,000 (BASIL, PolNeAR, the news pages, the hyperpartisan
// articles) has 245 tokens.
const MaxSentenceTokens = 400

// AppendSentences appends src's sentences to out (a reused slice).
func AppendSentences(out []Sentence, src string, toks []Token) []Sentence {
	if len(src) > exactTokensFrom {
		// As Tokenize does: a bound counted once, not growth by doubling.
		// A sentence ends at a stop, a line break or the length bound, and a
		// stop right before a line break ends one sentence, not two.
		n := 1 + len(toks)/MaxSentenceTokens + strings.Count(src, "\n")
		for _, end := range []string{".", "!", "?"} {
			n += strings.Count(src, end) - strings.Count(src, end+"\n")
		}
		out = slices.Grow(out, n)
	}
	first := 0
	emit := func(last int) {
		if last <= first {
			return
		}
		out = append(out, Sentence{Start: toks[first].Start, End: toks[last-1].End, First: first, Last: last})
		first = last
	}
	for i := 0; i < len(toks); i++ {
		if i-first >= MaxSentenceTokens {
			emit(i)
		}
		t := &toks[i]
		// Most gaps are one space or none: only a gap that may hold a line
		// break is looked at.
		if i+1 < len(toks) && toks[i+1].Start-t.End > 0 && !(toks[i+1].Start-t.End == 1 && src[t.End] == ' ') &&
			lineBreakBetween(src, t, &toks[i+1], toks[first].Start) {
			emit(i + 1)
			continue
		}
		if !t.Punct || (t.Norm != "." && t.Norm != "!" && t.Norm != "?") {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Punct && toks[j].Start == toks[j-1].End && isCloser(toks[j].Norm) {
			j++
		}
		if j >= len(toks) {
			break
		}
		next := toks[j]
		if next.Start == toks[j-1].End { // "U.S" or "3.5": no space after the stop
			continue
		}
		if t.Norm == "." && i > 0 && toks[i-1].End == t.Start && isAbbrev(src, toks, i-1) {
			continue
		}
		// "No. 10": the number abbreviation, capitalised, before a digit.
		if t.Norm == "." && i > 0 && (src[toks[i-1].Start:toks[i-1].End] == "No" || src[toks[i-1].Start:toks[i-1].End] == "Nos") && isDigitStart(src, next) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(src[next.Start:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(next.Norm) || next.Norm == "-" {
			emit(j)
			i = j - 1
		}
	}
	emit(len(toks))
	return out
}

func isAbbrev(src string, toks []Token, k int) bool {
	w := toks[k].Norm
	if abbreviations[w] {
		return true
	}
	// An initial or an initialism: "J." or the "S" of "U.S.".
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(src[toks[k].Start:])
		return unicode.IsUpper(r)
	}
	return false
}

func isCloser(s string) bool { return s == "\"" || s == "'" || s == ")" || s == "]" }
func isOpener(s string) bool { return s == "\"" || s == "'" || s == "(" || s == "[" }

// lineBreakBetween reports whether the gap between tokens a and b is a
// sentence-ending line break. lineStart is where the current sentence began.
func lineBreakBetween(src string, a, b *Token, lineStart int) bool {
	gap := src[a.End:b.Start]
	nl := strings.Count(gap, "\n")
	if nl == 0 {
		return false
	}
	if nl >= 2 || strings.TrimLeft(gap, " \t\r\n") != "" {
		return true
	}
	// One line break: a hard-wrapped paragraph continues in lower case after a
	// long line; anything else (headline, list item, byline) ends here.
	line := src[lineStart:a.End]
	if k := strings.LastIndexByte(line, '\n'); k >= 0 {
		line = line[k+1:]
	}
	r, _ := utf8.DecodeRuneInString(src[b.Start:])
	if len(line) >= 60 && unicode.IsLower(r) && !strings.ContainsAny(a.Norm, ".!?") {
		return false
	}
	return true
}

func isDigitStart(src string, t Token) bool {
	r, _ := utf8.DecodeRuneInString(src[t.Start:])
	return unicode.IsDigit(r)
}

// EndsSentence reports a line that ends as a sentence does: with ".", "!"
// or "?", perhaps inside a closing quote or bracket. A paragraph does; a
// headline, a label or a link does not, even with an abbreviation in it
// ("U.S. Sweetens Offer", "NOV. 7").
func EndsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"')]”’»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// IsNameLine reports a line that is a person's name alone, as a byline gives it: two to four capitalised words and nothing else ("Kayla Vaughn",
// "Mary-Jane O’Neil").
func IsNameLine(l string) bool {
	n, first := 0, ""
	for w := range strings.FieldsSeq(l) {
		if n++; n > 4 {
			return false
		}
		if n == 1 {
			first = w
		}
		for i, c := range w {
			if i == 0 && !unicode.IsUpper(c) || i > 0 && !(unicode.IsLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.') {
				return false
			}
		}
	}
	return n >= 2 && !commonHeadingWord[strings.ToLower(first)]
}

// commonHeadingWord rules out short headings ("The Road Ahead", "Leave a Reply").
var commonHeadingWord = lexicons.Set("heading_words")
