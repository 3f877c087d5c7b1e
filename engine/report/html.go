package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/credence-news/credence/engine/core"
)

//go:embed templates/report.html.tmpl
var templateFS embed.FS

var reportTemplate = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"pct":    func(x float64) string { return fmt.Sprintf("%.0f", x) },
	"f1":     func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"width":  func(x float64) string { return fmt.Sprintf("%.1f", math.Max(0, math.Min(100, x))*2.2) },
	"inc":    func(i int) int { return i + 1 },
	"mul100": func(x float64) float64 { return x * 100 },
	"barY":   func(i, off int) int { return 6 + i*28 + off },
	// A label sits inside its bar, at the bar's end, unless the bar is too
	// short to hold it ("100" once spilled past the chart).
	"barLabel":  func(x float64) string { return fmt.Sprintf("%.1f", barLabelX(x)) },
	"barInside": func(x float64) bool { return x >= 20 },
	"clip":      func(s string) string { return clip(s, 90) },
	"ruleName":  func(id string) string { return id }, // replaced per report by HTML.name
}).ParseFS(templateFS, "templates/report.html.tmpl"))

// HTML renders one self-contained page (inline CSS and SVG, no scripts, no
// network): per article the profile chart, the reference date with its
// evidence, the text with every finding highlighted and explained, and a
// list of findings by category. With Compare, an overview table, who each
// outlet quotes, and the figures on which they disagree come first.
type HTML struct {
	Compare bool
	Title   string
	// Names are the rules' names for readers, by ID (from Options.Rules).
	Names   map[string]string
	results []core.Result
}

func barLabelX(x float64) float64 {
	x = math.Max(0, math.Min(100, x))
	if x >= 20 {
		return 95 + x*2.2 - 4 // inside, anchored at its end
	}
	return 95 + x*2.2 + 4
}

// name is a rule's name for readers (its ID when it has none).
func (h *HTML) name(rule string) string {
	if n := h.Names[rule]; n != "" {
		return n
	}
	return rule
}

func (h *HTML) Start(io.Writer) error { return nil }

func (h *HTML) Write(_ io.Writer, r core.Result) error {
	h.results = append(h.results, r)
	return nil
}

// category describes how a finding dimension is drawn; colour is never the
// only cue: each has its own underline style and symbol.
type category struct {
	Key, Name, Symbol, Blurb string
}

var categories = []category{
	{"sourcing", "Sourcing", "?", "Who says so? Unnamed, vague or unconfirmed sources, and claims or figures with none."},
	{"framing", "Framing", "!", "The outlet's own voice: loaded words, opinion, speculation, one-sided tone."},
	{"factual", "Factual", "✗", "Names, titles and dates that are wrong for the article's own date."},
	{"integrity", "Page integrity", "#", "Paywalls, page furniture, repeated lines: text that is not the article."},
	{"transparency", "Transparency", "i", "Who wrote it and when."},
}

type segment struct {
	Text    string
	Finding *viewFinding
}

type viewFinding struct {
	N                     int
	Rule, RuleName        string
	Category              string
	Symbol                string
	Message, Explanation  string
	Severity              string
	Excerpt               string
	Quoted                bool
	Suppressed            string
	Line                  int
	DocumentLevel, Inline bool
}

type viewGroup struct {
	Category category
	Findings []*viewFinding
}

type viewDim struct {
	Name  string
	Score float64
}

type viewArticle struct {
	Anchor, Title, Source string
	Scored                bool // false for a partial run: no profile
	Score                 float64
	Reliability, Slant    float64
	SlantBy               []string
	Band, Reason          string
	Confidence            float64
	RefDate               core.RefDate
	Dims                  []viewDim
	Paragraphs            [][]segment
	DocFindings           []*viewFinding
	Groups                []viewGroup
	Top                   []core.Contribution
	Sourcing              *core.SourcingStats
}

type compareRow struct {
	Anchor, Title, Band      string
	Scored                   bool
	Score                    float64
	Reliability, Slant       float64
	N                        int     // the article's number on the chart
	Charted                  bool    // scored and scorable: on the chart
	X, Y                     float64 // its place on the chart (see axesChart)
	Named, Anonymous, Weasel int
	LoadedDensity            float64
	Factual                  int
	Quoted                   []string
}

type disagreement struct {
	Subject string
	Values  []figureUse
}

type figureUse struct {
	Outlet, Phrase string
}

type viewPage struct {
	Title      string
	Compare    bool
	Rows       []compareRow
	Disagree   []disagreement
	Articles   []viewArticle
	Categories []category
}

// displayTitle is the title clipped for headings: a text whose first line
// is a whole lede makes a poor heading.
func displayTitle(r core.Result) string {
	t := r.Title
	if t == "" {
		t = filepath.Base(r.Source)
	}
	if len([]rune(t)) > 110 {
		t = string([]rune(t)[:110])
		if i := strings.LastIndexByte(t, ' '); i > 60 {
			t = t[:i]
		}
		t += "…"
	}
	return t
}

func categoryOf(rule string) string {
	if i := strings.IndexByte(rule, '.'); i > 0 {
		return rule[:i]
	}
	return rule
}

func symbolOf(cat string) string {
	for _, c := range categories {
		if c.Key == cat {
			return c.Symbol
		}
	}
	return "•"
}

func (h *HTML) article(i int, r core.Result) viewArticle {
	text := docText(r)
	a := viewArticle{Anchor: fmt.Sprintf("a%d", i+1), Title: displayTitle(r), Source: r.Source, RefDate: r.RefDate}
	if p := r.Profile; p != nil {
		a.Scored, a.Score, a.Band, a.Reason, a.Confidence, a.Top, a.Sourcing = true, p.Score, p.Band, p.Reason, p.Confidence, p.Top, p.Sourcing
		a.Reliability, a.Slant, a.SlantBy = p.Reliability, p.Slant, p.SlantBy
		for _, d := range core.Dimensions {
			a.Dims = append(a.Dims, viewDim{strings.ToUpper(d[:1]) + d[1:], p.Dimensions[d]})
		}
	}
	groups := map[string][]*viewFinding{}
	var inline []*viewFinding
	var spans [][2]int
	at := newLines(text)
	for k, f := range r.Findings {
		line, _ := at.position(f.Start)
		vf := &viewFinding{N: k + 1, Rule: f.Rule, RuleName: h.name(f.Rule), Category: categoryOf(f.Rule), Symbol: symbolOf(categoryOf(f.Rule)), Message: f.Message,
			Explanation: f.Explanation, Severity: f.Severity.String(), Excerpt: clip(f.Text, 90), Quoted: f.Quoted, Suppressed: f.Suppressed, Line: line,
			DocumentLevel: f.Start == f.End}
		groups[vf.Category] = append(groups[vf.Category], vf)
		if vf.DocumentLevel {
			a.DocFindings = append(a.DocFindings, vf)
			continue
		}
		// Overlapping findings: the first one is highlighted, the rest are listed.
		if len(spans) == 0 || f.Start >= spans[len(spans)-1][1] {
			vf.Inline = true
			inline = append(inline, vf)
			spans = append(spans, [2]int{f.Start, f.End})
		}
	}
	for _, c := range categories {
		if len(groups[c.Key]) > 0 {
			a.Groups = append(a.Groups, viewGroup{c, groups[c.Key]})
		}
	}
	// Cut the text into paragraphs of plain and highlighted segments.
	var para []segment
	flush := func() {
		if len(para) > 0 {
			a.Paragraphs = append(a.Paragraphs, para)
			para = nil
		}
	}
	addText := func(s string) {
		for i, part := range strings.Split(s, "\n\n") {
			if i > 0 {
				flush()
			}
			if part != "" {
				para = append(para, segment{Text: part})
			}
		}
	}
	pos := 0
	for j, vf := range inline {
		s, e := spans[j][0], spans[j][1]
		addText(text[pos:s])
		para = append(para, segment{Text: text[s:e], Finding: vf})
		pos = e
	}
	addText(text[pos:])
	flush()
	return a
}

func disagreements(results []core.Result) []disagreement {
	bySubject := map[string][]figureUse{}
	for _, r := range results {
		if r.Profile != nil && r.Profile.Band == "unscorable" && len(results) > 1 {
			continue
		}
		seen := map[string]bool{}
		for _, q := range r.Quantities {
			subject, phrase := q.Subject, q.Phrase
			if seen[subject+phrase] {
				continue
			}
			seen[subject+phrase] = true
			title := displayTitle(r)
			bySubject[subject] = append(bySubject[subject], figureUse{title, phrase})
		}
	}
	var out []disagreement
	for subj, uses := range bySubject {
		outlets := map[string]bool{}
		phrases := map[string]bool{}
		for _, u := range uses {
			outlets[u.Outlet] = true
			phrases[strings.ToLower(u.Phrase)] = true
		}
		if len(outlets) >= 2 && len(phrases) >= 2 {
			out = append(out, disagreement{subj, uses})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Subject < out[j].Subject })
	return out
}

func (h *HTML) Finish(w io.Writer) error {
	page := viewPage{Title: h.Title, Compare: h.Compare && len(h.results) > 1, Categories: categories}
	if page.Title == "" {
		page.Title = "Credence report"
	}
	for i, r := range h.results {
		a := h.article(i, r)
		page.Articles = append(page.Articles, a)
		if page.Compare {
			row := compareRow{Anchor: a.Anchor, Title: a.Title, Scored: a.Scored, Band: a.Band, Score: a.Score,
				Reliability: a.Reliability, Slant: a.Slant, N: i + 1}
			// The chart: 300×200 of plot at (40, 10); slant across, reliability up.
			row.X, row.Y = 40+3*a.Slant, 10+2*(100-a.Reliability)
			row.Charted = a.Scored && a.Band != "unscorable"
			if st := a.Sourcing; st != nil {
				row.Named, row.Anonymous, row.Weasel, row.Quoted = st.Named, st.Anonymous, st.Weasel, st.Quoted
			}
			loaded := 0
			for _, f := range r.Findings {
				switch {
				case f.Rule == "framing.loaded" && !f.Quoted:
					loaded++
				case strings.HasPrefix(f.Rule, "factual."):
					row.Factual++
				}
			}
			if r.Words > 0 {
				row.LoadedDensity = float64(loaded) * 1000 / float64(r.Words)
			}
			page.Rows = append(page.Rows, row)
		}
	}
	if page.Compare {
		page.Disagree = disagreements(h.results)
	}
	t, err := reportTemplate.Clone()
	if err != nil {
		return err
	}
	return t.Funcs(template.FuncMap{"ruleName": h.name}).Execute(w, page)
}
