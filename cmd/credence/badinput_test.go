package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBadInputTable feeds one batch every kind of bad input next to good
// ones: each bad input gets a clear error naming it (and its line), each good
// or merely odd one a valid profile, and the batch never stops early.
func TestBadInputTable(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	longWord := strings.Repeat("word ", 100_000) // a 100,000-token sentence
	nested := strings.Repeat("<div>", 20_000) + "<p>Deeply nested but real text about the council budget, the mayor said on Monday.</p>" + strings.Repeat("</div>", 20_000)
	cases := []struct {
		name  string
		data  []byte
		error string // "" when a valid profile is expected
	}{
		{"01-good.txt", []byte("A fine article about the council, the mayor said on Monday."), ""},
		{"02-empty.txt", nil, "empty input"},
		{"03-blank.txt", []byte(" \n\t \n"), "only white space"},
		{"04-huge-line.txt", []byte(strings.Repeat("x", 50<<20)), "larger than the 16 MiB document size limit"},
		{"05-invalid-utf8.txt", []byte("caf\xe9 au lait"), "invalid UTF-8 at byte 3"},
		{"06-nul.txt", []byte("text\x00with a NUL"), "NUL byte at byte 4"},
		{"07-mixed-encoding.txt", []byte("Kyiv’s plan \x93quoted\x94 in cp1252"), "invalid UTF-8"},
		{"08-nested.html", []byte(nested), "HTML could not be parsed: html: open stack of elements exceeds 512 nodes"},
		{"09-long-sentence.txt", []byte(longWord), ""},
		{"10-wrong-types.json", []byte(`{"text": ["not", "a", "string"], "title": 7}`), `field "title": want a string, got a number`},
		{"11-mixed.jsonl", []byte("{\"text\":\"Good line one.\"}\n{\"text\": }\n{\"text\":\"Good line three.\"}\n"), "11-mixed.jsonl:2: malformed JSON"},
		{"12-good.md", []byte("# Title\n\nA *fine* article, the mayor said."), ""},
		// An unused field is skipped whatever its value; a huge value is never echoed.
		{"13-unused-fields.json", []byte(`{"text": "The mayor said on Monday that the budget passed.", "views": 1e400, "n": ` + strings.Repeat("9", 100_000) + `, "tags": {"a": [1, {"b": null}]}}`), ""},
		{"14-huge-number.json", []byte(strings.Repeat("7", 100_000)), "malformed JSON: want an object, got number"},
	}
	var paths []string
	for _, c := range cases {
		paths = append(paths, write(c.name, c.data))
	}
	// A FIFO among the inputs, named and inside a scanned directory: an
	// error each, never a hang.
	fifo := filepath.Join(dir, "15-fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, fifo)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	if err := syscall.Mkfifo(filepath.Join(sub, "b.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, sub)
	code, out, errs := runCLI(append([]string{"score", "--format", "jsonl"}, paths...)...)
	if code != 2 {
		t.Errorf("exit %d, want 2 (some inputs failed)", code)
	}
	var sources []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			Source  string `json:"source"`
			Profile struct {
				Band string `json:"band"`
			} `json:"profile"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		sources = append(sources, filepath.Base(r.Source))
	}
	want := []string{"01-good.txt", "09-long-sentence.txt", "11-mixed.jsonl:1", "11-mixed.jsonl:3", "12-good.md", "13-unused-fields.json"}
	if strings.Join(sources, ",") != strings.Join(want, ",") {
		t.Errorf("profiles for %v, want %v (in input order)", sources, want)
	}
	for _, c := range cases {
		if c.error == "" {
			continue
		}
		if !strings.Contains(errs, filepath.Join(dir, c.name)) || !strings.Contains(errs, c.error) {
			t.Errorf("%s: stderr lacks %q naming the input:\n%s", c.name, c.error, errs)
		}
	}
	for _, p := range []string{fifo, filepath.Join(sub, "b.txt")} {
		if !strings.Contains(errs, p+": not a regular file: a named pipe (FIFO)") {
			t.Errorf("stderr does not name the FIFO %s:\n%s", p, errs)
		}
	}
	if len(errs) > 20_000 {
		t.Errorf("stderr is %d bytes: an input's content was echoed", len(errs))
	}
	if !strings.Contains(errs, "12 input(s) could not be scored") {
		t.Errorf("missing the failure count:\n%s", errs)
	}
}
