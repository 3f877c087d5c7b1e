package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/credence-news/credence/engine/core"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndHelp(t *testing.T) {
	if code, _, errs := runCLI(); code != 2 || !strings.Contains(errs, "Commands:") {
		t.Errorf("no args: %d %q", code, errs)
	}
	if code, out, _ := runCLI("--help"); code != 0 || !strings.Contains(out, "score") {
		t.Errorf("--help: %d %q", code, out)
	}
	for _, cmd := range []string{"score", "rules"} {
		if code, _, errs := runCLI(cmd, "--help"); code != 0 || !strings.Contains(errs, "Usage") && !strings.Contains(errs, "-format") {
			t.Errorf("%s --help: %d %q", cmd, code, errs)
		}
	}
	if code, _, errs := runCLI("frobnicate"); code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	if code, _, errs := runCLI("score", "--format", "yaml", "x"); code != 2 || !strings.Contains(errs, `unknown format "yaml"`) {
		t.Errorf("bad format: %d %q", code, errs)
	}
}

func TestScoreJSONContract(t *testing.T) {
	code, out, errs := runCLI("score", "--format", "json", "../../testdata/examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var results []map[string]any
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(results) < 5 {
		t.Fatalf("%d results, want one per example", len(results))
	}
	for _, r := range results {
		for _, key := range []string{"id", "source", "reference_date", "profile", "findings"} {
			if _, ok := r[key]; !ok {
				t.Errorf("%v: missing %q", r["source"], key)
			}
		}
		prof := r["profile"].(map[string]any)
		for _, key := range []string{"score", "band", "confidence", "dimensions"} {
			if _, ok := prof[key]; !ok {
				t.Errorf("%v: profile missing %q", r["source"], key)
			}
		}
		for _, f := range r["findings"].([]any) {
			fm := f.(map[string]any)
			for _, key := range []string{"rule", "start", "end", "text", "severity", "confidence", "message", "explanation"} {
				if _, ok := fm[key]; !ok {
					t.Errorf("%v: finding missing %q", r["source"], key)
				}
			}
		}
	}
}

func TestSeedsJSON(t *testing.T) {
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		t.Skip("../shared/seeds not present")
	}
	code, out, errs := runCLI(append([]string{"score", "--format", "json"}, seeds...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var results []map[string]any
	if err := json.Unmarshal([]byte(out), &results); err != nil || len(results) != 5 {
		t.Fatalf("want five objects: %v", err)
	}
}

func TestBatchGoesOnAndExitCode(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A short but real article about the council, the mayor said."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("bad \xff utf8"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte("{\"text\":\"One.\"}\n{oops}\n{\"text\":\"Three.\"}\n"), 0o644)
	code, out, errs := runCLI("score", "--format", "jsonl", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2 when inputs fail", code)
	}
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("%d results, want 3 (the batch must go on):\n%s", n, out)
	}
	for _, want := range []string{"b.txt: invalid UTF-8 at byte 4", "c.jsonl:2: malformed JSON", "2 input(s) could not be scored"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestAtomicOutputAndStdin(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "out.jsonl")
	code, _, errs := runCLI("score", "--format", "jsonl", "-o", dst, "../../testdata/examples/wire-harbour-bridge.txt")
	if code != 0 {
		t.Fatal(errs)
	}
	b, err := os.ReadFile(dst)
	if err != nil || !strings.Contains(string(b), `"band":"high"`) {
		t.Errorf("output file: %v %s", err, b)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.tmp*"))
	if len(left) != 0 {
		t.Errorf("temp files left: %v", left)
	}
	code, _, errs = runCLI("score", "-o", filepath.Join(dir, "missing", "x.json"), "../../testdata/examples")
	if code != 2 || !strings.Contains(errs, "cannot write") {
		t.Errorf("unwritable output: %d %q", code, errs)
	}
}

func TestRulesListsEveryRule(t *testing.T) {
	code, out, _ := runCLI("rules")
	if code != 0 {
		t.Fatal(code)
	}
	for _, id := range []string{"factual.title", "factual.name", "factual.date", "sourcing.anonymous", "sourcing.weasel", "sourcing.hearsay",
		"sourcing.unsourced_claim", "sourcing.unsourced_figure", "framing.loaded", "framing.editorial", "framing.speculation", "framing.asymmetry",
		"integrity.paywall", "integrity.chrome", "integrity.comment_footer", "integrity.duplicate", "integrity.truncated", "integrity.aggregator",
		"transparency.byline", "transparency.date"} {
		if !strings.Contains(out, id+" (") {
			t.Errorf("rules output lacks %s", id)
		}
	}
}

// The word list compare.sh hands to grep and Vale: plain words and phrases,
// no wildcard or gap syntax, no compound-half entries a list cannot read.
func TestRulesWords(t *testing.T) {
	code, out, _ := runCLI("rules", "--words", "framing.loaded")
	if code != 0 {
		t.Fatal(code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	have := map[string]bool{}
	for _, l := range lines {
		have[l] = true
		if strings.HasPrefix(l, "-") || strings.ContainsAny(l, "*.()|") {
			t.Errorf("word list line %q is not a plain word or phrase", l)
		}
	}
	for _, w := range []string{"regime", "so-called", "hating", "witch hunt"} {
		if !have[w] {
			t.Errorf("word list lacks %q", w)
		}
	}
	if code, _, errOut := runCLI("rules", "--words", "no.such"); code != 2 || !strings.Contains(errOut, "no.such") {
		t.Errorf("unknown rule: exit %d, stderr %q", code, errOut)
	}
}

// A run restricted with --only or --scorers reports its findings but no
// score: the rules not run would count as clean. Names are checked.
func TestPartialRun(t *testing.T) {
	slanted := "../../testdata/examples/slanted-mayor.txt"
	code, out, errs := runCLI("score", "--only", "framing.loaded", "--format", "jsonl", slanted)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if _, ok := r["profile"]; ok {
		t.Error("a partial run has a profile")
	}
	fs, _ := r["findings"].([]any)
	for _, f := range fs {
		if rule := f.(map[string]any)["rule"]; rule != "framing.loaded" {
			t.Errorf("--only framing.loaded reported %v", rule)
		}
	}
	if len(fs) == 0 {
		t.Error("--only framing.loaded found nothing in the slanted example")
	}
	if code, out, _ := runCLI("score", "--scorers", "framing", "--format", "table", slanted); code != 0 || !strings.Contains(out, "slanted-mayor.txt  –") {
		t.Errorf("table of a partial run: exit %d\n%s", code, out)
	}
	if code, out, _ := runCLI("score", "--scorers", "framing", slanted); code != 0 || !strings.Contains(out, "no score (partial run") {
		t.Errorf("text of a partial run: exit %d\n%s", code, out)
	}
	if code, _, errs := runCLI("check", "--only", "framing.loaded", "--min-score", "50", slanted); code != 2 || !strings.Contains(errs, "partial run") {
		t.Errorf("check --min-score on a partial run: exit %d %s", code, errs)
	}
	if code, _, errs := runCLI("check", "--only", "framing.loaded", "--fail-on", "framing.*", slanted); code != 1 || !strings.Contains(errs, "framing.loaded matches --fail-on") {
		t.Errorf("check --fail-on on a partial run: exit %d %s", code, errs)
	}
	if code, _, errs := runCLI("check", "--scorers", "framing", slanted); code != 2 || !strings.Contains(errs, "--fail-on or --max-severity") {
		t.Errorf("check on a partial run with nothing that could fail: exit %d %s", code, errs)
	}
	for _, bad := range [][]string{{"--scorers", "framng"}, {"--only", "framing.lodaed"}} {
		if code, _, errs := runCLI(append([]string{"score"}, append(bad, slanted)...)...); code != 2 || !strings.Contains(errs, "unknown") || !strings.Contains(errs, bad[1]) {
			t.Errorf("%v: exit %d %s", bad, code, errs)
		}
	}
}

func TestKB(t *testing.T) {
	code, out, errs := runCLI("kb", "lookup", "Donald Trump", "--date", "2026-01-07")
	if code != 0 || !strings.Contains(out, "on 2026-01-07: President of United States") {
		t.Errorf("lookup: %d %q %q", code, out, errs)
	}
	code, out, _ = runCLI("kb", "lookup", "--date", "2022-06-01", "Zelenskiy")
	if code != 0 || !strings.Contains(out, "known wrong given names: Vladimir") {
		t.Errorf("lookup by surname: %d %q", code, out)
	}
	if code, _, errs := runCLI("kb", "lookup", "Nobody Atall"); code != 1 || !strings.Contains(errs, "no person named") {
		t.Errorf("unknown person: %d %q", code, errs)
	}
	if code, out, _ := runCLI("kb", "validate"); code != 0 || !strings.HasPrefix(out, "ok:") {
		t.Errorf("validate: %d %q", code, out)
	}
}

func TestCheckExitCodes(t *testing.T) {
	clean := "../../testdata/examples/wire-harbour-bridge.txt"
	slanted := "../../testdata/examples/slanted-mayor.txt"
	if code, _, errs := runCLI("check", clean); code != 0 {
		t.Errorf("clean article: exit %d %s", code, errs)
	}
	code, _, errs := runCLI("check", clean, slanted, "--min-score", "60")
	if code != 1 || !strings.Contains(errs, "FAIL ../../testdata/examples/slanted-mayor.txt: band is low") || strings.Contains(errs, "FAIL "+clean) {
		t.Errorf("slanted article: exit %d %s", code, errs)
	}
	if code, _, errs := runCLI("check", "--fail-on", "factual.*", "--fail-band", "", "../../testdata/examples/dated-anomalies.json"); code != 1 || !strings.Contains(errs, "factual.name matches --fail-on factual.*") {
		t.Errorf("--fail-on: exit %d %s", code, errs)
	}
	if code, _, errs := runCLI("check", "--max-severity", "info", "--fail-band", "", slanted); code != 1 || !strings.Contains(errs, "above --max-severity info") {
		t.Errorf("--max-severity: exit %d %s", code, errs)
	}
	// Flags that would otherwise be ignored or silently become defaults.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--min-score", "200"}, "--min-score 200: want a number from 0 to 100"},
		{[]string{"--min-score", "NaN"}, "--min-score NaN: want a number from 0 to 100"},
		{[]string{"--min-score", "-Inf"}, "want a number from 0 to 100"},
		{[]string{"--fail-on", "factaul.title"}, `--fail-on "factaul.title" matches no rule`},
		{[]string{"--reference-date", "banana"}, `reference date "banana" is not a date`},
		{[]string{"--max-bytes", "-5"}, "--max-bytes -5: want a positive number"},
		{[]string{"--workers", "-1"}, "--workers -1"},
		{[]string{"--timeout", "-1s"}, "--timeout -1s"},
		{[]string{"--only", "framing.lodaed"}, `unknown rule "framing.lodaed"`},
	} {
		if code, _, errs := runCLI(append([]string{"check"}, append(c.args, clean)...)...); code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("check %v: exit %d %s, want 2 and %q", c.args, code, errs, c.want)
		}
	}
	if code, _, _ := runCLI("check", clean, "missing-file.txt"); code != 2 {
		t.Errorf("missing input: exit %d, want 2", code)
	}
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(seeds) == 5 {
		code, _, errs := runCLI(append([]string{"check", "--min-score", "28", "--fail-band", "unscorable"}, seeds...)...)
		failed := strings.Count(errs, "FAIL ")
		if code != 1 || failed != 2 || !strings.Contains(errs, "000_") || !strings.Contains(errs, "004_") {
			t.Errorf("seeds: exit %d, %d failed, want 000 and 004:\n%s", code, failed, errs)
		}
	}
}

func TestConfigAndSuppression(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".credence.yaml"), []byte(`rules:
  disable: [transparency.*]
thresholds:
  fail_on: ["framing.*"]
  fail_bands: []
lexicons: [house.yaml]
`), 0o644)
	os.WriteFile(filepath.Join(dir, "house.yaml"), []byte(`name: house
about: {purpose: house style, selection: desk list, sources: style guide}
categories:
  banned: {rule: framing.loaded, description: a word the house style bans}
entries:
  - {phrase: "boffins", category: banned, flag: ["Boffins say so."], pass: ["Scientists say so."]}
`), 0o644)
	article := "Boffins find new beetle\n\nBoffins at the museum said on Monday they had found a new beetle in the garden.\n\nThe council called the plan a sham. <!-- credence-ignore framing.loaded: the council's word, quoted in the minutes -->\n"
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644)
	code, out, errs := runCLI("check", "--format", "json", filepath.Join(dir, "a.txt"))
	if code != 1 || !strings.Contains(errs, "framing.loaded matches --fail-on framing.*") {
		t.Errorf("check with config: exit %d %s", code, errs)
	}
	if strings.Contains(out, "transparency.") {
		t.Error("transparency rules were disabled by the config")
	}
	if !strings.Contains(out, `"text": "Boffins"`) {
		t.Error("extra lexicon entry not applied")
	}
	if !strings.Contains(out, `"suppressed": "the council's word, quoted in the minutes"`) {
		t.Errorf("suppressed finding not reported as suppressed:\n%s", out)
	}
	os.WriteFile(filepath.Join(dir, ".credence.yaml"), []byte("rules:\n  disabel: [x]\n"), 0o644)
	if code, _, errs := runCLI("score", filepath.Join(dir, "a.txt")); code != 2 || !strings.Contains(errs, ".credence.yaml:2: rules.disabel: unknown key") {
		t.Errorf("bad config: exit %d %s", code, errs)
	}
}

func TestIncludeTextForHTML(t *testing.T) {
	code, out, errs := runCLI("score", "--format", "json", "--include-text", "../../testdata/html/09-truncated.html")
	if code != 0 {
		t.Fatal(errs)
	}
	var results []struct {
		Text     string `json:"text"`
		Findings []struct {
			Start, End int
			Text       string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &results); err != nil || len(results) != 1 {
		t.Fatalf("%v %s", err, out)
	}
	r := results[0]
	if !strings.Contains(r.Text, "The port expansion at Kettering Bay was approved on appeal") {
		t.Errorf("extracted text missing: %q", r.Text)
	}
	for _, f := range r.Findings {
		if f.End > f.Start && r.Text[f.Start:f.End] != f.Text {
			t.Errorf("span [%d,%d) is %q in the printed text, finding says %q", f.Start, f.End, r.Text[f.Start:f.End], f.Text)
		}
	}
}

// TestJudgeQueryRejectsNonsense: the HTTP check's thresholds are parsed as
// strictly as the flags (NaN once switched the gate off; "60abc" read as 60).
func TestJudgeQueryRejectsNonsense(t *testing.T) {
	res := &core.Result{Profile: &core.Profile{Score: 99, Band: "high"}}
	for _, c := range []struct {
		q    map[string][]string
		want string // "" when accepted
	}{
		{map[string][]string{"min_score": {"60"}}, ""},
		{map[string][]string{"min_score": {"NaN"}}, "want a number from 0 to 100"},
		{map[string][]string{"min_score": {"60abc"}}, "want a number from 0 to 100"},
		{map[string][]string{"min_score": {"1e999"}}, "want a number from 0 to 100"},
		{map[string][]string{"fail_on": {"factaul.title"}}, "matches no rule"},
		{map[string][]string{"fail_band": {"mediocre"}}, "want high, medium, low or unscorable"},
	} {
		_, err := judgeQuery(c.q, res)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%v: error %v, want %q", c.q, err, c.want)
		}
	}
}

// TestOutputRefusesAnInput: -o never replaces an input, nor lands where a
// directory input would read it.
func TestOutputRefusesAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "b.txt")
	os.WriteFile(in, []byte("A short text about the council budget, the mayor said."), 0o644)
	for _, c := range []struct {
		out, input, want string
	}{
		{in, in, "is also an input"},
		{filepath.Join(dir, "report.json"), dir, "inside the input directory"},
	} {
		code, _, errs := runCLI("score", "-o", c.out, c.input)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("-o %s %s: exit %d %q, want 2 and %q", c.out, c.input, code, errs, c.want)
		}
	}
	if b, _ := os.ReadFile(in); !strings.HasPrefix(string(b), "A short text") {
		t.Errorf("the input was replaced: %q", b)
	}
}

// TestSIGTERMDuringOutput: a run writing -o that is stopped by SIGTERM
// removes its temporary file, writes no report and exits 143.
func TestSIGTERMDuringOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := builtBinary(t)
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	text := strings.Repeat("The minister said on Monday that critics argue the plan is a disaster. ", 10_000)
	for i := range 200 {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("%03d.txt", i)), []byte(text), 0o644)
	}
	out := filepath.Join(dir, "report.jsonl")
	cmd := exec.Command(bin, "score", "--workers", "1", "--format", "jsonl", "-o", out, in)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the temporary file exists, then stop the run.
	deadline := time.Now().Add(30 * time.Second)
	for {
		if tmps, _ := filepath.Glob(filepath.Join(dir, ".report.jsonl.tmp*")); len(tmps) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 143 {
		t.Errorf("exit: %v, want status 143 (stderr %q)", err, stderr.String())
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".report.jsonl.tmp*")); len(tmps) > 0 {
		t.Errorf("temporary file left after SIGTERM: %v", tmps)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written by a stopped run", out)
	}
	if !strings.Contains(stderr.String(), "not written") {
		t.Errorf("stderr does not say the report was not written: %q", stderr.String())
	}
}

// TestConfigCannotPrintFiles: a configuration found beside the inputs (which
// a pull request can bring) cannot make the run read files outside its folder,
// hang on a FIFO or device, or print a file's lines.
func TestConfigCannotPrintFiles(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "repo")
	os.Mkdir(dir, 0o755)
	secret := "root:$6$" + strings.Repeat("HASHHASH", 20) + ":19000:0:99999:7:::"
	os.WriteFile(filepath.Join(top, "shadow"), []byte(secret+"\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.yaml"), []byte(secret+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A short text about the council budget, the mayor said."), 0o644)
	syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644)
	for _, c := range []struct{ config, want string }{
		{"knowledge_base: [" + filepath.Join(top, "shadow") + "]", "outside"},
		{"knowledge_base: [../shadow]", "outside"},
		{"lexicons: [/dev/zero]", "outside"},
		{"lexicons: [pipe.yaml]", "not a regular file"},
		{"knowledge_base: [notes.yaml]", "notes.yaml"},
		{"lexicons: [notes.yaml]", "notes.yaml"},
		{"thresholds: {min_score: .nan}", "not in 0-100"},
	} {
		os.WriteFile(filepath.Join(dir, ".credence.yaml"), []byte(c.config+"\n"), 0o644)
		code, _, errs := runCLI("check", filepath.Join(dir, "a.txt"))
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d %q, want 2 and %q", c.config, code, errs, c.want)
		}
		if strings.Count(errs, "HASH") > 10 { // of 160: an excerpt at most
			t.Errorf("%s: stderr shows the file's content: %q", c.config, errs)
		}
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// builtBinary builds the credence binary once per test run, for tests that
// need a real process (signals, peak memory).
func builtBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "credence-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "credence")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// memoryBound is the README's per-document memory bound: a document
// longer than a window (256 KiB) is analysed window by window, and the
// collector works harder past the 180 MiB soft limit main sets
// (GOMEMLIMIT), so any document within --max-bytes peaks under it,
// whatever the shape of its text.
const memoryBound = 250 << 20

// TestMemoryBoundPerDocument runs the binary on documents built to be
// expensive (short attributed sentences, one unpunctuated line, figures,
// quotes, loaded words, a page of paragraphs) and holds its peak RSS to the
// bound.
func TestMemoryBoundPerDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary on 2-16 MB documents")
	}
	bin := builtBinary(t)
	dir := t.TempDir()
	const mb = 1 << 20
	docs := []struct {
		name, unit string
		size       int
		head, tail string
	}{
		{"attributed.txt", "Officials said.\n", 4 * mb, "", ""},
		{"attributed-8mb.txt", "Officials said.\n", 8 * mb, "", ""},
		{"one-line.txt", "word ", 4 * mb, "", ""},
		{"figures.txt", "Prices rose 4.5% to $1.2 billion in 2023. ", 4 * mb, "", ""},
		{"quotes.txt", "\u201cIt is a disaster,\u201d he said. ", 4 * mb, "", ""},
		{"loaded.txt", "Critics argue the disastrous, reckless scheme is a sham. ", 4 * mb, "", ""},
		// Full stops before lower case never end a sentence: one sentence of
		// 150,000 loaded words, which rules reading back through the
		// sentence made quadratic (minutes) until sentences were bounded.
		{"run-on.txt", "disgraceful radical scheme. ", 4 * mb, "", ""},
		{"dashes.txt", "-", 2 * mb, "", ""},
		{"dashes-16mb.txt", "-", 16 * mb, "", ""},   // a token every byte
		{"letter-lines.txt", "a\n", 2 * mb, "", ""}, // a token, a sentence and a line every two bytes
		{"letter-lines-16mb.txt", "a\n", 16 * mb, "", ""},
		// One line of capitals (each word once read its whole line) and
		// post signatures without a paragraph break (each read back to the
		// text's start): both were quadratic.
		{"capitals.txt", "THE LEADER SAID ", 2 * mb, "", ""},
		{"signatures.txt", "— Jo (@jo) July 1, 2016\n", 2 * mb, "", ""},
		// Quotations never closed, across paragraphs and on one line: each
		// mark was read on to the text's end (minutes at 4 MB).
		{"unclosed-quotes.txt", "\"one two three four\n\n", 2 * mb, "", ""},
		{"unclosed-single-quotes.txt", "'one two ", 2 * mb, "", ""},
		// Rhetorical questions, one after another on one line: each reads
		// back for its line's start, within a bound.
		{"questions.txt", "Why not? ", 2 * mb, "T\n\n", ""},
		{"page.html", "<p>The council said on Monday that the bridge would reopen.</p>", 4 * mb, "<html><body>", "</body></html>"},
	}
	for _, d := range docs {
		path := filepath.Join(dir, d.name)
		if err := os.WriteFile(path, []byte(d.head+strings.Repeat(d.unit, d.size/len(d.unit))+d.tail), 0o644); err != nil {
			t.Fatal(err)
		}
		peak, err := peakRSS(exec.Command(bin, "score", "--format", "jsonl", "--timeout", "0", path))
		if err != nil {
			t.Errorf("%s: %v", d.name, err)
			continue
		}
		if peak > memoryBound {
			t.Errorf("%s: peak RSS %d MB for %.1f MB, over the bound of %d MB", d.name, peak>>20, float64(d.size)/mb, memoryBound>>20)
		} else {
			t.Logf("%s: peak RSS %d MB for %.1f MB (bound %d MB)", d.name, peak>>20, float64(d.size)/mb, memoryBound>>20)
		}
	}
}

// peakRSS runs cmd and returns its peak resident set, read from its
// /proc status (VmHWM) until it exits. Not the wait status's Maxrss: a
// child shares the test's memory until it execs, and Linux carries the
// test process's own peak into the child's.
func peakRSS(cmd *exec.Cmd) (int64, error) {
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	var peak int64
	for {
		// VmHWM only grows: a read after the peak holds it; what the last
		// poll before exit misses is at most a millisecond's growth.
		if b, err := os.ReadFile(status); err == nil {
			if _, rest, ok := strings.Cut(string(b), "VmHWM:"); ok {
				var kb int64
				if _, err := fmt.Sscan(rest, &kb); err == nil {
					peak = max(peak, kb<<10)
				}
			}
		}
		select {
		case err := <-done:
			return peak, err
		case <-time.After(time.Millisecond):
		}
	}
}

// FuzzJudgeQuery: the HTTP check's thresholds from any query either fail
// with an error or hold a score in range and known rules and bands.
func FuzzJudgeQuery(f *testing.F) {
	for _, q := range []string{"min_score=60", "min_score=NaN", "min_score=60abc", "fail_on=factual.*", "fail_band=low,unscorable", "min_score=1e999"} {
		f.Add(q)
	}
	res := &core.Result{Profile: &core.Profile{Score: 50, Band: "medium"}}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		v, err := judgeQuery(q, res)
		if err != nil {
			return
		}
		if v == nil {
			t.Fatalf("%q: no verdict and no error", raw)
		}
		if ms := q.Get("min_score"); ms != "" {
			n, _ := strconv.ParseFloat(ms, 64)
			if !(n >= 0 && n <= 100) {
				t.Fatalf("%q: min_score %q accepted", raw, ms)
			}
		}
	})
}

// TestExtendingExamples runs docs/extending.md's examples: the house
// lexicon and knowledge-base file validate with their examples, the draft
// gets the findings the page shows, and every code block the page quotes
// with file=PATH is in that file verbatim (the Go examples run as
// Example tests in their packages).
func TestExtendingExamples(t *testing.T) {
	root := filepath.Join("..", "..")
	doc, err := os.ReadFile(filepath.Join(root, "docs", "extending.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for _, part := range strings.Split(string(doc), "\n```")[1:] {
		head, body, ok := strings.Cut(part, "\n")
		_, file, tagged := strings.Cut(head, " file=")
		if !ok || !tagged {
			continue
		}
		src, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Errorf("docs/extending.md quotes %s: %v", file, err)
			continue
		}
		if !strings.Contains(string(src), body) {
			t.Errorf("docs/extending.md's block from %s is not in that file:\n%s", file, body)
		}
		blocks++
	}
	if blocks < 6 {
		t.Errorf("%d quoted blocks found in docs/extending.md, want 6 or more", blocks)
	}
	examples := filepath.Join(root, "docs", "examples")
	code, out, errs := runCLI("kb", "validate", "--config", filepath.Join(examples, ".credence.yaml"))
	if code != 0 || !strings.Contains(out, "in 3 lexicons") || !strings.Contains(string(doc), strings.TrimSpace(out)) {
		t.Errorf("kb validate on the examples: exit %d %q %q (and the page must show that line)", code, out, errs)
	}
	code, out, errs = runCLI("score", filepath.Join(examples, "draft.txt"))
	if code != 0 {
		t.Fatalf("score draft: exit %d %s", code, errs)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(line, ": score ") && !strings.Contains(string(doc), strings.Replace(line, filepath.Join(examples, "draft.txt"), "docs/examples/draft.txt", 1)) {
			t.Errorf("the page does not show this line of the draft's report:\n%s", line)
		}
	}
}

// TestREADMEExamples: every README block marked
// <!-- readme-example: ARGS --> is what `credence ARGS` prints, field by
// field: the block may leave fields and trailing list items out, but every
// value it shows must be the tool's.
func TestREADMEExamples(t *testing.T) {
	t.Chdir(filepath.Join("..", "..")) // the README's commands run from the repository's root
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "<!-- readme-example: "
	n := 0
	for _, part := range strings.Split(string(readme), marker)[1:] {
		args, rest, _ := strings.Cut(part, " -->")
		_, block, _ := strings.Cut(rest, "```json\n")
		block, _, _ = strings.Cut(block, "```")
		var shown any
		if err := json.Unmarshal([]byte(block), &shown); err != nil {
			t.Fatalf("README example %q is not JSON: %v", args, err)
		}
		code, out, errs := runCLI(strings.Fields(args)...)
		if code != 0 {
			t.Fatalf("credence %s: exit %d %s", args, code, errs)
		}
		var real any
		json.Unmarshal([]byte(out), &real)
		if list, ok := real.([]any); ok && len(list) > 0 {
			if _, one := shown.(map[string]any); one {
				real = list[0]
			}
		}
		if path := subsetMismatch(shown, real, ""); path != "" {
			t.Errorf("README example `credence %s` differs from the tool's output at %s", args, path)
		}
		n++
	}
	if n == 0 {
		t.Error("no README example checked")
	}
}

// subsetMismatch returns where shown is not part of real ("" when it is):
// objects by key, lists item by item from the first.
func subsetMismatch(shown, real any, at string) string {
	switch s := shown.(type) {
	case map[string]any:
		r, ok := real.(map[string]any)
		if !ok {
			return at
		}
		for k, v := range s {
			if p := subsetMismatch(v, r[k], at+"."+k); p != "" {
				return p
			}
		}
	case []any:
		r, ok := real.([]any)
		if !ok || len(s) > len(r) {
			return at
		}
		for i := range s {
			if p := subsetMismatch(s[i], r[i], fmt.Sprintf("%s[%d]", at, i)); p != "" {
				return p
			}
		}
	default:
		if fmt.Sprint(shown) != fmt.Sprint(real) {
			return fmt.Sprintf("%s (README %v, tool %v)", at, shown, real)
		}
	}
	return ""
}

// TestSources: a batch summarised by outlet, the outlet taken from the
// "source" field, else the URL's host; a bad line is reported and the
// rest summarised.
func TestSources(t *testing.T) {
	dir := t.TempDir()
	body := "The council approved the budget on Tuesday, the mayor said. The vote was 7 to 2, according to the minutes."
	var lines []string
	for i, o := range []struct{ source, url string }{{"", "https://www.harbour.example/a"}, {"", "https://harbour.example/b"}, {"The Ledger", "https://x.example/c"}} {
		b, _ := json.Marshal(map[string]string{"id": fmt.Sprint("a", i), "text": body, "source": o.source, "url": o.url})
		lines = append(lines, string(b))
	}
	lines = append(lines, `{"id": 7, "text": "x"}`)
	in := filepath.Join(dir, "batch.jsonl")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	code, out, errs := runCLI("sources", "--format", "json", in)
	if code != 2 || !strings.Contains(errs, "batch.jsonl:4") {
		t.Errorf("exit %d, stderr %q: want 2 and the bad line named", code, errs)
	}
	var aggs []struct {
		Outlet   string
		Articles int
		Score    struct{ Mean float64 }
		Slant    struct{ Mean float64 }
	}
	if err := json.Unmarshal([]byte(out), &aggs); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(aggs) != 2 || aggs[0].Outlet != "harbour.example" || aggs[0].Articles != 2 || aggs[1].Outlet != "The Ledger" || aggs[0].Score.Mean <= 0 {
		t.Errorf("outlets: %+v", aggs)
	}
	if code, out, _ := runCLI("sources", in); code != 2 || !strings.Contains(out, "OUTLET") || !strings.Contains(out, "harbour.example") {
		t.Errorf("table: exit %d\n%s", code, out)
	}
	if code, _, errs := runCLI("sources", "--format", "sarif", in); code != 2 || !strings.Contains(errs, "table, json, html") {
		t.Errorf("bad format: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI("sources", "--scorers", "framing", in); code != 2 || !strings.Contains(errs, "partial run") {
		t.Errorf("partial run: exit %d, %q", code, errs)
	}
}
