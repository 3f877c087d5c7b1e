package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/ingest"
)

// htmlFixture is one labelled web page (see testdata/html/README.md).
type htmlFixture struct {
	path                                         string
	data                                         []byte
	title, byline, published, contains, excludes string
	expect                                       map[string]bool
	band                                         string
}

func parseHTMLFixture(path string, data []byte) (*htmlFixture, error) {
	s := string(data)
	const open = "<!-- credence-fixture"
	i := strings.Index(s, open)
	j := strings.Index(s, "-->")
	if i < 0 || j < i {
		return nil, fmt.Errorf("%s: no <!-- credence-fixture … --> header", path)
	}
	f := &htmlFixture{path: path, data: data, expect: map[string]bool{}}
	for _, line := range strings.Split(s[i+len(open):j], "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			f.title = v
		case "byline":
			f.byline = v
		case "published":
			f.published = v
		case "contains":
			f.contains = v
		case "excludes":
			f.excludes = v
		case "band":
			f.band = v
		case "expect":
			for _, r := range strings.Fields(v) {
				f.expect[r] = true
			}
		default:
			return nil, fmt.Errorf("%s: unknown header key %q", path, strings.TrimSpace(k))
		}
	}
	return f, nil
}

// HTMLReport measures extraction (title, byline, date, body kept, furniture
// dropped) and the document-level rules on the HTML fixtures.
func HTMLReport(dir string) (string, error) {
	paths, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(paths) == 0 {
		return "", nil
	}
	sort.Strings(paths)
	eng, err := engine.New(engine.Options{})
	if err != nil {
		return "", err
	}
	type tally struct{ ok, n int }
	fields := map[string]*tally{"title": {}, "byline": {}, "published": {}, "body kept": {}, "furniture dropped": {}, "band": {}}
	rules := map[string]*Counts{}
	var misses []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		fx, err := parseHTMLFixture(p, data)
		if err != nil {
			return "", err
		}
		doc, err := ingest.Parse(p, "html", data)
		if err != nil {
			misses = append(misses, fmt.Sprintf("%s: %v", filepath.Base(p), err))
			continue
		}
		res, err := eng.Analyze(doc)
		if err != nil {
			return "", err
		}
		check := func(name string, ok bool, detail string) {
			fields[name].n++
			if ok {
				fields[name].ok++
			} else {
				misses = append(misses, fmt.Sprintf("%s: %s %s", filepath.Base(p), name, detail))
			}
		}
		check("title", doc.Title == fx.title, fmt.Sprintf("%q, want %q", doc.Title, fx.title))
		check("byline", doc.Byline == fx.byline, fmt.Sprintf("%q, want %q", doc.Byline, fx.byline))
		check("published", doc.Published == fx.published, fmt.Sprintf("%q, want %q", doc.Published, fx.published))
		check("body kept", strings.Contains(doc.Text, fx.contains), fmt.Sprintf("lost %q", fx.contains))
		if fx.excludes != "" {
			check("furniture dropped", !strings.Contains(doc.Text, fx.excludes), fmt.Sprintf("kept %q", fx.excludes))
		}
		if fx.band != "" {
			check("band", res.Profile.Band == fx.band, fmt.Sprintf("%q, want %q", res.Profile.Band, fx.band))
		}
		found := map[string]bool{}
		for _, f := range res.Findings {
			if strings.HasPrefix(f.Rule, "integrity.") || strings.HasPrefix(f.Rule, "transparency.") {
				found[f.Rule] = true
			}
		}
		for r := range found {
			if rules[r] == nil {
				rules[r] = &Counts{}
			}
			if fx.expect[r] {
				rules[r].TP++
			} else {
				rules[r].FP++
				misses = append(misses, fmt.Sprintf("%s: unexpected %s", filepath.Base(p), r))
			}
		}
		for r := range fx.expect {
			if !found[r] {
				if rules[r] == nil {
					rules[r] = &Counts{}
				}
				rules[r].FN++
				misses = append(misses, fmt.Sprintf("%s: missed %s", filepath.Base(p), r))
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## HTML pages\n\n%d web pages of the project's own (`testdata/html/`): extraction with go-readability plus the metadata fallbacks, and the page-level rules.\n\n| extraction | correct |\n|---|---|\n", len(paths))
	for _, k := range []string{"title", "byline", "published", "body kept", "furniture dropped", "band"} {
		if t := fields[k]; t.n > 0 {
			fmt.Fprintf(&b, "| %s | %d / %d |\n", k, t.ok, t.n)
		}
	}
	fmt.Fprintf(&b, "\n| rule (per page) | P | R | F1 |\n|---|---|---|---|\n")
	var names []string
	for r := range rules {
		names = append(names, r)
	}
	sort.Strings(names)
	for _, r := range names {
		c := rules[r]
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r, fmtF(c.Precision()), fmtF(c.Recall()), fmtF(c.F1()))
	}
	for _, m := range misses {
		fmt.Fprintf(&b, "- %s\n", m)
	}
	return b.String(), nil
}
