package report

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	json "github.com/goccy/go-json"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/outlets"
)

// Sources writes one summary per outlet (`credence sources`) in Format
// "table", "json" or "html". It keeps one accumulator per outlet, not the
// results, so a batch of any size fits.
type Sources struct {
	Format string
	Title  string
	acc    map[string]*outlets.Accumulator
}

// SourceFormats are the formats Sources writes.
var SourceFormats = []string{"table", "json", "html"}

// NewSources returns the outlet reporter for format.
func NewSources(format, title string) (*Sources, error) {
	if !slices.Contains(SourceFormats, format) {
		return nil, fmt.Errorf("unknown format %q for sources (want one of %s)", format, strings.Join(SourceFormats, ", "))
	}
	return &Sources{Format: format, Title: title, acc: map[string]*outlets.Accumulator{}}, nil
}

func (s *Sources) Start(io.Writer) error { return nil }

func (s *Sources) Write(_ io.Writer, r core.Result) error {
	o := outlets.Of(r)
	if s.acc[o] == nil {
		s.acc[o] = outlets.NewAccumulator(o)
	}
	s.acc[o].Add(r)
	return nil
}

func (s *Sources) Finish(w io.Writer) error {
	aggs := outlets.Sorted(s.acc)
	switch s.Format {
	case "json":
		b, err := json.MarshalIndent(aggs, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "html":
		title := s.Title
		if title == "" {
			title = "Credence: outlets"
		}
		return sourcesTemplate.Execute(w, struct {
			Title   string
			Outlets []outlets.Aggregate
		}{title, aggs})
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTLET\tARTICLES\tSCORE (95% CI)\tRELIABILITY (95% CI)\tSLANT (95% CI)\tMOST FREQUENT RULES PER 1,000 WORDS")
	for _, a := range aggs {
		if a.Scored == 0 {
			fmt.Fprintf(tw, "%s\t%d\t–\t–\t–\tnone scorable\n", a.Outlet, a.Articles)
			continue
		}
		var rules []string
		for _, r := range a.TopRules[:min(len(a.TopRules), 3)] {
			rules = append(rules, fmt.Sprintf("%s %.2f", r.Rule, r.Per1000W))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.Outlet, articleCount(a), ci(a.Score), ci(a.Reliability), ci(a.Slant), strings.Join(rules, ", "))
	}
	return tw.Flush()
}

func articleCount(a outlets.Aggregate) string {
	if a.Scored == a.Articles {
		return fmt.Sprint(a.Articles)
	}
	return fmt.Sprintf("%d (%d scored)", a.Articles, a.Scored)
}

func ci(s outlets.Stat) string { return fmt.Sprintf("%.1f (%.1f–%.1f)", s.Mean, s.Lo, s.Hi) }

var sourcesTemplate = template.Must(template.New("sources").Funcs(template.FuncMap{"ci": ci, "count": articleCount}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { margin:0 auto; max-width:68rem; padding:1rem 1.25rem; font:16px/1.55 system-ui, sans-serif; color:#1b1b1b; }
table { border-collapse:collapse; width:100%; font-size:.95rem; }
th, td { border-bottom:1px solid #d0d0c8; padding:.4rem .5rem; text-align:left; vertical-align:top; }
th { background:#f5f5f2; }
.small { color:#4a4a4a; font-size:.9rem; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="small">Made by Credence: each outlet's articles summarised. <b>Reliability</b> (0–100) is what their sourcing, facts, transparency and integrity earn them, however they are worded; <b>slant</b> (0–100, 0 is neutral) is how one-sided their own voice is. Each figure is the mean over the outlet's scorable articles with its 95% interval: a wide interval means too few articles to tell.</p>
<table>
<thead><tr><th scope="col">Outlet</th><th scope="col">Articles</th><th scope="col">Score</th><th scope="col">Reliability</th><th scope="col">Slant</th><th scope="col">Most frequent findings (per 1,000 words)</th><th scope="col">Most and least reliable article</th></tr></thead>
<tbody>
{{range .Outlets}}<tr><td>{{.Outlet}}</td><td>{{count .}}</td>{{if .Scored}}<td>{{ci .Score}}</td><td>{{ci .Reliability}}</td><td>{{ci .Slant}}</td><td>{{range $i, $r := .TopRules}}{{if $i}}<br>{{end}}{{$r.Rule}} {{printf "%.2f" $r.Per1000W}}{{end}}</td><td>{{with .MostReliable}}▲ {{or .Title .Source}} ({{printf "%.1f" .Score}}){{end}}{{with .LeastReliable}}<br>▼ {{or .Title .Source}} ({{printf "%.1f" .Score}}){{end}}</td>{{else}}<td colspan="5">no scorable article</td>{{end}}</tr>
{{end}}</tbody>
</table>
</body>
</html>
`))
