package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/credence-news/credence/engine/core"
)

// Table prints one row per document: file, score, band, the two axes,
// reference date and the findings that cost the most points.
type Table struct {
	rows []core.Result
}

func (t *Table) Start(io.Writer) error { return nil }

func (t *Table) Write(_ io.Writer, r core.Result) error {
	r.Doc = nil // the row needs no text
	t.rows = append(t.rows, r)
	return nil
}

func (t *Table) Finish(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tSCORE\tBAND\tRELIABILITY\tSLANT\tDATE\tTOP FINDINGS")
	var sources []string
	for _, r := range t.rows {
		sources = append(sources, r.Source)
	}
	names := ShortNames(sources)
	for i, r := range t.rows {
		var top []string
		if r.Profile != nil {
			for _, c := range r.Profile.Top {
				top = append(top, fmt.Sprintf("%s (−%.1f)", c.Rule, c.Points))
			}
		}
		if len(top) == 0 {
			top = []string{"-"}
		}
		date := r.RefDate.Value
		if date == "" {
			date = "?"
		}
		score, band := scoreCells(r)
		reliability, slant := "–", "–"
		if p := r.Profile; p != nil {
			reliability, slant = fmt.Sprintf("%.1f", p.Reliability), fmt.Sprintf("%.1f", p.Slant)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", names[i], score, band, reliability, slant, date, strings.Join(top, ", "))
	}
	return tw.Flush()
}

// ShortNames names each source by the shortest path suffix that tells it
// apart from the others: a batch of saved pages "bbc/source.html",
// "cnn/source.html" is not five rows of "source.html". A JSONL line keeps
// its ":N".
func ShortNames(sources []string) []string {
	parts := make([][]string, len(sources))
	depth := make([]int, len(sources))
	for i, s := range sources {
		parts[i] = strings.Split(filepath.ToSlash(s), "/")
		depth[i] = 1
	}
	name := func(i int) string {
		p := parts[i]
		return strings.Join(p[max(0, len(p)-depth[i]):], "/")
	}
	for changed := true; changed; {
		changed = false
		seen := map[string][]int{}
		for i := range sources {
			seen[name(i)] = append(seen[name(i)], i)
		}
		for _, same := range seen {
			if len(same) < 2 {
				continue
			}
			for _, i := range same {
				if depth[i] < len(parts[i]) {
					depth[i]++
					changed = true
				}
			}
		}
	}
	out := make([]string, len(sources))
	for i := range sources {
		out[i] = name(i)
	}
	return out
}
