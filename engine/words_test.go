package engine

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// TestReportingCuesAgree: the one list of reporting cues (words.yaml) and
// the phrase lexicon that finds them in context (sourcing.yaml's cue
// categories) agree: every cue the rules read is one the attribution stage
// can find.
func TestReportingCuesAgree(t *testing.T) {
	e := testEngine(t)
	sentence := map[string]string{ // cues that head a phrase
		"according": "According to officials, the plan would work.",
		"in":        "The ministry, in a statement, denied the plan.",
		"pointed":   "Officials pointed out that the plan would work.",
		"point":     "Officials point out that the plan would work.",
		"points":    "Officials points out that the plan would work.",
		"pointing":  "Officials pointing out that the plan would work.",
		"spoke":     "Officials spoke of a plan that would work.",
		"speaks":    "Officials speaks about a plan that would work.",
		"talked":    "Officials talked about a plan that would work.",
		"talks":     "Officials talks about a plan that would work.",
		"expressed": "Officials expressed confidence that the plan would work.",
		"expresses": "Officials expresses confidence that the plan would work.",
		"voiced":    "Officials voiced doubts that the plan would work.",
		"voices":    "Officials voices doubts that the plan would work.",
		"made":      "Officials made the case that the plan would work.",
		"makes":     "Officials makes the case that the plan would work.",
		"making":    "Officials making the case that the plan would work.",
	}
	seen := map[string]bool{}
	for _, role := range []string{"statement", "speech", "said", "headline"} {
		for _, cue := range lexicons.ReportingCues(role) {
			if seen[cue] {
				continue
			}
			seen[cue] = true
			s, ok := sentence[cue]
			if !ok {
				s = "Officials " + cue + " that the plan would work."
			}
			found := false
			for _, m := range e.data.Matcher.Find(text.Tokenize(s, e.data.Stems)) {
				switch m.Entry.Category {
				case "cue", "cue_quote", "cue_document":
					// The cue itself, not another in the sentence.
					found = found || strings.HasPrefix(strings.ToLower(s[m.Start:]), cue)
				}
			}
			if !found {
				t.Errorf("reporting cue %q (%s) is not found as a cue by sourcing.yaml in %q", cue, role, s)
			}
		}
	}
}
