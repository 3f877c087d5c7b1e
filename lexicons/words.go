package lexicons

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"
)

// WordsFile is the file of word lists the engine's code reads.
const WordsFile = "words.yaml"

// WordLists is words.yaml: named word lists, and the one list of words
// that report speech with the roles each rule reads them in.
type WordLists struct {
	Lists         map[string]WordList `yaml:"lists"`
	ReportingCues struct {
		Purpose  string                                `yaml:"purpose"`
		Roles    map[string]string                     `yaml:"roles"`
		Examples map[string]struct{ In, Out []string } `yaml:"examples"`
		Words    map[string][]string                   `yaml:"words"`
	} `yaml:"reporting_cues"`
}

// WordList is one list with what it is for and its must-be-in and
// must-stay-out examples.
type WordList struct {
	Purpose string   `yaml:"purpose"`
	Words   []string `yaml:"words"`
	In      []string `yaml:"in"`
	Out     []string `yaml:"out"`
}

// LoadWordLists parses words.yaml.
func LoadWordLists() (*WordLists, error) {
	data, err := FS.ReadFile(WordsFile)
	if err != nil {
		return nil, err
	}
	var w WordLists
	if err := yaml.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("%s: %v", WordsFile, err)
	}
	return &w, nil
}

// words is words.yaml, parsed once: the lists are package-level sets in
// the packages that use them. A build-time asset; its test loads it.
var words = func() *WordLists {
	w, err := LoadWordLists()
	if err != nil {
		panic("lexicons: " + err.Error())
	}
	return w
}()

// Words returns the named list of words.yaml. An unknown name is a bug in
// the code that asks (it panics at start-up, which every test exercises).
func Words(name string) []string {
	l, ok := words.Lists[name]
	if !ok {
		panic("lexicons: no word list " + name + " in " + WordsFile)
	}
	return slices.Clip(l.Words) // a caller's append must not write into the list
}

// Set returns the named list as a set.
func Set(name string) map[string]bool { return setOf(Words(name)) }

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// ReportingCues returns the words that report speech in the given role
// (see words.yaml's roles), sorted.
func ReportingCues(role string) []string {
	if _, ok := words.ReportingCues.Roles[role]; !ok {
		panic("lexicons: no reporting-cue role " + role + " in " + WordsFile)
	}
	var out []string
	for w, roles := range words.ReportingCues.Words {
		if slices.Contains(roles, role) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// ReportingCueSet returns ReportingCues(role) as a set.
func ReportingCueSet(role string) map[string]bool { return setOf(ReportingCues(role)) }
