package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/batch"
	"github.com/credence-news/credence/engine/ingest"
	"github.com/credence-news/credence/engine/report"
)

type scoreFlags struct {
	format, tokenizer, output, only string
	includeText                     bool
	maxBytes, workers               int
}

func (f *scoreFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "output format: text, json, jsonl or table")
	fs.StringVar(&f.tokenizer, "tokenizer", "fast", "tokenizer: fast (the project's own) or bert (github.com/sugarme/tokenizer, ~100x slower)")
	fs.StringVar(&f.output, "o", "", "write output to this file (atomically) instead of standard output")
	fs.StringVar(&f.only, "only", "", "comma-separated rule IDs to report (default: all)")
	fs.BoolVar(&f.includeText, "include-text", false, "json/jsonl: include each document's text, so spans can be checked")
	fs.IntVar(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	fs.IntVar(&f.workers, "workers", 0, "scoring goroutines (default: one per core)")
}

func runScore(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("score", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f scoreFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: credence score [flags] [paths...]\n\nScores each article (.txt, .md, .json, .jsonl, .html; directories recursively; - for stdin)\nand prints its findings and reliability profile.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "credence score: no input (give files, directories, or - for standard input)")
		return 2
	}
	eng, err := engine.New(engine.Options{Tokenizer: f.tokenizer, Only: ruleSet(f.only)})
	if err != nil {
		fmt.Fprintln(stderr, "credence score:", err)
		return 2
	}
	out, commit, err := openOutput(f.output, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "credence score:", err)
		return 2
	}
	rep, err := report.New(f.format, report.Options{Color: f.output == "" && isTerminal(stdout), IncludeText: f.includeText, Rules: engine.Rules()})
	if err != nil {
		fmt.Fprintln(stderr, "credence score:", err)
		return 2
	}
	failed := 0
	var writeErr error
	rep.Start(out)
	batch.Run(eng, paths, ingest.Options{MaxBytes: f.maxBytes}, f.workers, func(o batch.Outcome) {
		if o.Err != nil {
			failed++
			fmt.Fprintln(stderr, "credence:", o.Err)
		}
		if o.Result != nil && writeErr == nil {
			writeErr = rep.Write(out, *o.Result)
		}
	})
	if writeErr == nil {
		writeErr = rep.Finish(out)
	}
	if err := commit(writeErr); err != nil {
		fmt.Fprintln(stderr, "credence score:", err)
		return 2
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "credence: %d input(s) could not be scored; the rest were\n", failed)
		return 2
	}
	return 0
}

// openOutput returns the writer for -o (a temp file beside the target, renamed
// over it on success so readers never see half a report) or stdout.
func openOutput(path string, stdout io.Writer) (io.Writer, func(error) error, error) {
	if path == "" {
		return stdout, func(err error) error { return err }, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, nil, fmt.Errorf("cannot write %s: %v", path, err)
	}
	return tmp, func(werr error) error {
		cerr := tmp.Close()
		if werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("writing %s: %v", path, werr)
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("writing %s: %v", path, err)
		}
		return nil
	}, nil
}
