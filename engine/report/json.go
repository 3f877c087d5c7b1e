package report

import (
	json "github.com/goccy/go-json"
	"io"

	"github.com/credence-news/credence/engine/core"
)

// jsonResult is the contract of DESIGN.md section 3.
func jsonResult(r core.Result, includeText bool) core.Result {
	if includeText && r.Doc != nil {
		r.Text = r.Doc.Text
	}
	return r
}

// JSON writes an array of result objects, indented.
type JSON struct {
	IncludeText bool
	n           int
}

func (j *JSON) Start(w io.Writer) error { _, err := io.WriteString(w, "["); return err }

func (j *JSON) Write(w io.Writer, r core.Result) error {
	b, err := json.MarshalIndent(jsonResult(r, j.IncludeText), "  ", "  ")
	if err != nil {
		return err
	}
	sep := "\n  "
	if j.n > 0 {
		sep = ",\n  "
	}
	j.n++
	if _, err := io.WriteString(w, sep); err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func (j *JSON) Finish(w io.Writer) error {
	s := "\n]\n"
	if j.n == 0 {
		s = "]\n"
	}
	_, err := io.WriteString(w, s)
	return err
}

// JSONL writes one result object per line.
type JSONL struct {
	IncludeText bool
}

func (j *JSONL) Start(io.Writer) error { return nil }

func (j *JSONL) Write(w io.Writer, r core.Result) error {
	// The encoder writes from its pooled buffer, newline included: the
	// bytes of Marshal plus "\n" without copying the line to append one.
	return json.NewEncoder(w).Encode(jsonResult(r, j.IncludeText))
}

func (j *JSONL) Finish(io.Writer) error { return nil }
