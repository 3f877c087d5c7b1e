package battery

import (
	"testing"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/lexicons"
)

// TestBatteries runs a sample of the title battery (every fifth term end;
// `make eval` runs all of it) and the whole life battery ("the late", the
// year of a death and a statement from the dead): recall at least 0.95
// and false alarms at most 0.5% in every date style.
func TestBatteries(t *testing.T) {
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		name    string
		cases   []Case
		atLeast int
	}{
		{"title battery sample", Generate(k, 5), 200},
		{"life battery", GenerateLife(k), 500},
	} {
		if len(b.cases) < b.atLeast {
			t.Fatalf("%s: %d cases, too few to say anything", b.name, len(b.cases))
		}
		counts, misses := Run(eng, b.cases)
		for _, style := range append([]string{"all"}, Styles...) {
			c := counts[style]
			t.Logf("%s, %-18s recall %.3f (%d/%d), false alarms %.4f (%d/%d)", b.name, style, c.Recall(), c.Found, c.Expected, c.FalseAlarmRate(), c.FalseAlarms, c.Quiet)
			if c.Recall() < 0.95 || c.FalseAlarmRate() > 0.005 {
				t.Errorf("%s, %s: recall %.3f, false alarms %.4f (want ≥ 0.95 and ≤ 0.005)", b.name, style, c.Recall(), c.FalseAlarmRate())
			}
		}
		for _, m := range misses {
			t.Log(b.name, "miss:", m)
		}
	}
}
