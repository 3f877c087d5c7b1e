package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/credence-news/credence/engine/core"
)

// GitHub writes GitHub Actions workflow commands, one annotation per finding.
type GitHub struct{}

func (GitHub) Start(io.Writer) error { return nil }

func ghEscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghEscapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func (GitHub) Write(w io.Writer, r core.Result) error {
	var b strings.Builder
	at := newLines(docText(r))
	for _, f := range r.Findings {
		level := "notice"
		switch f.Severity {
		case core.Error:
			level = "error"
		case core.Warning:
			level = "warning"
		}
		if extracted(r.Doc) {
			// The text was extracted from the file: its lines are not the
			// file's, so the annotation names the file and quotes the text.
			where := " (in the article text extracted from " + r.Source + ")"
			if f.End > f.Start {
				where = " (in the article text extracted from " + r.Source + ": \"" + clip(f.Text, 80) + "\")"
			}
			fmt.Fprintf(&b, "::%s file=%s,title=%s::%s\n", level, ghEscapeProp(sourcePath(r.Source)), ghEscapeProp(f.Rule), ghEscapeData(f.Message+where+" "+f.Explanation))
			continue
		}
		l, c := at.position(f.Start)
		el, ec := at.position(f.End)
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", level, ghEscapeProp(sourcePath(r.Source)), l, c, el, ec, ghEscapeProp(f.Rule), ghEscapeData(f.Message+" "+f.Explanation))
	}
	if r.Verdict != nil && !r.Verdict.Pass {
		fmt.Fprintf(&b, "::error file=%s,title=credence check::%s\n", ghEscapeProp(sourcePath(r.Source)), ghEscapeData("Fails the check: "+strings.Join(r.Verdict.Reasons, "; ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (GitHub) Finish(io.Writer) error { return nil }

func docText(r core.Result) string {
	if r.Doc != nil {
		return r.Doc.Text
	}
	return ""
}

// JUnit writes a JUnit XML report: one test case per document, failing when
// the document fails the check (or, outside check, when its band is low or
// unscorable), with its findings as the failure body.
type JUnit struct {
	cases []junitCase
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

func (j *JUnit) Start(io.Writer) error { return nil }

func (j *JUnit) Write(_ io.Writer, r core.Result) error {
	var body strings.Builder
	at := newLines(docText(r))
	for _, f := range r.Findings {
		l, c := at.position(f.Start)
		fmt.Fprintf(&body, "%d:%d %s %s: %s\n", l, c, f.Severity, f.Rule, f.Message)
	}
	c := junitCase{Name: r.Source, Classname: "credence", SystemOut: notScored}
	failed, why := false, ""
	if p := r.Profile; p != nil {
		c.SystemOut = fmt.Sprintf("score %.1f, band %s", p.Score, p.Band)
		failed, why = p.Band == "low" || p.Band == "unscorable", "band "+p.Band
	}
	if r.Verdict != nil {
		failed, why = !r.Verdict.Pass, strings.Join(r.Verdict.Reasons, "; ")
	}
	if failed {
		c.Failure = &junitFailure{Message: why, Type: "credence", Body: body.String()}
	}
	j.cases = append(j.cases, c)
	return nil
}

func (j *JUnit) Finish(w io.Writer) error {
	failures := 0
	for _, c := range j.cases {
		if c.Failure != nil {
			failures++
		}
	}
	type suite struct {
		XMLName  xml.Name    `xml:"testsuite"`
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	b, err := xml.MarshalIndent(suite{Name: "credence", Tests: len(j.cases), Failures: failures, Cases: j.cases}, "", "  ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, xml.Header+string(b)+"\n")
	return err
}

// Markdown writes a review comment: a summary table and each document's findings.
type Markdown struct {
	rows []core.Result
}

func (m *Markdown) Start(io.Writer) error { return nil }
func (m *Markdown) Write(_ io.Writer, r core.Result) error {
	m.rows = append(m.rows, r)
	return nil
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ").Replace(s)
}

func (m *Markdown) Finish(w io.Writer) error {
	var b strings.Builder
	b.WriteString("## Credence review\n\n| article | score | band | reliability | slant | findings | verdict |\n|---|---|---|---|---|---|---|\n")
	for _, r := range m.rows {
		verdict := "–"
		if r.Verdict != nil {
			verdict = "✅ pass"
			if !r.Verdict.Pass {
				verdict = "❌ " + mdCell(strings.Join(r.Verdict.Reasons, "; "))
			}
		}
		score, band := scoreCells(r)
		reliability, slant := "–", "–"
		if p := r.Profile; p != nil {
			reliability, slant = fmt.Sprintf("%.1f", p.Reliability), fmt.Sprintf("%.1f", p.Slant)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %d | %s |\n", mdCell(r.Source), score, band, reliability, slant, len(r.Findings), verdict)
	}
	for _, r := range m.rows {
		if len(r.Findings) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### `%s`\n\n| line | rule | severity | finding |\n|---|---|---|---|\n", mdCell(r.Source))
		at := newLines(docText(r))
		for _, f := range r.Findings {
			l, _ := at.position(f.Start)
			fmt.Fprintf(&b, "| %d | `%s` | %s | %s |\n", l, f.Rule, f.Severity, mdCell(f.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
