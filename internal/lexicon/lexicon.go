// Package lexicon loads the project's word and phrase lists (YAML files in
// lexicons/), validates them with errors that name file, line and field, and
// compiles them into a trie over token stems that matches every entry in one
// pass over a document.
package lexicon

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/credence-news/credence/internal/text"
)

// Entry is one word or phrase.
type Entry struct {
	Phrase   string  `yaml:"phrase"`
	Category string  `yaml:"category"`
	Weight   float64 `yaml:"weight"`
	// Exact matches folded word forms instead of stems ("reportedly" but not "report").
	Exact bool `yaml:"exact"`
	// UnlessNear cancels a match when one of these words is within Window tokens
	// (literal senses: "the storm slammed the coast").
	UnlessNear []string `yaml:"unless_near"`
	// UnlessNext cancels a match when the word right after it is one of
	// these (word forms): the next word tells the part of speech ("boasted
	// a collection" is possession, "ignorant of" is unaware).
	UnlessNext []string `yaml:"unless_next"`
	// UnlessPrev cancels a match when the word right before it is one of
	// these (word forms): a possessive or a determiner names whose it is
	// ("his research shows" is someone's research, "research shows" no one's).
	UnlessPrev []string `yaml:"unless_prev"`
	// Flag is a sentence the entry must match; Pass one it must not.
	Flag []string `yaml:"flag"`
	Pass []string `yaml:"pass"`
	Note string   `yaml:"note"`
	// Polarity is the tone toward whatever the words describe: -1, 0 or +1.
	Polarity int `yaml:"polarity"`
	// AgentSpeaks: the words report someone's evaluation ("hailed", "lauded"):
	// with an identified subject ("Obama hailed the ruling") the evaluation is
	// the subject's, described; only agentless ("the deal, hailed as", "was
	// hailed") or with a vague subject ("critics hailed") is it the outlet's.
	AgentSpeaks bool `yaml:"agent_speaks"`

	Source string `yaml:"-"` // file:line
	// Set by Compile: the entry's lexicon, its category's rule, and its
	// UnlessNear stems and UnlessNext and UnlessPrev forms as ids.
	lex                            *Lexicon
	rule                           string
	unless, unlessNext, unlessPrev []int32
}

// Category describes a group of entries and the rule its matches report.
type Category struct {
	Rule        string `yaml:"rule"`
	Description string `yaml:"description"`
}

// About is the required header of every lexicon file.
type About struct {
	Purpose   string `yaml:"purpose"`
	Selection string `yaml:"selection"`
	Sources   string `yaml:"sources"`
}

// Lexicon is one loaded file.
type Lexicon struct {
	Name       string              `yaml:"name"`
	About      About               `yaml:"about"`
	Negation   bool                `yaml:"negation"` // cancel matches right after "not", "no", "never"
	Categories map[string]Category `yaml:"categories"`
	Entries    []*Entry            `yaml:"entries"`
	File       string              `yaml:"-"`
}

// Bind ties an entry to the lexicon and category whose rule and
// description its matches report: Compile binds every entry it reads, and
// an entry made in code that no phrase matches (the learned model's spans)
// is bound by its maker.
func (lx *Lexicon) Bind(e *Entry) *Entry {
	e.lex, e.rule = lx, lx.Categories[e.Category].Rule
	return e
}

// Window is how many tokens either side UnlessNear and negation look at.
const Window = 3

// LoadFS reads every *.yaml lexicon (not the knowledge base) in fsys.
func LoadFS(fsys fs.FS, names ...string) ([]*Lexicon, error) {
	var out []*Lexicon
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", n, err)
		}
		lx, err := Parse(n, data)
		if err != nil {
			return nil, err
		}
		out = append(out, lx)
	}
	return out, nil
}

// Error is a problem in a lexicon file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var (
	topKeys      = set("name", "about", "negation", "categories", "entries")
	aboutKeys    = set("purpose", "selection", "sources")
	entryKeys    = set("phrase", "category", "weight", "exact", "unless_near", "unless_next", "unless_prev", "flag", "pass", "note", "polarity", "agent_speaks")
	categoryKeys = set("rule", "description")
)

func set(keys ...string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// checkKeys rejects keys a mapping node should not have.
func checkKeys(file string, n *yaml.Node, allowed map[string]bool, where string) error {
	if n.Kind != yaml.MappingNode {
		return &Error{file, n.Line, where + " must be a mapping"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !allowed[k.Value] {
			keys := make([]string, 0, len(allowed))
			for a := range allowed {
				keys = append(keys, a)
			}
			sort.Strings(keys)
			return &Error{file, k.Line, fmt.Sprintf("unknown key %q in %s (allowed: %s)", k.Value, where, strings.Join(keys, ", "))}
		}
	}
	return nil
}

// Parse reads and validates one lexicon file.
func Parse(file string, data []byte) (*Lexicon, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	if len(doc.Content) == 0 {
		return nil, &Error{file, 1, "empty lexicon"}
	}
	root := doc.Content[0]
	if err := checkKeys(file, root, topKeys, "the lexicon"); err != nil {
		return nil, err
	}
	lx := &Lexicon{File: file}
	if err := root.Decode(lx); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "about":
			if err := checkKeys(file, v, aboutKeys, "about"); err != nil {
				return nil, err
			}
		case "categories":
			for j := 0; j+1 < len(v.Content); j += 2 {
				if err := checkKeys(file, v.Content[j+1], categoryKeys, "category "+v.Content[j].Value); err != nil {
					return nil, err
				}
			}
		case "entries":
			if v.Kind != yaml.SequenceNode {
				return nil, &Error{file, v.Line, "entries must be a list"}
			}
			for j, en := range v.Content {
				if err := checkKeys(file, en, entryKeys, "an entry"); err != nil {
					return nil, err
				}
				if j < len(lx.Entries) {
					lx.Entries[j].Source = fmt.Sprintf("%s:%d", file, en.Line)
				}
			}
		}
	}
	if lx.Name == "" {
		return nil, &Error{file, root.Line, "missing name"}
	}
	if lx.About.Purpose == "" || lx.About.Selection == "" || lx.About.Sources == "" {
		return nil, &Error{file, root.Line, "about needs purpose, selection and sources (what the list is for, how entries were chosen, where its facts come from)"}
	}
	seen := map[string]string{}
	for _, e := range lx.Entries {
		line := lineOf(e.Source)
		if strings.TrimSpace(e.Phrase) == "" {
			return nil, &Error{file, line, "entry has no phrase"}
		}
		if _, ok := lx.Categories[e.Category]; !ok {
			return nil, &Error{file, line, fmt.Sprintf("entry %q: unknown category %q", e.Phrase, e.Category)}
		}
		if !balanced(e.Phrase) {
			return nil, &Error{file, line, fmt.Sprintf("entry %q: its parentheses do not pair up (a group of alternatives is written \"(a|b)\")", e.Phrase)}
		}
		if e.Weight == 0 {
			e.Weight = 1
		}
		if e.Weight < 0 || e.Weight > 3 {
			return nil, &Error{file, line, fmt.Sprintf("entry %q: weight %v out of range (0, 3]", e.Phrase, e.Weight)}
		}
		// A context word is one token, a word or a punctuation mark:
		// "e-mail" would tokenize to "e", "-" and "mail", and the dash alone
		// would cancel the entry beside any hyphenated word.
		for _, u := range slices.Concat(e.UnlessNear, e.UnlessNext, e.UnlessPrev) {
			if u == "" || utf8.RuneCountInString(u) > 1 && strings.ContainsFunc(u, notWordRune) {
				return nil, &Error{file, line, fmt.Sprintf("entry %q: context word %q must be one word of letters or digits, or one punctuation mark", e.Phrase, u)}
			}
		}
		key := text.Fold(e.Phrase) + "\x00" + e.Category
		if prev, dup := seen[key]; dup {
			return nil, &Error{file, line, fmt.Sprintf("entry %q duplicates the one at %s", e.Phrase, prev)}
		}
		seen[key] = e.Source
	}
	return lx, nil
}

// balanced reports whether every "(" of a phrase is closed, in order.
func balanced(phrase string) bool {
	depth := 0
	for _, c := range []byte(phrase) {
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func lineOf(source string) int {
	var line int
	if i := strings.LastIndexByte(source, ':'); i >= 0 {
		fmt.Sscanf(source[i+1:], "%d", &line)
	}
	return line
}
