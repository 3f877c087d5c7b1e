package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/text"
)

// Text prints one line per finding, `file:line:col rule message`, and a
// summary line per document.
type Text struct {
	Color bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

func (t *Text) Start(io.Writer) error { return nil }

func (t *Text) Write(w io.Writer, r core.Result) error {
	var b strings.Builder
	text := ""
	if r.Doc != nil {
		text = r.Doc.Text
	}
	at := newLines(text)
	for _, f := range r.Findings {
		line, col := at.position(f.Start)
		sev := f.Severity.String()
		switch f.Severity {
		case core.Error:
			sev = t.paint(ansiRed, sev)
		case core.Warning:
			sev = t.paint(ansiYellow, sev)
		default:
			sev = t.paint(ansiCyan, sev)
		}
		// A quoted finding's message already says whose words they are.
		suppressed := ""
		if f.Suppressed != "" {
			suppressed = " (suppressed: " + f.Suppressed + ")"
		}
		// Most messages already quote their words; the excerpt is for the rest.
		excerpt := ""
		if f.End > f.Start && !strings.Contains(f.Message, f.Text) {
			excerpt = fmt.Sprintf(" %q", clip(f.Text, 60))
		}
		fmt.Fprintf(&b, "%s:%d:%d %s %s %s%s%s\n", r.Source, line, col, sev, t.paint(ansiBold, f.Rule), f.Message, t.paint(ansiDim, excerpt), suppressed)
	}
	for _, o := range r.Omitted {
		fmt.Fprintf(&b, "%s: %d more %s finding(s) not listed (counted in the score)\n", r.Source, o.Count, o.Rule)
	}
	if p := r.Profile; p != nil {
		fmt.Fprintf(&b, "%s: score %.1f, band %s (reliability %.1f, slant %.1f), confidence %.2f", r.Source, p.Score, t.paint(ansiBold, p.Band), p.Reliability, p.Slant, p.Confidence)
		if p.Reason != "" {
			fmt.Fprintf(&b, " (%s)", p.Reason)
		}
	} else {
		fmt.Fprintf(&b, "%s: %s", r.Source, notScored)
	}
	if r.RefDate.Known() {
		fmt.Fprintf(&b, ", reference date %s (%s)", r.RefDate.Value, r.RefDate.Method)
	}
	fmt.Fprintf(&b, ", %d finding(s)\n", len(r.Findings))
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *Text) Finish(io.Writer) error { return nil }

// clip puts an excerpt on one line and shortens it to n runes.
func clip(s string, n int) string { return text.Clip(strings.Join(strings.Fields(s), " "), n) }
