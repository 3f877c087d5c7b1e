package eval

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Evaluate loads the fixtures in dir and measures the engine on them.
func Evaluate(dir string, opt Options) (*Report, error) {
	fixtures, err := Load(dir)
	if err != nil {
		return nil, err
	}
	return Run(fixtures, opt)
}

// Main is `credence eval`: it measures the rules and verdicts against the
// fixtures and writes the Markdown report. name is the command as the user
// typed it; more, when set, adds sections after the fixtures' (the project's
// own report adds the seed articles and the external corpora, which the
// shipped binary does not carry).
func Main(name string, args []string, stdout, stderr io.Writer, more func(*Report) string) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the Markdown report to this file (default: standard output)")
	baseline := fs.String("baseline", "eval/baseline.json", "fail (exit 1) when a metric drops below this baseline by more than its tolerance; \"\" to skip")
	updateBaseline := fs.Bool("update-baseline", false, "record the current metrics as the new baseline")
	folds := fs.Int("folds", 5, "cross-validation folds")
	boot := fs.Int("bootstrap", 1000, "bootstrap resamples for confidence intervals")
	htmlDir := fs.String("html", "testdata/html", "labelled HTML pages to measure extraction on (\"\" to skip)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: "+name+" [flags] [fixtures-dir]\n\nMeasures every rule and the document verdicts against the hand-labelled fixtures\n(default testdata/fixtures), with cross-validation and bootstrap intervals.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	dir := "testdata/fixtures"
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 2
	}
	rep, err := Evaluate(dir, Options{Folds: *folds, Bootstrap: *boot})
	if err != nil {
		return fail(err)
	}
	extra, err := HTMLReport(*htmlDir)
	if err != nil {
		return fail(err)
	}
	if more != nil {
		extra += "\n" + more(rep)
	}
	md := rep.Markdown(extra)
	if *out != "" {
		if err := os.WriteFile(*out, []byte(md), 0o644); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "wrote %s: band accuracy %.2f, Spearman %.2f, ECE %.3f over %d fixtures\n", *out, rep.BandAcc, rep.Spearman, rep.ECE, rep.Fixtures)
	} else {
		io.WriteString(stdout, md)
	}
	if *updateBaseline {
		if err := NewBaseline(rep.Metrics(), 0.03).Write(*baseline); err != nil {
			return fail(err)
		}
		fmt.Fprintln(stdout, "baseline updated:", *baseline)
		return 0
	}
	if *baseline != "" {
		bl, err := ReadBaseline(*baseline)
		if err != nil {
			if os.IsNotExist(err) {
				fmt.Fprintf(stderr, "%s: no baseline at %s (record one with --update-baseline)\n", name, *baseline)
				return 0
			}
			return fail(err)
		}
		if regs := bl.Regressions(rep.Metrics()); len(regs) > 0 {
			fmt.Fprintln(stderr, name+": regressions against", *baseline)
			for _, r := range regs {
				fmt.Fprintln(stderr, "  "+r)
			}
			return 1
		}
	}
	return 0
}
