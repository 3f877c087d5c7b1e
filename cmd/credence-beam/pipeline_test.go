package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/corpus"
	"github.com/credence-news/credence/engine/ingest"
	"github.com/credence-news/credence/engine/outlets"
	"github.com/credence-news/credence/engine/report"
)

func TestMain(m *testing.M) {
	beam.Init() // the embedded runner may re-execute this binary as its worker
	os.Exit(m.Run())
}

// TestPipelineMatchesCLI runs the pipeline on the embedded runner over a
// mixed input and checks that every good record's result equals what
// `credence score --format jsonl` prints for it (the same ingestion, engine
// and JSONL reporter; only "source" differs, since Beam has no line numbers),
// that the bad records are in the dead-letter output with their reasons, and
// that the per-outlet aggregate adds up.
func TestPipelineMatchesCLI(t *testing.T) {
	dir := t.TempDir()
	input, want := mixedInput(t, dir)
	out := filepath.Join(dir, "out")
	if err := run(context.Background(), input, "", out); err != nil {
		t.Fatal(err)
	}
	checkOutputs(t, out, want)
}

// TestFlinkCommandLine runs the README's Flink command line, as a separate
// process, against a Beam job server. Flink's job server cannot be installed
// here, so prism's stands in: both serve the same portable Job API that
// --runner=flink submits to, so this checks the flags, the submission,
// artifact staging and the loopback workers; only the executing engine
// differs.
func TestFlinkCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a separate binary")
	}
	dir := t.TempDir()
	input, want := mixedInput(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	if _, err := prism.CreateJobServer(ctx, prism.Options{Port: port}); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "credence-beam")
	if b, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, bin, "--input", input, "--output", out,
		"--runner=flink", "--endpoint=localhost:"+strconv.Itoa(port), "--environment_type=LOOPBACK")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, b)
	}
	checkOutputs(t, out, want)
}

// mixedInput writes a JSONL of generated articles, two examples with an
// outlet, and two bad records; it returns its path and what the CLI prints
// for each good record, by id.
func mixedInput(t *testing.T, dir string) (string, map[string]string) {
	t.Helper()
	var in bytes.Buffer
	var good []string
	for i := 0; i < 12; i++ {
		title, text := corpus.Article(3, i)
		rec := map[string]string{"id": "gen-" + string(rune('a'+i)), "title": title, "text": text, "url": "https://news" + string(rune('0'+i%3)) + ".example/a"}
		b, _ := json.Marshal(rec)
		in.Write(append(b, '\n'))
		good = append(good, string(b))
	}
	for _, f := range []string{"wire-harbour-bridge.txt", "slanted-mayor.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", f))
		if err != nil {
			t.Fatal(err)
		}
		rec, _ := json.Marshal(map[string]string{"id": strings.TrimSuffix(f, ".txt"), "text": string(b), "source": "Example Times"})
		in.Write(append(rec, '\n'))
		good = append(good, string(rec))
	}
	in.WriteString("{not json at all\n{\"text\": 42}\n")
	input := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(input, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for i, line := range good {
		doc, err := ingest.Parse("in.jsonl:"+string(rune('1'+i)), "json", []byte(line))
		if err != nil {
			t.Fatal(err)
		}
		doc.Source = doc.ID
		res, _ := eng.Analyze(doc)
		var buf bytes.Buffer
		(&report.JSONL{}).Write(&buf, res)
		want[res.ID] = strings.TrimSpace(buf.String())
	}
	return input, want
}

// checkOutputs compares the pipeline's results with want, and checks the
// dead letters and the per-outlet aggregates.
func checkOutputs(t *testing.T, out string, want map[string]string) {
	t.Helper()
	got := readLines(t, out+".jsonl")
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	for _, line := range got {
		var r struct {
			ID string `json:"id"`
		}
		json.Unmarshal([]byte(line), &r)
		if want[r.ID] != line {
			t.Errorf("%s differs from the CLI:\nbeam %s\ncli  %s", r.ID, line, want[r.ID])
		}
	}
	dead := readLines(t, out+".deadletter.jsonl")
	if len(dead) != 2 || !strings.Contains(strings.Join(dead, "\n"), "malformed JSON") || !strings.Contains(strings.Join(dead, "\n"), `want a string, got a number`) {
		t.Errorf("dead letters: %v", dead)
	}
	// The per-outlet aggregates are what `credence sources` computes from
	// the same results.
	var results []core.Result
	for _, line := range want {
		var r core.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	expect := map[string]string{}
	for _, a := range outlets.Summarize(results) {
		b, _ := json.Marshal(a)
		expect[a.Outlet] = string(b)
	}
	var names []string
	for _, line := range readLines(t, out+".sources.jsonl") {
		var a outlets.Aggregate
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		names = append(names, a.Outlet)
		if expect[a.Outlet] != line {
			t.Errorf("outlet %s:\nbeam %s\nwant %s", a.Outlet, line, expect[a.Outlet])
		}
	}
	sort.Strings(names)
	if strings.Join(names, ",") != "Example Times,news0.example,news1.example,news2.example" {
		t.Errorf("outlets %v", names)
	}
}

func readLines(t *testing.T, pattern string) []string {
	t.Helper()
	files, _ := filepath.Glob(pattern + "*")
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}
