// Package transparency checks whether an article says who wrote it and when:
// a byline and a publication date, from metadata or the text itself.
package transparency

import (
	"iter"
	"regexp"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/refdate"
	"github.com/credence-news/credence/internal/text"
)

var (
	ruleByline = core.Rule{ID: "transparency.byline", Name: "No author named", Dimension: "transparency", Severity: core.Warning, DocumentLevel: true,
		Summary: "The article names no author.",
		Doc:     "Looks for an author in the metadata (byline field, HTML meta tags, JSON-LD) and in the text (a \"By …\" line, or a name standing alone on a line at the top or bottom). A story nobody signs is harder to hold to account."}
	ruleDate = core.Rule{ID: "transparency.date", Name: "No date given", Dimension: "transparency", Severity: core.Warning, DocumentLevel: true,
		Summary: "The article gives no publication date.",
		Doc:     "Looks for a publication date in the metadata and for a dateline or a full date near the top of the text. Without one a reader cannot tell whether the facts were current."}
)

// Scorer is the transparency scorer.
type Scorer struct{}

// New returns the transparency scorer.
func New() Scorer { return Scorer{} }

func (Scorer) Name() string       { return "transparency" }
func (Scorer) Rules() []core.Rule { return []core.Rule{ruleByline, ruleDate} }

// Stage reports a missing byline or date; the date may come from the text.
func (s Scorer) Stage() *analysis.Stage {
	return analysis.NewStage[struct{}]("transparency", nil, []analysis.Key{analysis.Integrity, analysis.RefDate}, func(p *analysis.Pass) struct{} {
		s.score(p)
		return struct{}{}
	})
}

func (s Scorer) score(p *analysis.Pass) {
	as := p.ArticleStart() // the top of the article, past page furniture
	if p.Doc.Byline == "" && FindByline(p.Text[as:]) == "" {
		p.Flag(ruleByline, 0, 0, 0.9, "Document level: no byline found.",
			"Neither the metadata nor the text names an author, so a reader cannot tell who stands behind the reporting.")
	}
	if p.Doc.Published == "" && !(p.RefDate.Method == "dateline" || p.RefDate.Method == "metadata" || p.RefDate.Method == "header" || (p.RefDate.Method == "explicit" && p.RefDate.Start-as < refdate.Top)) {
		p.Flag(ruleDate, 0, 0, 0.9, "Document level: no publication date found.",
			"There is no date in the metadata, no dateline and no full date at the top, so a reader cannot tell when this was written or whether it is current.")
	}
}

var byLine = regexp.MustCompile(`(?m)^[ \t]*(?:[Bb][Yy]|Written by|Reporting by|Words by)[ \t:]+\p{Lu}[\p{L}.'’-]+(?:[ \t]+\p{Lu}[\p{L}.'’-]+){0,3}`)

// FindByline returns the byline found in the text, or "".
func FindByline(src string) string {
	// The pattern runs only on lines that open like a byline: over a whole
	// article it was a sixth of the analysis. A byline never spans lines,
	// so the first such line's match is the pattern's first match.
	for rest := src; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if opensByline(strings.TrimLeft(line, " \t")) {
			if m := byLine.FindString(line); m != "" {
				return strings.TrimSpace(m)
			}
		}
	}
	// A name alone on a line, right after the headline or at the very end:
	// the first three non-empty lines and the last four are kept in one
	// pass, not the text split into all of its lines.
	var head [3]string
	var tail [4]string // line i at tail[i%4]
	n := 0             // non-empty lines
	for l := range nonEmptyLines(src) {
		if n < len(head) {
			head[n] = l
		}
		tail[n%len(tail)] = l
		n++
	}
	cands := []string{}
	for i := 1; i < n && i <= 2; i++ {
		cands = append(cands, head[i])
	}
	for i := n - 1; i >= 1 && i >= n-3; i-- {
		cands = append(cands, tail[i%len(tail)])
	}
	for _, l := range cands {
		if text.IsNameLine(l) {
			return l
		}
	}
	return ""
}

// nonEmptyLines yields the text's lines that hold more than white space,
// trimmed: a byline is looked for in the first few and the last few, and a
// document of a million lines must not be split to find them.
func nonEmptyLines(src string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for l := range strings.Lines(src) {
			if t := strings.TrimSpace(l); t != "" && !yield(t) {
				return
			}
		}
	}
}

// opensByline reports a line that starts as byLine's lines do.
func opensByline(l string) bool {
	if len(l) >= 2 && (l[0] == 'B' || l[0] == 'b') && (l[1] == 'Y' || l[1] == 'y') {
		return true
	}
	return strings.HasPrefix(l, "Written by") || strings.HasPrefix(l, "Reporting by") || strings.HasPrefix(l, "Words by")
}
