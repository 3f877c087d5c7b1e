package integrity

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/text"
)

// Pattern is one line pattern of lexicons/integrity.yaml.
type Pattern struct {
	Category string   `yaml:"category"`
	Re       string   `yaml:"re"`
	Whole    bool     `yaml:"whole"`
	Flag     []string `yaml:"flag"`
	Pass     []string `yaml:"pass"`
	// Keywords: one of these lower-case strings occurs in every match.
	Keywords []string `yaml:"keywords"`
	// Requires, when set: one of these occurs in every match as well (a
	// price needs a currency sign and a period: "$4/month", "£1 a week").
	Requires []string `yaml:"requires"`
	// Block: consecutive lines that match are one finding (a stylesheet
	// reads as one passage, not fifty).
	Block bool `yaml:"block"`
	// List: the line heads a list of links ("Related Coverage"): the
	// headline-like lines under it, up to the next paragraph, are the list.
	List bool `yaml:"list"`
	re   *regexp.Regexp
}

// Patterns is the compiled pattern set: one keyword matcher over tokens
// picks the few patterns whose regular expressions are worth running.
type Patterns struct {
	list     []*Pattern
	keywords *lexicon.Matcher
	// symbols are one-rune keywords that are not words ("$", "/"): a
	// currency sign is part of the word token "£5", so they are looked for
	// in the line's bytes instead, each with its keyword groups (as below).
	// A slice, not a map: it is walked for every short line.
	symbols []symbol
}

type symbol struct {
	text   string
	groups []int
}

// A keyword group is 2*i for pattern i's keywords and 2*i+1 for its
// requirements; the matcher's categories are the groups as strings.

// Compile builds the keyword matcher over the patterns' keywords (exact word
// forms, so "cookie" and "cookies" are listed apart).
func Compile(list []*Pattern) *Patterns {
	lx := &lexicon.Lexicon{Name: "integrity-keywords", Categories: map[string]lexicon.Category{}}
	var symbols []symbol
	for i, p := range list {
		for g, words := range [][]string{p.Keywords, p.Requires} {
			group := 2*i + g
			cat := strconv.Itoa(group)
			lx.Categories[cat] = lexicon.Category{}
			for _, k := range words {
				if r, size := utf8.DecodeRuneInString(k); size == len(k) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					j := slices.IndexFunc(symbols, func(s symbol) bool { return s.text == k })
					if j < 0 {
						j, symbols = len(symbols), append(symbols, symbol{text: k})
					}
					symbols[j].groups = append(symbols[j].groups, group)
					continue
				}
				lx.Entries = append(lx.Entries, &lexicon.Entry{Phrase: k, Category: cat, Exact: true, Weight: 1})
			}
		}
	}
	return &Patterns{list: list, keywords: lexicon.Compile(&text.StemCache{}, lx), symbols: symbols}
}

// match returns the first pattern that matches the line whose tokens are
// toks, or nil. whole-line patterns are tried only on short lines.
// matchScratch is match's reusable memory, one per document.
type matchScratch struct {
	sc  lexicon.Scratch
	ms  []lexicon.Match
	hit []bool
}

func (ps *Patterns) match(line string, toks []text.Token, sc *matchScratch) *Pattern {
	line = strings.TrimSpace(line)
	var hit []bool
	mark := func(group int) {
		if hit == nil {
			if len(sc.hit) != 2*len(ps.list) {
				sc.hit = make([]bool, 2*len(ps.list))
			}
			hit = sc.hit
			clear(hit)
		}
		hit[group] = true
	}
	sc.ms = ps.keywords.AppendMatches(sc.ms[:0], toks, &sc.sc)
	for _, m := range sc.ms {
		g, _ := strconv.Atoi(m.Entry.Category)
		mark(g)
	}
	for _, sym := range ps.symbols {
		if strings.Contains(line, sym.text) {
			for _, g := range sym.groups {
				mark(g)
			}
		}
	}
	if hit == nil {
		return nil
	}
	// The first pattern in the file's order, except that a paywall's wins
	// over furniture on the same line ("This article is for subscribers
	// only. Subscribe now for $1 a week." is a paywall, its price aside).
	var first *Pattern
	for i, p := range ps.list {
		if !hit[2*i] || len(p.Requires) > 0 && !hit[2*i+1] || p.Whole && len(line) > maxLabelLine || first != nil && p.Category != "paywall" {
			continue
		}
		if p.re.MatchString(line) {
			if p.Category == "paywall" {
				return p
			}
			first = p
		}
	}
	return first
}

// Match returns the pattern a line matches, or nil (for tests and tools;
// the scorer reuses the document's tokens).
func (ps *Patterns) Match(line string) *Pattern {
	return ps.match(line, text.Tokenize(line, nil), &matchScratch{})
}

// Match reports whether this one pattern matches the line.
func (p *Pattern) Match(line string) bool {
	return p.re.MatchString(strings.TrimSpace(line))
}

type patternFile struct {
	Name  string `yaml:"name"`
	About struct {
		Purpose   string `yaml:"purpose"`
		Selection string `yaml:"selection"`
		Sources   string `yaml:"sources"`
	} `yaml:"about"`
	Patterns []*Pattern `yaml:"patterns"`
}

var categories = map[string]bool{"paywall": true, "chrome": true, "comment_footer": true, "aggregator": true}

// ParsePatterns reads and compiles the integrity pattern file.
func ParsePatterns(file string, data []byte) ([]*Pattern, error) {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	var f patternFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	if f.About.Purpose == "" || f.About.Selection == "" || f.About.Sources == "" {
		return nil, fmt.Errorf("%s: about needs purpose, selection and sources", file)
	}
	for i, p := range f.Patterns {
		if !categories[p.Category] {
			return nil, fmt.Errorf("%s: pattern %d: unknown category %q", file, i+1, p.Category)
		}
		expr := p.Re
		if p.Whole {
			expr = "^(?:" + expr + ")[.!:]?$"
		}
		re, err := regexp.Compile("(?i)" + expr)
		if err != nil {
			return nil, fmt.Errorf("%s: pattern %d (%s): %v", file, i+1, p.Re, err)
		}
		p.re = re
		if len(p.Keywords) == 0 {
			return nil, fmt.Errorf("%s: pattern %d (%s) needs keywords", file, i+1, p.Re)
		}
	}
	return f.Patterns, nil
}
