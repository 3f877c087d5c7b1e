// Package config reads .credence.yaml: which rules run, their severities,
// the check thresholds, extra lexicon and knowledge-base files, per-path
// overrides and a reference date. Unknown keys and bad values are errors
// that name the file, line and key.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/datafile"
)

// FileName is the configuration file looked for beside the inputs.
const FileName = ".credence.yaml"

// Rules selects and adjusts rules.
type Rules struct {
	Enable   []string                 `yaml:"enable"`  // when set, only these (globs)
	Disable  []string                 `yaml:"disable"` // globs
	Severity map[string]core.Severity `yaml:"severity"`
}

// Thresholds are the defaults of `credence check`.
type Thresholds struct {
	MinScore    *float64 `yaml:"min_score"`
	FailOn      []string `yaml:"fail_on"`
	MaxSeverity string   `yaml:"max_severity"`
	FailBands   []string `yaml:"fail_bands"`
}

// Override applies Rules to the inputs whose path matches one of Paths.
type Override struct {
	Paths []string `yaml:"paths"`
	Rules Rules    `yaml:"rules"`
}

// Config is one .credence.yaml.
type Config struct {
	Rules         Rules      `yaml:"rules"`
	Thresholds    Thresholds `yaml:"thresholds"`
	Lexicons      []string   `yaml:"lexicons"`       // extra lexicon files (paths relative to the config)
	KnowledgeBase []string   `yaml:"knowledge_base"` // extra KB files
	ReferenceDate string     `yaml:"reference_date"`
	// LearnedModel false keeps framing.loaded to the lexicons' entries: the
	// learned model's suggestions are not made (default true).
	LearnedModel *bool      `yaml:"learned_model"`
	Overrides    []Override `yaml:"overrides"`
	Path         string     `yaml:"-"`
	dir          string
}

// Error is a problem in a configuration file.
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Key, e.Msg)
}

var known = map[string][]string{
	"":           {"rules", "thresholds", "lexicons", "knowledge_base", "reference_date", "learned_model", "overrides"},
	"rules":      {"enable", "disable", "severity"},
	"thresholds": {"min_score", "fail_on", "max_severity", "fail_bands"},
	"override":   {"paths", "rules"},
}

// checkKeys walks the mapping and rejects keys not in known[section].
func checkKeys(file string, n *yaml.Node, section, path string) error {
	if n.Kind != yaml.MappingNode {
		return &Error{file, n.Line, orRoot(path), "must be a mapping"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ok := false
		for _, a := range known[section] {
			ok = ok || a == k.Value
		}
		key := strings.TrimPrefix(path+"."+k.Value, ".")
		if !ok {
			return &Error{file, k.Line, key, fmt.Sprintf("unknown key (allowed: %s)", strings.Join(known[section], ", "))}
		}
		switch k.Value {
		case "rules":
			if err := checkKeys(file, v, "rules", key); err != nil {
				return err
			}
		case "thresholds":
			if err := checkKeys(file, v, "thresholds", key); err != nil {
				return err
			}
		case "overrides":
			if v.Kind != yaml.SequenceNode {
				return &Error{file, v.Line, key, "must be a list"}
			}
			for j, o := range v.Content {
				if err := checkKeys(file, o, "override", fmt.Sprintf("%s[%d]", key, j)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func orRoot(p string) string {
	if p == "" {
		return "(top level)"
	}
	return p
}

// Parse reads and validates a configuration. knownRules lists valid rule IDs.
func Parse(file string, data []byte, knownRules []string) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		// "yaml: line 3: did not find expected ',' or ']'"
		line, msg := 0, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return nil, &Error{file, line, "(YAML syntax)", msg}
	}
	c := &Config{Path: file, dir: filepath.Dir(file)}
	if len(root.Content) == 0 {
		return c, nil
	}
	if err := checkKeys(file, root.Content[0], "", ""); err != nil {
		return nil, err
	}
	if err := checkSeverities(file, root.Content[0], ""); err != nil {
		return nil, err
	}
	if err := root.Content[0].Decode(c); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			// "line 2: cannot unmarshal !!str `abc` into float64": name the key.
			if m := yamlLine.FindStringSubmatch(te.Errors[0]); m != nil {
				line, _ := strconv.Atoi(m[1])
				value := ""
				if t := typeErr.FindStringSubmatch(m[2]); t != nil {
					value = t[2]
				}
				key := keyAt(root.Content[0], line, value, "")
				if key == "" {
					key = keyAt(root.Content[0], line, "", "")
				}
				return nil, &Error{file, line, orRoot(key), typeMessage(m[2])}
			}
		}
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	line := func(path ...string) int { return lineOf(root.Content[0], path...) }
	checkGlobs := func(globs []string, key string) error {
		for _, g := range globs {
			if _, err := filepath.Match(g, ""); err != nil {
				return &Error{file, line(strings.Split(key, ".")...), key, fmt.Sprintf("bad glob %q", g)}
			}
			if !matchesAny(g, knownRules) {
				return &Error{file, line(strings.Split(key, ".")...), key, fmt.Sprintf("%q matches no rule (see `credence rules`)", g)}
			}
		}
		return nil
	}
	for _, r := range []struct {
		rules Rules
		key   string
	}{{c.Rules, "rules"}} {
		if err := checkGlobs(r.rules.Enable, r.key+".enable"); err != nil {
			return nil, err
		}
		if err := checkGlobs(r.rules.Disable, r.key+".disable"); err != nil {
			return nil, err
		}
		for id := range r.rules.Severity {
			if !matchesAny(id, knownRules) {
				return nil, &Error{file, line("rules", "severity"), "rules.severity." + id, "unknown rule"}
			}
		}
	}
	for i, o := range c.Overrides {
		key := fmt.Sprintf("overrides[%d]", i)
		if len(o.Paths) == 0 {
			return nil, &Error{file, line("overrides"), key + ".paths", "an override needs at least one path glob"}
		}
		if err := checkGlobs(o.Rules.Enable, key+".rules.enable"); err != nil {
			return nil, err
		}
		if err := checkGlobs(o.Rules.Disable, key+".rules.disable"); err != nil {
			return nil, err
		}
	}
	t := c.Thresholds
	if t.MinScore != nil && !(*t.MinScore >= 0 && *t.MinScore <= 100) { // NaN fails every comparison
		return nil, &Error{file, line("thresholds", "min_score"), "thresholds.min_score", fmt.Sprintf("%v is not in 0-100", *t.MinScore)}
	}
	if t.MaxSeverity != "" {
		if _, err := core.ParseSeverity(t.MaxSeverity); err != nil {
			return nil, &Error{file, line("thresholds", "max_severity"), "thresholds.max_severity", err.Error()}
		}
	}
	for _, b := range t.FailBands {
		switch b {
		case "high", "medium", "low", "unscorable":
		default:
			return nil, &Error{file, line("thresholds", "fail_bands"), "thresholds.fail_bands", fmt.Sprintf("unknown band %q", b)}
		}
	}
	if err := checkGlobs(t.FailOn, "thresholds.fail_on"); err != nil {
		return nil, err
	}
	if c.ReferenceDate != "" {
		if _, err := time.Parse("2006-01-02", c.ReferenceDate); err != nil {
			return nil, &Error{file, line("reference_date"), "reference_date", fmt.Sprintf("%q is not YYYY-MM-DD", c.ReferenceDate)}
		}
	}
	for i, p := range c.Lexicons {
		c.Lexicons[i] = c.resolve(p)
	}
	for i, p := range c.KnowledgeBase {
		c.KnowledgeBase[i] = c.resolve(p)
	}
	return c, nil
}

// Dir is the configuration's folder: relative paths in it start there, and
// the data files it names may not leave it.
func (c *Config) Dir() string { return c.dir }

func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.dir, p)
}

var (
	yamlLine = regexp.MustCompile(`^line (\d+): (.*)$`)
	typeErr  = regexp.MustCompile("cannot unmarshal !!(\\w+) `(.*)` into (.+)$")
)

// typeMessage says in words what a YAML type error found and wanted.
func typeMessage(msg string) string {
	m := typeErr.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want := map[string]string{"float64": "a number", "int": "a whole number", "string": "text", "bool": "true or false",
		"[]string": "a list", "config.Rules": "a mapping of rules", "config.Thresholds": "a mapping of thresholds"}[m[3]]
	if want == "" {
		want = m[3]
	}
	got := map[string]string{"str": "text", "int": "a number", "float": "a number", "bool": "true or false", "seq": "a list", "map": "a mapping"}[m[1]]
	if got == "" {
		got = m[1]
	}
	return fmt.Sprintf("want %s, got %s %q", want, got, m[2])
}

// keyAt names the key whose value is on the given line (the deepest one;
// with value set, a scalar value equal to it), as a dotted path with list
// indexes ("overrides[0].rules.disable").
func keyAt(n *yaml.Node, line int, value, path string) string {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := strings.TrimPrefix(path+"."+k.Value, ".")
			if deeper := keyAt(v, line, value, key); deeper != "" {
				return deeper
			}
			if v.Line == line && (value == "" || v.Kind == yaml.ScalarNode && v.Value == value) {
				return key
			}
		}
	case yaml.SequenceNode:
		for i, v := range n.Content {
			if deeper := keyAt(v, line, value, fmt.Sprintf("%s[%d]", path, i)); deeper != "" {
				return deeper
			}
		}
	}
	return ""
}

// checkSeverities checks every rules.severity value (top level and in
// overrides) before decoding, so a bad one is named by line and key.
func checkSeverities(file string, n *yaml.Node, path string) error {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := strings.TrimPrefix(path+"."+k.Value, ".")
			if k.Value == "severity" && v.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(v.Content); j += 2 {
					if _, err := core.ParseSeverity(v.Content[j+1].Value); err != nil {
						return &Error{file, v.Content[j+1].Line, key + "." + v.Content[j].Value, err.Error()}
					}
				}
				continue
			}
			if err := checkSeverities(file, v, key); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, v := range n.Content {
			if err := checkSeverities(file, v, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// lineOf finds the line of a key path in a mapping.
func lineOf(n *yaml.Node, path ...string) int {
	line := n.Line
	for _, key := range path {
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				line, n, found = n.Content[i].Line, n.Content[i+1], true
				break
			}
		}
		if !found {
			break
		}
	}
	return line
}

func matchesAny(glob string, rules []string) bool {
	for _, r := range rules {
		if ok, _ := filepath.Match(glob, r); ok {
			return true
		}
	}
	return false
}

// Load reads a configuration file (a regular file inside its own folder,
// size-limited, like every data file it names).
func Load(path string, knownRules []string) (*Config, error) {
	data, err := datafile.Read(filepath.Dir(path), path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(path, data, knownRules)
	return c, datafile.CleanError(path, err)
}

// Find walks up from start (a file or directory) to the filesystem root and
// returns the first .credence.yaml, or "" if there is none.
func Find(start string) string {
	dir, err := filepath.Abs(start)
	if err != nil {
		return ""
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// RuleFilter decides, for one input path, whether a rule runs and at what severity.
type RuleFilter struct {
	rules []Rules
}

// ForPath returns the rule settings for an input: the top-level rules, then
// every override whose globs match the path (relative to the config file).
func (c *Config) ForPath(path string) RuleFilter {
	f := RuleFilter{rules: []Rules{c.Rules}}
	rel := path
	if abs, err := filepath.Abs(path); err == nil {
		if r, err := filepath.Rel(c.dir, abs); err == nil {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, o := range c.Overrides {
		for _, g := range o.Paths {
			if globMatch(g, rel) {
				f.rules = append(f.rules, o.Rules)
				break
			}
		}
	}
	return f
}

// globMatch matches a slash path against a glob where "**" spans directories.
func globMatch(glob, path string) bool {
	if !strings.Contains(glob, "**") {
		ok, _ := filepath.Match(glob, path)
		return ok
	}
	prefix, suffix, _ := strings.Cut(glob, "**")
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	rest := strings.TrimPrefix(path, prefix)
	suffix = strings.TrimPrefix(suffix, "/")
	if suffix == "" {
		return true
	}
	parts := strings.Split(rest, "/")
	for i := range parts {
		if ok, _ := filepath.Match(suffix, strings.Join(parts[i:], "/")); ok {
			return true
		}
	}
	return false
}

// Enabled reports whether a rule runs. The top-level enable list, when
// given, is the set of rules that run; disable globs switch rules off; an
// override's enable list switches matching rules back on.
func (f RuleFilter) Enabled(rule string) bool {
	on := true
	for i, r := range f.rules {
		if i == 0 && len(r.Enable) > 0 {
			on = anyGlob(rule, r.Enable)
		} else if anyGlob(rule, r.Enable) {
			on = true
		}
		if anyGlob(rule, r.Disable) {
			on = false
		}
	}
	return on
}

func anyGlob(rule string, globs []string) bool {
	for _, g := range globs {
		if ok, _ := filepath.Match(g, rule); ok {
			return true
		}
	}
	return false
}

// Severity returns the configured severity of a rule, if overridden.
func (f RuleFilter) Severity(rule string) (core.Severity, bool) {
	var sev core.Severity
	found := false
	for _, r := range f.rules {
		if s, ok := r.Severity[rule]; ok {
			sev, found = s, true
		}
	}
	return sev, found
}
