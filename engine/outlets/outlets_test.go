package outlets

import (
	"testing"

	"github.com/credence-news/credence/engine/core"
)

func TestOf(t *testing.T) {
	for _, c := range []struct {
		r    core.Result
		want string
	}{
		{core.Result{Outlet: "The Daily", URL: "https://www.example.com/a"}, "The Daily"},
		{core.Result{URL: "https://WWW.Example.com/a/b?c=1"}, "example.com"},
		{core.Result{URL: "https://news.example.co.uk/x"}, "example.co.uk"},
		{core.Result{URL: "https://thecaucus.blogs.nytimes.com/2012/x"}, "nytimes.com"},
		{core.Result{URL: "http://localhost:8080/a"}, "localhost"},
		{core.Result{Byline: "By Jane Doe, Reuters"}, "Reuters"},
		{core.Result{Byline: "By Jane Doe, staff writer"}, Unknown},
		{core.Result{Byline: "Jane Doe and John Roe"}, Unknown},
		{core.Result{URL: "not a url"}, Unknown},
		{core.Result{}, Unknown},
	} {
		if got := Of(c.r); got != c.want {
			t.Errorf("Of(%+v) = %q, want %q", c.r, got, c.want)
		}
	}
}

func result(outlet, id string, score, reliability, slant float64, words int, rules ...string) core.Result {
	r := core.Result{ID: id, Source: id + ".txt", Outlet: outlet, Words: words,
		Profile: &core.Profile{Score: score, Band: "medium", Reliability: reliability, Slant: slant, Dimensions: map[string]float64{"sourcing": score}}}
	for _, rule := range rules {
		r.Findings = append(r.Findings, core.Finding{Rule: rule})
	}
	return r
}

func TestSummarize(t *testing.T) {
	quoted := result("a", "a3", 70, 70, 10, 1000, "framing.loaded")
	quoted.Findings[0].Quoted = true
	unscorable := result("a", "a4", 20, 20, 0, 100, "integrity.paywall")
	unscorable.Profile.Band = "unscorable"
	got := Summarize([]core.Result{
		result("b", "b1", 40, 50, 60, 500, "framing.loaded"),
		result("a", "a1", 80, 82, 10, 1000, "sourcing.weasel", "framing.loaded"),
		result("a", "a2", 60, 64, 30, 1000, "sourcing.weasel"),
		quoted, unscorable,
	})
	if len(got) != 2 || got[0].Outlet != "a" || got[1].Outlet != "b" {
		t.Fatalf("outlets %+v: want a (4 articles) then b", got)
	}
	a := got[0]
	if a.Articles != 4 || a.Scored != 3 {
		t.Errorf("a: %d articles, %d scored; want 4 and 3 (the unscorable one is not averaged)", a.Articles, a.Scored)
	}
	if a.Score.Mean != 70 || a.Score.StdDev != 10 || a.Reliability.Mean != 72 || a.Slant.Mean != 16.7 {
		t.Errorf("a: score %+v reliability %+v slant %+v", a.Score, a.Reliability, a.Slant)
	}
	// t(2) 97.5% = 4.303: 70 ± 4.303·10/√3 = 70 ± 24.8.
	if a.Score.Lo != 45.2 || a.Score.Hi != 94.8 {
		t.Errorf("a: score interval %.1f–%.1f, want 45.2–94.8", a.Score.Lo, a.Score.Hi)
	}
	if len(a.TopRules) != 2 || a.TopRules[0] != (RuleRate{"sourcing.weasel", 2, 0.67}) || a.TopRules[1] != (RuleRate{"framing.loaded", 1, 0.33}) {
		t.Errorf("a: top rules %+v (the quoted finding is the speaker's, not the outlet's)", a.TopRules)
	}
	if a.MostReliable.ID != "a1" || a.LeastReliable.ID != "a2" {
		t.Errorf("a: most %v least %v", a.MostReliable, a.LeastReliable)
	}
	b := got[1]
	if b.Score.StdDev != 0 || b.Score.Lo != 40 || b.Score.Hi != 40 {
		t.Errorf("b, one article: %+v, want no spread", b.Score)
	}
}

// TestAggregateIgnoresOrder: a pipeline may add an outlet's results in any
// order (Beam groups them as it likes) and must get the CLI's figures (the
// Beam test once saw a mean reliability of 68.0 against the CLI's 67.9).
func TestAggregateIgnoresOrder(t *testing.T) {
	var rs []core.Result
	// These scores' mean is 56.95 give or take a float's last bit: summed in
	// one order it rounds to 56.9, rotated by one to 57.0.
	for i, s := range []float64{13.7, 1.9, 98.5, 46.3, 89.2, 92.1} {
		rs = append(rs, core.Result{ID: string(rune('a' + i)), Profile: &core.Profile{Score: s, Reliability: s - 2.35, Slant: 100 - s, Band: "medium",
			Dimensions: map[string]float64{"sourcing": s / 3, "framing": 99.9 - s/7}}})
	}
	want := aggregateOf(rs)
	for shift := 1; shift < len(rs); shift++ {
		rotated := append(append([]core.Result{}, rs[shift:]...), rs[:shift]...)
		if got := aggregateOf(rotated); got.Score != want.Score || got.Reliability != want.Reliability || got.Slant != want.Slant ||
			got.Dimensions["sourcing"] != want.Dimensions["sourcing"] || got.Dimensions["framing"] != want.Dimensions["framing"] {
			t.Errorf("order %d: %+v, want %+v", shift, got, want)
		}
	}
}

func aggregateOf(rs []core.Result) Aggregate {
	a := NewAccumulator("x")
	for _, r := range rs {
		a.Add(r)
	}
	return a.Aggregate()
}
