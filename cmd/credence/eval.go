package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/credence-news/credence/eval"
)

func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the Markdown report to this file (default: standard output)")
	baseline := fs.String("baseline", "eval/baseline.json", "fail (exit 1) when a metric drops below this baseline by more than its tolerance; \"\" to skip")
	updateBaseline := fs.Bool("update-baseline", false, "record the current metrics as the new baseline")
	folds := fs.Int("folds", 5, "cross-validation folds")
	boot := fs.Int("bootstrap", 1000, "bootstrap resamples for confidence intervals")
	htmlDir := fs.String("html", "testdata/html", "labelled HTML pages to measure extraction on (\"\" to skip)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: credence eval [flags] [fixtures-dir]\n\nMeasures every rule and the document verdicts against the hand-labelled fixtures\n(default testdata/fixtures), with cross-validation and bootstrap intervals.\n\nFlags:")
		fs.PrintDefaults()
	}
	rep, code := evaluate("eval", fs, args, stderr, eval.Options{Folds: *folds, Bootstrap: *boot})
	if rep == nil {
		return code
	}
	htmlSection, err := eval.HTMLReport(*htmlDir)
	if err != nil {
		fmt.Fprintln(stderr, "credence eval:", err)
		return 2
	}
	md := rep.Markdown(htmlSection + "\n" + eval.SeedsSection(rep.Model) + "\n" + eval.External())
	if *out != "" {
		w, commit, err := openOutput(*out, nil, stdout)
		if err != nil {
			fmt.Fprintln(stderr, "credence eval:", err)
			return 2
		}
		_, werr := io.WriteString(w, md)
		if err := commit(werr); err != nil {
			fmt.Fprintln(stderr, "credence eval:", err)
			return 2
		}
		fmt.Fprintf(stdout, "wrote %s: band accuracy %.2f, Spearman %.2f, ECE %.3f over %d fixtures\n", *out, rep.BandAcc, rep.Spearman, rep.ECE, rep.Fixtures)
	} else {
		io.WriteString(stdout, md)
	}
	if *updateBaseline {
		if err := eval.NewBaseline(rep.Metrics(), 0.03).Write(*baseline); err != nil {
			fmt.Fprintln(stderr, "credence eval:", err)
			return 2
		}
		fmt.Fprintln(stdout, "baseline updated:", *baseline)
		return 0
	}
	if *baseline != "" {
		bl, err := eval.ReadBaseline(*baseline)
		if err != nil {
			if os.IsNotExist(err) {
				fmt.Fprintf(stderr, "credence eval: no baseline at %s (record one with --update-baseline)\n", *baseline)
				return 0
			}
			fmt.Fprintln(stderr, "credence eval:", err)
			return 2
		}
		if regs := bl.Regressions(rep.Metrics()); len(regs) > 0 {
			fmt.Fprintln(stderr, "credence eval: regressions against", *baseline)
			for _, r := range regs {
				fmt.Fprintln(stderr, "  "+r)
			}
			return 1
		}
	}
	return 0
}

func runFit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "engine/profile/model.json", "where to write the fitted model")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: credence fit [flags] [fixtures-dir]\n\nRefits the profile model on the labelled fixtures (default testdata/fixtures)\nand writes its weights with the fixtures' hash.\n\nFlags:")
		fs.PrintDefaults()
	}
	rep, code := evaluate("fit", fs, args, stderr, eval.Options{Bootstrap: 10})
	if rep == nil {
		return code
	}
	b, _ := json.MarshalIndent(rep.Model, "", "  ")
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		fmt.Fprintln(stderr, "credence fit:", err)
		return 2
	}
	fmt.Fprintf(stdout, "wrote %s (fixtures %s, %d documents)\n", *out, rep.Hash, rep.Fixtures)
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
	fixtures, err := eval.Load(dir)
	if err == nil {
		var rep *eval.Report
		if rep, err = eval.Run(fixtures, opt); err == nil {
			return rep, 0
		}
	}
	fmt.Fprintf(stderr, "credence %s: %v\n", cmd, err)
	return nil, 2
}
