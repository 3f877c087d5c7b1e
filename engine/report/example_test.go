package report_test

import (
	"encoding/csv"
	"io"
	"os"
	"strconv"

	"github.com/credence-news/credence/engine/core"
)

// CSV is a new reporter: one row per finding, for a spreadsheet. It only
// formats what the engine found; it never scores.
type CSV struct{ w *csv.Writer }

func (c *CSV) Start(w io.Writer) error {
	c.w = csv.NewWriter(w)
	return c.w.Write([]string{"source", "rule", "start", "end", "text", "message"})
}

func (c *CSV) Write(_ io.Writer, r core.Result) error {
	for _, f := range r.Findings {
		if err := c.w.Write([]string{r.Source, f.Rule, strconv.Itoa(f.Start), strconv.Itoa(f.End), f.Text, f.Message}); err != nil {
			return err
		}
	}
	return nil
}

func (c *CSV) Finish(io.Writer) error {
	c.w.Flush()
	return c.w.Error()
}

// A reporter implements Start, Write (once per result, in input order) and
// Finish.
func Example_newReporter() {
	r := core.Result{Source: "a.txt", Findings: []core.Finding{
		{Rule: "sourcing.weasel", Start: 0, End: 13, Text: "Critics argue", Message: `Vague attribution: "Critics argue".`}}}
	var rep CSV
	rep.Start(os.Stdout)
	rep.Write(os.Stdout, r)
	rep.Finish(os.Stdout)
	// Output:
	// source,rule,start,end,text,message
	// a.txt,sourcing.weasel,0,13,Critics argue,"Vague attribution: ""Critics argue""."
}
