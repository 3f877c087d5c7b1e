package text

import (
	"unicode"
	"unicode/utf8"
)

// Quote is a direct quotation: Start/End include the quote marks, Inner* do not.
type Quote struct {
	Start, End           int
	InnerStart, InnerEnd int
	// Speaker is the name a reporting verb attaches to the quote, if any, with
	// its span; Cue is the reporting verb.
	Speaker                  string
	SpeakerStart, SpeakerEnd int
	Cue                      string
}

// Inside reports whether the byte span [s, e) lies within the quote's marks.
func (q Quote) Inside(s, e int) bool { return s >= q.InnerStart && e <= q.InnerEnd }

// Quotes finds direct quotations delimited by double quotes (straight, curly,
// guillemets) or by single quotes. A single quote opens only after a space or
// opening bracket and closes only before a non-letter, so apostrophes
// ("Kyiv’s", "don't") are never taken for quote marks. A double-quoted
// quotation may span sentences, and paragraphs when each new one opens with a
// quote mark (the news convention for long quotes); one still open at the end
// of a paragraph that the next does not continue is dropped, so one stray
// mark cannot pair every later quote the wrong way round.
func Quotes(src string) []Quote {
	var out []Quote
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf && c != '"' && c != '\'' { // most bytes: nothing to decode
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '"' || r == '\u201C' || r == '\u201E' || r == '\u00AB':
			if q, ok := closeDouble(src, i, size, r); ok {
				out = append(out, q)
				i = q.End
				continue
			}
		case r == '\u201D' && (i == 0 || src[i-1] == '\n') && i+size < len(src) && unicode.IsLetter(rune(src[i+size])):
			// A closing mark that opens a line is a typo for an opening one
			// (scraped pages print "”Mr. Trump embodies…” ― Sonya Herridge").
			if q, ok := closeDouble(src, i, size, '\u201C'); ok {
				out = append(out, q)
				i = q.End
				continue
			}
		case (r == '\'' || r == '\u2018') && opensSingle(src, i):
			if q, ok := closeSingle(src, i, size); ok {
				out = append(out, q)
				i = q.End
				continue
			}
		}
		i += size
	}
	return out
}

func closeDouble(src string, at, size int, open rune) (Quote, bool) {
	for j := at + size; j < len(src); {
		c := src[j]
		if c == '\n' {
			if k, ok := paragraphBreak(src, j); ok {
				// A quotation runs on into the next paragraph only when that
				// paragraph opens with a quote mark (news style leaves the
				// first paragraph unclosed); otherwise it was never closed.
				if r, sz := utf8.DecodeRuneInString(src[k:]); k < len(src) && continues(open, r) {
					j = k + sz
					continue
				}
				return Quote{}, false
			}
		}
		if c < utf8.RuneSelf && c != '"' {
			j++
			continue
		}
		r, sz := utf8.DecodeRuneInString(src[j:])
		var closes bool
		switch open {
		case '"':
			closes = r == '"'
		case '\u00AB':
			closes = r == '\u00BB'
		default:
			closes = r == '\u201D' || r == '\u201C' || r == '"'
		}
		if closes {
			if j == at+size {
				return Quote{}, false
			}
			return Quote{Start: at, End: j + sz, InnerStart: at + size, InnerEnd: j}, true
		}
		j += sz
	}
	return Quote{}, false
}

// paragraphBreak reports whether the newline at j starts a blank line, and
// where the next paragraph's text begins.
func paragraphBreak(src string, j int) (int, bool) {
	k := j + 1
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r') {
		k++
	}
	if k >= len(src) || src[k] != '\n' {
		return 0, false
	}
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r' || src[k] == '\n') {
		k++
	}
	return k, true
}

// continues reports whether r, opening a paragraph, continues a quotation
// opened with open.
func continues(open, r rune) bool {
	switch open {
	case '"':
		return r == '"'
	case '\u00AB':
		return r == '\u00AB'
	default:
		return r == '\u201C' || r == '"'
	}
}

func opensSingle(src string, at int) bool {
	if at > 0 {
		p, _ := utf8.DecodeLastRuneInString(src[:at])
		if !(unicode.IsSpace(p) || p == '(' || p == '[' || p == '\u2014' || p == '\u201C' || p == '"') {
			return false
		}
	}
	n, _ := utf8.DecodeRuneInString(src[at+1:])
	return at+1 < len(src) && !unicode.IsSpace(n)
}

// closeSingle looks for the closing single quote within the paragraph.
func closeSingle(src string, at, size int) (Quote, bool) {
	for j := at + size; j < len(src); {
		if c := src[j]; c < utf8.RuneSelf && c != '\'' && c != '\n' {
			j++
			continue
		}
		r, sz := utf8.DecodeRuneInString(src[j:])
		if r == '\n' {
			return Quote{}, false
		}
		if r == '\'' || r == '\u2019' {
			prev, _ := utf8.DecodeLastRuneInString(src[:j])
			next, _ := utf8.DecodeRuneInString(src[j+sz:])
			if j+sz >= len(src) || !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
				if !unicode.IsSpace(prev) && j > at+size {
					return Quote{Start: at, End: j + sz, InnerStart: at + size, InnerEnd: j}, true
				}
			}
		}
		j += sz
	}
	return Quote{}, false
}
