package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/credence-news/credence/engine/core"
)

// Table prints one row per document: file, score, band, reference date and
// the findings that cost the most points.
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
	fmt.Fprintln(tw, "FILE\tSCORE\tBAND\tDATE\tTOP FINDINGS")
	for _, r := range t.rows {
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", filepath.Base(r.Source), score, band, date, strings.Join(top, ", "))
	}
	return tw.Flush()
}
