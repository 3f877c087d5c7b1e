package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/credence-news/credence/internal/datafile"
)

var rules = []string{"framing.loaded", "framing.editorial", "sourcing.weasel", "factual.title", "factual.name"}

func TestParseErrors(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"rulez: {}\n", `c.yaml:1: rulez: unknown key`},
		{"rules:\n  disable: [framing.loaded]\n  colour: red\n", `c.yaml:3: rules.colour: unknown key`},
		{"rules:\n  disable: [nothing.here]\n", `c.yaml:2: rules.disable: "nothing.here" matches no rule`},
		{"rules:\n  severity: {framing.loaded: fatal}\n", `c.yaml:2: rules.severity.framing.loaded: unknown severity "fatal"`},
		{"thresholds:\n  min_score: 120\n", `c.yaml:2: thresholds.min_score: 120 is not in 0-100`},
		{"thresholds:\n  fail_bands: [awful]\n", `thresholds.fail_bands: unknown band "awful"`},
		{"thresholds:\n  max_severity: huge\n", `thresholds.max_severity`},
		{"reference_date: 2025-13-01\n", `c.yaml:1: reference_date: "2025-13-01" is not YYYY-MM-DD`},
		{"overrides:\n  - paths: [\"a/*\"]\n    rulez: {}\n", `c.yaml:3: overrides[0].rulez: unknown key`},
		{"overrides:\n  - rules: {disable: [framing.*]}\n", `overrides[0].paths: an override needs at least one path glob`},
		{"rules: [\n", `c.yaml:1: (YAML syntax): did not find expected node content`},
		{"thresholds: {min_score: abc}\n", `c.yaml:1: thresholds.min_score: want a number, got text "abc"`},
		{"thresholds:\n  fail_bands: low\n", `c.yaml:2: thresholds.fail_bands: want a list, got text "low"`},
		{"overrides: [{paths: [x], rules: {disable: 3}}]\n", `c.yaml:1: overrides[0].rules.disable: want a list, got a number "3"`},
		{"lexicons: notalist\n", `c.yaml:1: lexicons: want a list`},
		{"learned_model: maybe\n", `c.yaml:1: learned_model:`},
	}
	for _, c := range cases {
		_, err := Parse("c.yaml", []byte(c.yaml), rules)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
}

func TestRuleFilter(t *testing.T) {
	dir := t.TempDir()
	y := "rules:\n  disable: [framing.*]\n  severity: {factual.title: warning}\noverrides:\n  - paths: [\"news/**\"]\n    rules: {enable: [framing.loaded]}\n"
	c, err := Parse(filepath.Join(dir, FileName), []byte(y), rules)
	if err != nil {
		t.Fatal(err)
	}
	top := c.ForPath(filepath.Join(dir, "opinion", "a.txt"))
	if top.Enabled("framing.loaded") || !top.Enabled("sourcing.weasel") {
		t.Error("top-level disable not applied")
	}
	news := c.ForPath(filepath.Join(dir, "news", "world", "b.txt"))
	if !news.Enabled("framing.loaded") || news.Enabled("framing.editorial") {
		t.Error("override enable not applied to news/**")
	}
	if s, ok := top.Severity("factual.title"); !ok || s.String() != "warning" {
		t.Errorf("severity override = %v %v", s, ok)
	}
	only, _ := Parse("c.yaml", []byte("rules:\n  enable: [factual.*]\n"), rules)
	f := only.ForPath("x.txt")
	if !f.Enabled("factual.name") || f.Enabled("sourcing.weasel") {
		t.Error("enable list should be the set of rules that run")
	}
}

func TestFindWalksUp(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, FileName), []byte("rules: {}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "b", "x.txt"), []byte("x"), 0o644)
	if got := Find(filepath.Join(dir, "a", "b", "x.txt")); got != filepath.Join(dir, FileName) {
		t.Errorf("Find = %q", got)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add("rules:\n  disable: [framing.*]\nthresholds:\n  min_score: 60\n")
	f.Add("overrides:\n  - paths: [\"a/**\"]\n    rules: {enable: [factual.title]}\n")
	f.Add("lexicons: [../../etc/passwd, /dev/zero, house.yaml]\nknowledge_base: [\"sub/../../x\"]\n")
	root := f.TempDir()
	os.WriteFile(filepath.Join(root, "house.yaml"), []byte("name: house\n"), 0o644)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(filepath.Join(root, "f.yaml"), []byte(s), rules)
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
		if err != nil {
			return
		}
		// Whatever paths the configuration names, the loader reads only
		// regular files inside its folder.
		for _, name := range append(c.Lexicons, c.KnowledgeBase...) {
			data, err := datafile.Read(c.Dir(), name)
			if err != nil {
				continue
			}
			real, _ := filepath.EvalSymlinks(name)
			if rel, rerr := filepath.Rel(root, real); rerr != nil || strings.HasPrefix(rel, "..") || data == nil {
				t.Fatalf("read %q (%s) outside %s", name, real, root)
			}
		}
	})
}
