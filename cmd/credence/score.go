package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/batch"
	"github.com/credence-news/credence/engine/config"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
	"github.com/credence-news/credence/engine/report"
)

type scoreFlags struct {
	format, tokenizer, output, only, refDate, config, scorers string
	cpuProfile                                                string
	includeText                                               bool
	maxBytes, workers                                         int
	timeout                                                   time.Duration
	// check only
	minScore    float64
	failOn      string
	maxSeverity string
	failBands   string
	// report only
	compare bool
	title   string
}

func (f *scoreFlags) register(fs *flag.FlagSet, cmd string) {
	check := cmd == "check"
	defFormat, formats := "text", report.Formats()
	switch cmd {
	case "report":
		defFormat = "html"
		fs.BoolVar(&f.compare, "compare", false, "several articles on one story: start with a side-by-side comparison")
		fs.StringVar(&f.title, "title", "", "page title")
	case "sources":
		defFormat, formats = "table", report.SourceFormats
		fs.StringVar(&f.title, "title", "", "page title (html)")
	}
	fs.StringVar(&f.format, "format", defFormat, "output format: "+strings.Join(formats, ", "))
	fs.StringVar(&f.tokenizer, "tokenizer", "fast", "tokenizer: fast (the project's own) or bert (github.com/sugarme/tokenizer, ~100x slower)")
	fs.StringVar(&f.output, "o", "", "write output to this file (atomically) instead of standard output")
	fs.StringVar(&f.only, "only", "", "comma-separated rule IDs to report (default: all)")
	fs.StringVar(&f.scorers, "scorers", "", "comma-separated scorers to run: integrity, transparency, sourcing, framing, factual (default: all)")
	fs.StringVar(&f.refDate, "reference-date", "", "score every document as of this date (YYYY-MM-DD) instead of finding its own")
	fs.BoolVar(&f.includeText, "include-text", false, "json/jsonl: include each document's text, so spans can be checked")
	fs.IntVar(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	fs.IntVar(&f.workers, "workers", 0, "scoring goroutines (default: one per core)")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "time budget per document; a document over it is reported as an error and the batch goes on")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
	fs.StringVar(&f.config, "config", "", "configuration file (default: the nearest "+config.FileName+" above the first input)")
	if check {
		fs.Float64Var(&f.minScore, "min-score", 0, "fail a document scoring below this (0-100)")
		fs.StringVar(&f.failOn, "fail-on", "", "fail a document with a finding of these rules (comma-separated globs, e.g. factual.*,sourcing.anonymous)")
		fs.StringVar(&f.maxSeverity, "max-severity", "", "fail a document with a finding more severe than this (info or warning)")
		fs.StringVar(&f.failBands, "fail-band", "low,unscorable", "fail a document in these bands (comma-separated; \"\" for none)")
	}
}

// validate rejects sizes, counts and durations that would otherwise be
// silently replaced by their defaults.
func (f *scoreFlags) validate() error {
	switch {
	case f.maxBytes <= 0:
		return fmt.Errorf("--max-bytes %d: want a positive number of bytes", f.maxBytes)
	case f.workers < 0:
		return fmt.Errorf("--workers %d: want 0 (one per core) or more", f.workers)
	case f.timeout < 0:
		return fmt.Errorf("--timeout %s: want 0 (no budget) or a positive duration", f.timeout)
	}
	return nil
}

// parseInterspersed parses flags that may come before, between or after the
// paths ("check a.txt --min-score 60").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// flagExit is the exit status for a flag-parsing error: 0 after --help
// (the usage was asked for), 2 for a bad flag (the flag package printed why).
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

func runScore(args []string, stdout, stderr io.Writer) int {
	return runDocuments("score", args, stdout, stderr)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	return runDocuments("check", args, stdout, stderr)
}

func runReport(args []string, stdout, stderr io.Writer) int {
	return runDocuments("report", args, stdout, stderr)
}

func runSources(args []string, stdout, stderr io.Writer) int {
	return runDocuments("sources", args, stdout, stderr)
}

func runDocuments(cmd string, args []string, stdout, stderr io.Writer) int {
	check := cmd == "check"
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f scoreFlags
	f.register(fs, cmd)
	fs.Usage = func() {
		if cmd == "sources" {
			fmt.Fprintln(stderr, "Usage: credence sources [flags] [paths...]\n\nScores each article and summarises them by outlet: the input's \"source\" field,\nelse the URL's host, else the organisation in the byline. Per outlet: articles,\nmean score, reliability and slant with 95% intervals, the rules that fire most\nper 1,000 words, and the most and least reliable article.\n\nFlags:")
		} else if cmd == "report" {
			fmt.Fprintln(stderr, "Usage: credence report [flags] [paths...] -o report.html\n\nWrites one self-contained HTML page (no network) explaining every finding,\nfor readers who do not know the tool. --compare puts several outlets side by side.\n\nFlags:")
		} else if check {
			fmt.Fprintln(stderr, "Usage: credence check [flags] [paths...]\n\nA pre-publication check: scores each article and exits 0 when every one passes,\n1 when one fails (printing what failed and why), 2 on usage or input errors.\n\nFlags:")
		} else {
			fmt.Fprintln(stderr, "Usage: credence score [flags] [paths...]\n\nScores each article (.txt, .md, .json, .jsonl, .html; directories recursively; - for stdin)\nand prints its findings and reliability profile.\n\nFlags:")
		}
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	fail := func(err any) int {
		fmt.Fprintf(stderr, "credence %s: %v\n", cmd, err)
		return 2
	}
	if len(paths) == 0 {
		return fail("no input (give files, directories, or - for standard input)")
	}
	if err := f.validate(); err != nil {
		return fail(err)
	}
	cfg, err := loadConfig(f.config, paths)
	if err != nil {
		return fail(err)
	}
	opts := engine.Options{Tokenizer: f.tokenizer, Only: ruleSet(f.only), ReferenceDate: f.refDate, Scorers: ruleSet(f.scorers),
		Quantities: f.format == "html" && f.compare}
	if cfg != nil {
		applyConfig(cfg, fs, &f, &opts)
	}
	var policy *checkPolicy
	if check {
		if policy, err = newCheckPolicy(f); err != nil {
			return fail(err)
		}
	}
	eng, err := engine.New(opts)
	if err != nil {
		return fail(err)
	}
	if check && eng.Partial() {
		explicit := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { explicit[fl.Name] = true })
		if explicit["min-score"] || explicit["fail-band"] {
			return fail("--min-score and --fail-band judge the reliability score, which a partial run (--only, --scorers) does not compute; use --fail-on or --max-severity")
		}
		if f.failOn == "" && f.maxSeverity == "" { // else nothing could fail
			return fail("a partial run (--only, --scorers) has no score to judge: say what fails with --fail-on or --max-severity")
		}
	}
	var rep report.Reporter
	if cmd == "sources" {
		if eng.Partial() {
			return fail("sources summarises profiles, which a partial run (--only, --scorers) does not compute")
		}
		rep, err = report.NewSources(f.format, f.title)
	} else {
		rep, err = report.New(f.format, report.Options{Color: f.output == "" && isTerminal(stdout), IncludeText: f.includeText, Rules: engine.Rules(), Version: version,
			Compare: f.compare, Title: f.title})
	}
	if err != nil {
		return fail(err)
	}
	out, commit, err := openOutput(f.output, paths, stdout)
	if err != nil {
		return fail(err)
	}
	if f.cpuProfile != "" {
		pf, err := os.Create(f.cpuProfile)
		if err != nil {
			return fail(err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	// Buffered: a JSONL line is tens of kilobytes, and a write per document
	// cost more in system calls than encoding it. A terminal gets each
	// document as it is scored.
	bw := bufio.NewWriterSize(out, 256<<10)
	interactive := f.output == "" && isTerminal(stdout)
	failedInputs, failedDocs := 0, 0
	var writeErr error
	bar := newProgress(paths, stdout, stderr, f.output != "")
	rep.Start(bw)
	batch.Run(eng, paths, batch.Options{Ingest: ingest.Options{MaxBytes: f.maxBytes}, Workers: f.workers, Timeout: f.timeout}, func(o batch.Outcome) {
		bar.add(o.Bytes)
		if o.Err != nil {
			failedInputs++
			fmt.Fprintln(stderr, "credence:", o.Err)
		}
		if o.Result == nil {
			return
		}
		if policy != nil {
			o.Result.Verdict = policy.judge(o.Result)
			if !o.Result.Verdict.Pass {
				failedDocs++
				fmt.Fprintf(stderr, "FAIL %s: %s\n", o.Result.Source, strings.Join(o.Result.Verdict.Reasons, "; "))
			}
		}
		if writeErr == nil {
			writeErr = rep.Write(bw, *o.Result)
		}
		if writeErr == nil && interactive {
			writeErr = bw.Flush()
		}
	})
	bar.finish()
	if writeErr == nil {
		writeErr = rep.Finish(bw)
	}
	if writeErr == nil {
		writeErr = bw.Flush()
	}
	if err := commit(writeErr); err != nil {
		return fail(err)
	}
	if failedInputs > 0 {
		fmt.Fprintf(stderr, "credence: %d input(s) could not be scored; the rest were\n", failedInputs)
		return 2
	}
	if failedDocs > 0 {
		fmt.Fprintf(stderr, "credence check: %d document(s) failed\n", failedDocs)
		return 1
	}
	return 0
}

// loadConfig reads --config, or the nearest .credence.yaml above the first
// input; nil when there is none.
func loadConfig(explicit string, paths []string) (*config.Config, error) {
	path := explicit
	if path == "" && len(paths) > 0 && paths[0] != "-" {
		path = config.Find(paths[0])
	}
	if path == "" {
		return nil, nil
	}
	var ids []string
	for _, r := range engine.Rules() {
		ids = append(ids, r.ID)
	}
	return config.Load(path, ids)
}

// applyConfig folds the configuration into the engine options and the check
// thresholds; flags given on the command line win.
func applyConfig(cfg *config.Config, fs *flag.FlagSet, f *scoreFlags, opts *engine.Options) {
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	opts.Settings = func(doc *core.Document) engine.RuleSettings { return cfg.ForPath(doc.Source) }
	opts.Lexicons, opts.KnowledgeBase, opts.DataRoot = cfg.Lexicons, cfg.KnowledgeBase, cfg.Dir()
	if !set["reference-date"] && cfg.ReferenceDate != "" {
		opts.ReferenceDate = cfg.ReferenceDate
	}
	opts.NoLearnedModel = cfg.LearnedModel != nil && !*cfg.LearnedModel
	t := cfg.Thresholds
	if !set["min-score"] && t.MinScore != nil {
		f.minScore = *t.MinScore
	}
	if !set["fail-on"] && len(t.FailOn) > 0 {
		f.failOn = strings.Join(t.FailOn, ",")
	}
	if !set["max-severity"] && t.MaxSeverity != "" {
		f.maxSeverity = t.MaxSeverity
	}
	if !set["fail-band"] && t.FailBands != nil {
		f.failBands = strings.Join(t.FailBands, ",")
	}
}

// checkPolicy is the editor's pass/fail rule set.
type checkPolicy struct {
	minScore    float64
	failOn      []string
	maxSeverity core.Severity
	hasMaxSev   bool
	failBands   map[string]bool
}

func newCheckPolicy(f scoreFlags) (*checkPolicy, error) {
	p := &checkPolicy{minScore: f.minScore, failBands: map[string]bool{}}
	if !(f.minScore >= 0 && f.minScore <= 100) { // NaN fails every comparison
		return nil, fmt.Errorf("--min-score %v: want a number from 0 to 100", f.minScore)
	}
	rules := engine.Rules()
	for _, g := range strings.Split(f.failOn, ",") {
		if g = strings.TrimSpace(g); g != "" {
			if _, err := filepath.Match(g, ""); err != nil {
				return nil, fmt.Errorf("--fail-on %q: %v", g, err)
			}
			if !slices.ContainsFunc(rules, func(r core.Rule) bool { ok, _ := filepath.Match(g, r.ID); return ok }) {
				return nil, fmt.Errorf("--fail-on %q matches no rule, so it could never fail (credence rules lists them)", g)
			}
			p.failOn = append(p.failOn, g)
		}
	}
	if f.maxSeverity != "" {
		s, err := core.ParseSeverity(f.maxSeverity)
		if err != nil {
			return nil, fmt.Errorf("--max-severity: %v", err)
		}
		p.maxSeverity, p.hasMaxSev = s, true
	}
	for _, b := range strings.Split(f.failBands, ",") {
		switch b = strings.TrimSpace(b); b {
		case "":
		case "high", "medium", "low", "unscorable":
			p.failBands[b] = true
		default:
			return nil, fmt.Errorf("--fail-band %q: want high, medium, low or unscorable", b)
		}
	}
	return p, nil
}

func (p *checkPolicy) judge(r *core.Result) *core.Verdict {
	var reasons []string
	if prof := r.Profile; prof != nil { // a partial run has no score to judge
		if p.failBands[prof.Band] {
			why := "band is " + prof.Band
			if prof.Reason != "" {
				why += " (" + prof.Reason + ")"
			}
			reasons = append(reasons, why)
		}
		if p.minScore > 0 && prof.Score < p.minScore {
			reasons = append(reasons, fmt.Sprintf("score %.1f is below --min-score %g", prof.Score, p.minScore))
		}
	}
	seen := map[string]bool{}
	for _, f := range r.Findings {
		if f.Quoted || f.Suppressed != "" {
			continue
		}
		for _, g := range p.failOn {
			if ok, _ := filepath.Match(g, f.Rule); ok && !seen[f.Rule] {
				seen[f.Rule] = true
				reasons = append(reasons, fmt.Sprintf("%s matches --fail-on %s (%q)", f.Rule, g, f.Text))
			}
		}
		if p.hasMaxSev && f.Severity > p.maxSeverity && !seen["sev:"+f.Rule] {
			seen["sev:"+f.Rule] = true
			reasons = append(reasons, fmt.Sprintf("%s is %s, above --max-severity %s", f.Rule, f.Severity, p.maxSeverity))
		}
	}
	return &core.Verdict{Pass: len(reasons) == 0, Reasons: reasons}
}

// openOutput returns the writer for -o (a temp file beside the target, renamed
// over it on success so readers never see half a report) or stdout. An output
// that is one of the inputs, or that a directory input would read, is
// refused. SIGINT or SIGTERM while writing removes the temp file; the file and
// then its directory are synced so that a crash after the rename leaves the
// whole report, never an empty file.
func openOutput(path string, inputs []string, stdout io.Writer) (io.Writer, func(error) error, error) {
	if path == "" {
		return stdout, func(err error) error { return err }, nil
	}
	if err := notAnInput(path, inputs); err != nil {
		return nil, nil, err
	}
	// Signals are caught before the temporary file exists: one arriving
	// just after it was created would otherwise end the process and leave
	// the file behind. The buffered channel holds it until it is handled.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		signal.Stop(sigs)
		return nil, nil, fmt.Errorf("cannot write %s: %v", path, err)
	}
	stopped := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			os.Remove(tmp.Name())
			fmt.Fprintf(os.Stderr, "credence: %v: stopped; %s not written\n", sig, path)
			code := 130 // as a shell reports SIGINT
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-stopped:
		}
	}()
	return tmp, func(werr error) error {
		signal.Stop(sigs)
		close(stopped)
		if werr == nil {
			werr = tmp.Sync()
		}
		if cerr := tmp.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("writing %s: %v", path, werr)
		}
		// CreateTemp makes the file private; a report is for reading.
		os.Chmod(tmp.Name(), 0o644)
		if err := os.Rename(tmp.Name(), path); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("writing %s: %v", path, err)
		}
		if d, err := os.Open(filepath.Dir(path)); err == nil {
			d.Sync() // the rename itself; not every file system can
			d.Close()
		}
		return nil
	}, nil
}

// notAnInput refuses an output path that would replace an input, or that a
// directory being read would pick up as one.
func notAnInput(out string, inputs []string) error {
	ost, statErr := os.Stat(out)
	absOut, _ := filepath.Abs(out)
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		ist, err := os.Stat(in)
		if err != nil {
			continue // reported as an input error
		}
		if statErr == nil && os.SameFile(ost, ist) {
			return fmt.Errorf("-o %s is also an input: the report would replace it", out)
		}
		if ist.IsDir() && ingest.Extensions[strings.ToLower(filepath.Ext(out))] != "" {
			if absIn, err := filepath.Abs(in); err == nil {
				if rel, err := filepath.Rel(absIn, absOut); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
					return fmt.Errorf("-o %s is inside the input directory %s, which would read it as an article; write it elsewhere", out, in)
				}
			}
		}
	}
	return nil
}
