package main

import (
	"flag"
	"fmt"
	json "github.com/goccy/go-json"
	"io"
	"os"
	"path/filepath"

	"github.com/credence-news/credence/eval"
	"github.com/credence-news/credence/internal/profile"
)

func runEval(args []string, stdout, stderr io.Writer) int {
	return eval.Main("credence eval", args, stdout, stderr, nil)
}

func runFit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "internal/profile", "where to write reliability.json and model.json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: credence fit [flags] [fixtures-dir]\n\nRefits the reliability and overall models on the labelled fixtures (default\ntestdata/fixtures) and writes their weights with the fixtures' hash.\n\nFlags:")
		fs.PrintDefaults()
	}
	rep, code := evaluate("fit", fs, args, stderr, eval.Options{Bootstrap: 10})
	if rep == nil {
		return code
	}
	for name, m := range map[string]*profile.Model{"reliability.json": rep.Models.Reliability, "model.json": rep.Models.Overall} {
		b, err := json.MarshalIndent(m, "", "  ")
		path := filepath.Join(*dir, name)
		if err == nil {
			err = os.WriteFile(path, append(b, '\n'), 0o644)
		}
		if err != nil {
			fmt.Fprintln(stderr, "credence fit:", err)
			return 2
		}
		fmt.Fprintf(stdout, "wrote %s (fixtures %s, %d documents)\n", path, rep.Hash, rep.Fixtures)
	}
	return 0
}

// evaluate parses the flags, loads the fixtures (default testdata/fixtures)
// and runs the evaluation; on failure it returns nil and the exit code.
func evaluate(cmd string, fs *flag.FlagSet, args []string, stderr io.Writer, opt eval.Options) (*eval.Report, int) {
	if err := fs.Parse(args); err != nil {
		return nil, flagExit(err)
	}
	dir := "testdata/fixtures"
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	rep, err := eval.Evaluate(dir, opt)
	if err != nil {
		fmt.Fprintf(stderr, "credence %s: %v\n", cmd, err)
		return nil, 2
	}
	return rep, 0
}
