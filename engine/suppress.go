package engine

import (
	"regexp"
	"strings"

	"github.com/credence-news/credence/engine/core"
)

// suppression matches an inline marker in the article source:
//
//	<!-- credence-ignore framing.loaded: the minister's own phrase, quoted in full below -->
//	<!-- credence-ignore-file sourcing.*: press release, sourcing reviewed by the desk -->
//
// A marker applies to findings in its paragraph (or, standing alone, the next
// one); the -file form to the whole document. The rule may be a glob. A
// reason is required: a suppression without one is itself not honoured.
var suppression = regexp.MustCompile(`<!--\s*credence-ignore(-file)?\s+([a-z_*.]+)\s*:\s*([^>]*?)\s*-->`)

func applySuppressions(text string, findings []core.Finding) []core.Finding {
	if !strings.Contains(text, "credence-ignore") {
		return findings
	}
	type marker struct {
		whole      bool
		glob       string
		reason     string
		start, end int // paragraph span the marker covers
	}
	var ms []marker
	for _, m := range suppression.FindAllStringSubmatchIndex(text, -1) {
		reason := text[m[6]:m[7]]
		if reason == "" {
			continue
		}
		mk := marker{whole: m[2] >= 0, glob: text[m[4]:m[5]], reason: reason}
		mk.start, mk.end = paragraph(text, m[0], m[1])
		ms = append(ms, mk)
	}
	for i := range findings {
		f := &findings[i]
		for _, mk := range ms {
			ok, _ := pathMatch(mk.glob, f.Rule)
			if ok && (mk.whole || f.Start >= mk.start && f.End <= mk.end) {
				f.Suppressed = mk.reason
			}
		}
	}
	return findings
}

// paragraph returns the span of the paragraph holding the marker at [s, e);
// a marker alone in its paragraph covers the next paragraph instead.
func paragraph(text string, s, e int) (int, int) {
	start := strings.LastIndex(text[:s], "\n\n") + 1
	end := strings.Index(text[e:], "\n\n")
	if end < 0 {
		end = len(text)
	} else {
		end += e
	}
	if strings.TrimSpace(text[start:s]+text[e:end]) == "" && end < len(text) {
		next := strings.Index(text[end+2:], "\n\n")
		if next < 0 {
			return end, len(text)
		}
		return end, end + 2 + next
	}
	return start, end
}

func pathMatch(glob, rule string) (bool, error) {
	if glob == rule {
		return true, nil
	}
	re := "^" + strings.ReplaceAll(regexp.QuoteMeta(glob), `\*`, `.*`) + "$"
	return regexp.MatchString(re, rule)
}
