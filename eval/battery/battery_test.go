package battery

import (
	"testing"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/lexicons"
)

// TestBatterySample runs a sample of the title battery (every fifth term
// end; `make eval` runs all of it): recall at least 0.95 and false alarms
// at most 0.5% in every date style.
func TestBatterySample(t *testing.T) {
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := Generate(k, 5)
	if len(cases) < 200 {
		t.Fatalf("%d cases: the sample is too small to say anything", len(cases))
	}
	counts, misses := Run(eng, cases)
	for _, style := range append([]string{"all"}, Styles...) {
		c := counts[style]
		t.Logf("%-18s recall %.3f (%d/%d), false alarms %.4f (%d/%d)", style, c.Recall(), c.Found, c.Expected, c.FalseAlarmRate(), c.FalseAlarms, c.Quiet)
		if c.Recall() < 0.95 || c.FalseAlarmRate() > 0.005 {
			t.Errorf("%s: recall %.3f, false alarms %.4f (want ≥ 0.95 and ≤ 0.005)", style, c.Recall(), c.FalseAlarmRate())
		}
	}
	for _, m := range misses {
		t.Log("miss:", m)
	}
}

// TestLifeBattery runs the life battery: "the late", the year of a death
// and a statement from the dead, for everyone with a date of death or
// recorded as living.
func TestLifeBattery(t *testing.T) {
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := GenerateLife(k)
	if len(cases) < 500 {
		t.Fatalf("%d cases: too few to say anything", len(cases))
	}
	counts, misses := Run(eng, cases)
	for _, style := range append([]string{"all"}, Styles...) {
		c := counts[style]
		t.Logf("%-18s recall %.3f (%d/%d), false alarms %.4f (%d/%d)", style, c.Recall(), c.Found, c.Expected, c.FalseAlarmRate(), c.FalseAlarms, c.Quiet)
		if c.Recall() < 0.95 || c.FalseAlarmRate() > 0.005 {
			t.Errorf("%s: recall %.3f, false alarms %.4f (want ≥ 0.95 and ≤ 0.005)", style, c.Recall(), c.FalseAlarmRate())
		}
	}
	for _, m := range misses {
		t.Log("miss:", m)
	}
}
