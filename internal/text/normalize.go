package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldRune maps the typographic variants news text uses for one character onto
// a single form: curly quotes and apostrophes, dashes, odd spaces. It returns -1
// for invisible format characters (a byte-order mark, zero-width joiners).
func foldRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '`', '\u00B4':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u3000':
		return ' '
	}
	if unicode.Is(unicode.Cf, r) {
		return -1
	}
	return unicode.ToLower(r)
}

// Fold returns s in the form used for matching: NFC, lower case, straight quotes
// and apostrophes, ASCII hyphens, no invisible format characters.
func Fold(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '`' {
			ascii = false
			break
		}
		upper = upper || (c >= 'A' && c <= 'Z')
	}
	if ascii {
		if !upper {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	s = norm.NFC.String(s) // s itself when already NFC
	if folded(s) {
		return s // "€815", "да": no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// folded reports whether Fold would leave NFC text s as it is.
func folded(s string) bool {
	for _, r := range s {
		if foldRune(r) != r {
			return false
		}
	}
	return true
}

// SpaceOut returns s with each no-break or other typographic space replaced
// by as many ASCII spaces as it has bytes, so offsets are unchanged. The
// tokenizer keeps a no-break space inside a token, as the BERT
// pre-tokenizer it is tested against does; news pages put one between
// words ("A\u00a0Bloomberg poll\u00a0shows"), and the words must stay apart.
func SpaceOut(s string) string {
	var b []byte
	// Every such space starts with one of three bytes; IndexByte finds them
	// far faster than a loop over every byte.
	for _, lead := range [...]byte{0xC2, 0xE2, 0xE3} {
		for i := 0; i < len(s); i++ {
			j := strings.IndexByte(s[i:], lead)
			if j < 0 {
				break
			}
			i += j
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '\u00A0', '\u2007', '\u2009', '\u200A', '\u202F', '\u3000':
				if b == nil {
					b = []byte(s)
				}
				for k := i; k < i+size; k++ {
					b[k] = ' '
				}
			}
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// Clip shortens s to at most n runes for a message, ending a cut one with
// "…".
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// IsDigits reports a non-empty string of ASCII digits.
func IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
