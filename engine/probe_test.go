package engine

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateProbe = flag.Bool("update-probe", false, "rewrite testdata/probe_known.txt with the probe sentences the engine misses or flags today")

// TestOutletVoiceProbe holds the loaded-language rules to the team's probe
// of one-sentence reports (testdata/probe_sentences.tsv): each "loaded"
// sentence must get a framing finding against the outlet, each "plain" one
// none, except those listed in testdata/probe_known.txt. A sentence that
// starts failing, or a listed one that starts passing, fails the test: rerun
// with -update-probe when the change is meant.
func TestOutletVoiceProbe(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "probe_sentences.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var wrong []string
	loaded, found, plain, flagged := 0, 0, 0, 0
	for _, line := range strings.Split(string(raw), "\n") {
		kind, sentence, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		hit := false
		for _, f := range analyze(t, sentence, "").Findings {
			if strings.HasPrefix(f.Rule, "framing.") && !f.Quoted && f.Start < f.End {
				hit = true
			}
		}
		switch kind {
		case "loaded":
			loaded++
			if hit {
				found++
			} else {
				wrong = append(wrong, "missed\t"+sentence)
			}
		case "plain":
			plain++
			if hit {
				flagged++
				wrong = append(wrong, "flagged\t"+sentence)
			}
		default:
			t.Fatalf("probe line %q: kind %q, want loaded or plain", line, kind)
		}
	}
	t.Logf("loaded sentences found %d of %d, plain sentences flagged %d of %d", found, loaded, flagged, plain)
	known := filepath.Join("testdata", "probe_known.txt")
	if *updateProbe {
		if err := os.WriteFile(known, []byte(strings.Join(wrong, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(known)
	if err != nil {
		t.Fatal(err)
	}
	listed := strings.Split(strings.TrimSpace(string(b)), "\n")
	for _, w := range wrong {
		if !slices.Contains(listed, w) {
			t.Errorf("%s (not in probe_known.txt; rerun with -update-probe if meant)", strings.Replace(w, "\t", ": ", 1))
		}
	}
	for _, l := range listed {
		if l != "" && !slices.Contains(wrong, l) {
			t.Errorf("%s no longer happens: rerun with -update-probe", strings.Replace(l, "\t", ": ", 1))
		}
	}
	if found*100 < loaded*85 {
		t.Errorf("found %d of %d loaded sentences: below 85%%", found, loaded)
	}
}
