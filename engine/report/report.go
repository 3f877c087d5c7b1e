// Package report formats results for people and tools. A reporter only
// formats: it never scores, and it is the only place byte offsets become
// lines and columns.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
)

// notScored stands where a partial run (--only, --scorers) has no profile.
const notScored = "no score (partial run: only some rules were checked)"

// scoreCells are a result's score and band as table cells ("–" for a
// partial run).
func scoreCells(r core.Result) (score, band string) {
	if r.Profile == nil {
		return "–", "–"
	}
	return fmt.Sprintf("%.1f", r.Profile.Score), r.Profile.Band
}

// Reporter writes a stream of results.
type Reporter interface {
	Start(w io.Writer) error
	Write(w io.Writer, r core.Result) error
	Finish(w io.Writer) error
}

// Options tune reporters.
type Options struct {
	Color       bool // ANSI colour (text, on a terminal)
	IncludeText bool // json/jsonl: include the document text
	Rules       []core.Rule
	Version     string
	Compare     bool   // html: side-by-side comparison first
	Title       string // html: page title
}

// ruleNames maps each rule's ID to its name for readers.
func ruleNames(rules []core.Rule) map[string]string {
	m := map[string]string{}
	for _, r := range rules {
		m[r.ID] = r.Name
	}
	return m
}

// Formats lists the names New accepts.
func Formats() []string {
	names := make([]string, 0, len(constructors))
	for n := range constructors {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var constructors = map[string]func(Options) Reporter{
	"text":     func(o Options) Reporter { return &Text{Color: o.Color} },
	"json":     func(o Options) Reporter { return &JSON{IncludeText: o.IncludeText} },
	"jsonl":    func(o Options) Reporter { return &JSONL{IncludeText: o.IncludeText} },
	"table":    func(Options) Reporter { return &Table{} },
	"sarif":    func(o Options) Reporter { return &SARIF{Rules: o.Rules, Version: o.Version} },
	"github":   func(Options) Reporter { return GitHub{} },
	"junit":    func(Options) Reporter { return &JUnit{} },
	"markdown": func(Options) Reporter { return &Markdown{} },
	"html":     func(o Options) Reporter { return &HTML{Compare: o.Compare, Title: o.Title, Names: ruleNames(o.Rules)} },
}

// New returns the reporter for a format name.
func New(format string, opt Options) (Reporter, error) {
	c, ok := constructors[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	return c(opt), nil
}

// Position converts a byte offset into a 1-based line and a 1-based column
// counted in runes.
func Position(text string, off int) (line, col int) {
	return newLines(text).position(off)
}

// lines indexes a text's line starts: a reporter locating every finding of
// a large document pays a binary search per finding, not a scan from the
// start (which made a page with thousands of findings quadratic).
type lines struct {
	text   string
	starts []int // byte offset of each line's first byte
}

func newLines(text string) *lines {
	l := &lines{text: text, starts: []int{0}}
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		l.starts = append(l.starts, i)
	}
	return l
}

// position is the 1-based line and column (in runes) of byte offset off.
func (l *lines) position(off int) (line, col int) {
	off = min(max(off, 0), len(l.text))
	i := sort.SearchInts(l.starts, off+1) - 1 // the last line starting at or before off
	return i + 1, utf8.RuneCountInString(l.text[l.starts[i]:off]) + 1
}
