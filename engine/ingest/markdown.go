package ingest

import "regexp"

var (
	mdHeading = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]+`)
	mdSetext  = regexp.MustCompile(`(?m)^[ \t]*(=+|-{2,})[ \t]*$`)
	mdQuote   = regexp.MustCompile(`(?m)^[ \t]*(>[ \t]?)+`)
	mdList    = regexp.MustCompile(`(?m)^[ \t]*([*+-]|\d+[.)])[ \t]+`)
	mdFence   = regexp.MustCompile("(?m)^[ \t]*(```|~~~).*$")
	mdRule    = regexp.MustCompile(`(?m)^[ \t]*([*_-][ \t]*){3,}$`)
	mdImage   = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\n]*\)`)
	mdLink    = regexp.MustCompile(`\[([^\]\n]*)\](\([^)\n]*\)|\[[^\]\n]*\])`)
	mdLinkRef = regexp.MustCompile(`(?m)^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$`)
	mdComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	mdTag     = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>`)
	mdEmph    = regexp.MustCompile("\\*{1,3}|_{2,3}|(^|[^A-Za-z0-9])_|_([^A-Za-z0-9]|$)|`+|~~|\\\\")
)

// MaskMarkdown returns text with Markdown syntax replaced by spaces, byte for
// byte, so the prose keeps its offsets: headings' #, list markers, block
// quotes, emphasis, link targets, images, code fences, HTML comments and tags.
func MaskMarkdown(text string) string {
	b := []byte(text)
	blank := func(re *regexp.Regexp) {
		for _, m := range re.FindAllIndex(b, -1) {
			for i := m[0]; i < m[1]; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
		}
	}
	for _, re := range []*regexp.Regexp{mdComment, mdFence, mdLinkRef, mdImage, mdHeading, mdSetext, mdRule, mdQuote, mdList, mdTag, mdEmph} {
		blank(re)
	}
	// Links keep their text: blank the brackets and the target.
	for _, m := range mdLink.FindAllSubmatchIndex(b, -1) {
		b[m[0]] = ' '
		for i := m[3]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}
