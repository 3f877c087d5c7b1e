package lexicons

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWordLists checks words.yaml: every list says what it is for, holds
// its `in` words and none of its `out` words, has no repeats and only
// lower-case words; every reporting cue's roles are declared and the
// roles' examples hold; and every list is read by the engine's code.
func TestWordLists(t *testing.T) {
	w, err := LoadWordLists()
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range w.Lists {
		if strings.TrimSpace(l.Purpose) == "" || len(l.Words) == 0 || len(l.In) == 0 || len(l.Out) == 0 {
			t.Errorf("%s: needs a purpose, words, and in and out examples", name)
		}
		seen := map[string]bool{}
		for _, word := range l.Words {
			if seen[word] {
				t.Errorf("%s: %q twice", name, word)
			}
			seen[word] = true
			if word != strings.ToLower(word) || strings.TrimSpace(word) != word || word == "" {
				t.Errorf("%s: %q is not a folded word", name, word)
			}
		}
		for _, in := range l.In {
			if !seen[in] {
				t.Errorf("%s: %q must be in the list", name, in)
			}
		}
		for _, out := range l.Out {
			if seen[out] {
				t.Errorf("%s: %q must not be in the list", name, out)
			}
		}
	}
	rc := w.ReportingCues
	for word, roles := range rc.Words {
		for _, r := range roles {
			if _, ok := rc.Roles[r]; !ok {
				t.Errorf("reporting cue %q: unknown role %q", word, r)
			}
		}
	}
	for role := range rc.Roles {
		ex, ok := rc.Examples[role]
		if !ok || len(ex.In) == 0 || len(ex.Out) == 0 {
			t.Errorf("reporting-cue role %s: needs in and out examples", role)
		}
		cues := ReportingCues(role)
		for _, in := range ex.In {
			if !slices.Contains(cues, in) {
				t.Errorf("reporting-cue role %s: %q must have it", role, in)
			}
		}
		for _, out := range ex.Out {
			if slices.Contains(cues, out) {
				t.Errorf("reporting-cue role %s: %q must not have it", role, out)
			}
		}
	}
	// Every list and role is read somewhere in the engine (engine/, internal/).
	var src strings.Builder
	for _, dir := range []string{"engine", "internal"} {
		filepath.WalkDir(filepath.Join("..", dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				b, _ := os.ReadFile(path)
				src.Write(b)
			}
			return nil
		})
	}
	for name := range w.Lists {
		if !strings.Contains(src.String(), `"`+name+`"`) {
			t.Errorf("word list %s is read by no code", name)
		}
	}
	for role := range rc.Roles {
		if !strings.Contains(src.String(), `ReportingCues("`+role+`")`) && !strings.Contains(src.String(), `ReportingCueSet("`+role+`")`) {
			t.Errorf("reporting-cue role %s is read by no code", role)
		}
	}
}
