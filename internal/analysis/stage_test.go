package analysis

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/engine/core"
)

func TestOrder(t *testing.T) {
	a := NewResult[int]("a")
	b := NewResult[string]("b")
	c := NewResult[bool]("c")
	produceA := NewStage("makes a", a, nil, func(*Pass) int { return 1 })
	produceB := NewStage("makes b from a", b, []Key{a}, func(*Pass) string { return "" })
	useB := NewStage[struct{}]("uses b", nil, []Key{b}, func(*Pass) struct{} { return struct{}{} })
	for _, c := range []struct {
		name   string
		stages []*Stage
		want   string // the order by name, or the error's text
	}{
		{"already in order", []*Stage{produceA, produceB, useB}, "makes a, makes b from a, uses b"},
		{"reversed", []*Stage{useB, produceB, produceA}, "makes a, makes b from a, uses b"},
		{"missing producer", []*Stage{produceB, useB}, `stage "makes b from a" requires "a", which no stage produces`},
		{"two producers", []*Stage{produceA, NewStage("makes a again", a, nil, func(*Pass) int { return 2 })}, `both produce "a"`},
		{"cycle", []*Stage{
			NewStage("x", b, []Key{c}, func(*Pass) string { return "" }),
			NewStage("y", c, []Key{b}, func(*Pass) bool { return false }),
		}, "cycle: x → y → x"},
	} {
		got, err := Order(c.stages)
		var names []string
		for _, s := range got {
			names = append(names, s.Name)
		}
		if msg := strings.Join(names, ", "); err != nil && !strings.Contains(err.Error(), c.want) || err == nil && msg != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, msg, err, c.want)
		}
	}
}

// TestResultOf: a stage reads what it declared, typed; reading an
// undeclared result is a bug that names the stage and the result.
func TestResultOf(t *testing.T) {
	count := NewResult[int]("count")
	other := NewResult[core.Integrity]("other")
	p := &Pass{}
	NewStage("counter", count, nil, func(*Pass) int { return 42 }).Run(p)
	var got int
	NewStage[struct{}]("reader", nil, []Key{count}, func(p *Pass) struct{} { got = ResultOf(p, count); return struct{}{} }).Run(p)
	if got != 42 {
		t.Errorf("ResultOf = %d, want 42", got)
	}
	if v := ResultOf(p, other); v.Unscorable != "" {
		t.Errorf("a result never produced reads %+v, want the zero value", v)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `stage "sneak" reads "count" without requiring it`) {
			t.Errorf("undeclared read: recover() = %v", r)
		}
	}()
	NewStage[struct{}]("sneak", nil, nil, func(p *Pass) struct{} { ResultOf(p, count); return struct{}{} }).Run(p)
}
