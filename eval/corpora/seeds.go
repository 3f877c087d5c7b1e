package corpora

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/ingest"
	"github.com/credence-news/credence/internal/profile"
)

// SeedsDir is where the five seed articles are looked for.
var SeedsDir = filepath.Join("..", "shared", "seeds")

// SeedsSection scores the seed articles with the model fitted on the
// fixtures (what `credence fit` ships) and with the hand-set prior, and
// checks each against LABELS.md's reading:
// 002 > 001 > 003 > 000 by score, 004 unscorable. "" when the seeds are absent.
func SeedsSection(fitted *profile.Models) string {
	paths, _ := filepath.Glob(filepath.Join(SeedsDir, "*.txt"))
	if len(paths) != 5 {
		return ""
	}
	var b strings.Builder
	b.WriteString("## Seed articles\n\nThe five seeds (never part of the fit), scored by the models fitted above (what `make fit` writes to `internal/profile/`) and by the hand-set priors they start from. LABELS.md expects 002 > 001 > 003 > 000 and 004 unscorable.\n\n| seed | fitted score | band | reliability | slant | prior score | band |\n|---|---|---|---|---|---|---|\n")
	fit, err1 := engine.New(engine.Options{Models: fitted})
	prior, err2 := engine.New(engine.Options{Models: profile.Prior})
	if err1 != nil || err2 != nil {
		return ""
	}
	scores := map[string][2]float64{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		doc, err := ingest.Parse(p, "txt", data)
		if err != nil {
			continue
		}
		f, err1 := fit.Analyze(doc)
		a, err2 := prior.Analyze(doc)
		if err := errors.Join(err1, err2); err != nil {
			fmt.Fprintf(&b, "| %s | scorer error: %v | | | | | |\n", filepath.Base(p)[:3], err)
			continue
		}
		id := filepath.Base(p)[:3]
		scores[id] = [2]float64{f.Profile.Score, a.Profile.Score}
		fmt.Fprintf(&b, "| %s | %.1f | %s | %.1f | %.1f | %.1f | %s |\n", id, f.Profile.Score, f.Profile.Band, f.Profile.Reliability, f.Profile.Slant, a.Profile.Score, a.Profile.Band)
	}
	order := func(k int) bool {
		s := func(id string) float64 { return scores[id][k] }
		return s("002") > s("001") && s("001") > s("003") && s("003") > s("000")
	}
	fmt.Fprintf(&b, "\nExpected order holds: fitted %v, prior %v.\n", order(0), order(1))
	return b.String()
}
