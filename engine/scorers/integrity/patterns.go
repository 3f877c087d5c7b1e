package integrity

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
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
	re       *regexp.Regexp
}

// Match reports whether the (trimmed) line matches.
func (p *Pattern) Match(line string) bool {
	return p.matchLower(strings.TrimSpace(line), strings.ToLower(line))
}

// matchLower matches line, whose lower-case form is lower, keyword first.
func (p *Pattern) matchLower(line, lower string) bool {
	for _, k := range p.Keywords {
		if strings.Contains(lower, k) {
			return p.re.MatchString(line)
		}
	}
	return false
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
