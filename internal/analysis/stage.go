package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/credence-news/credence/engine/core"
)

// Result names a typed value one stage produces and later stages (and the
// profile) read: the go/analysis shape (Requires, ResultOf) with the type
// fixed by the key, so a reader gets a T, never an any to assert.
type Result[T any] struct {
	name string
	id   int
}

// Key is any Result, for declaring what a stage requires or produces.
type Key interface {
	Name() string
	keyID() int
}

var keyCount int

// NewResult declares a result. Results are package-level values, declared
// once at start-up.
func NewResult[T any](name string) *Result[T] {
	keyCount++
	return &Result[T]{name: name, id: keyCount}
}

// Name is the result's name, for error messages.
func (r *Result[T]) Name() string { return r.name }
func (r *Result[T]) keyID() int   { return r.id }

// The results that flow between the stages. Scorers may not import one
// another, so the keys live here, beside the pass they travel on.
var (
	// Attributions: who says what (the attribution stage; also Pass.Attributions).
	Attributions = NewResult[[]Attribution]("attributions")
	// RefDate: the article's reference date (also Pass.RefDate).
	RefDate = NewResult[core.RefDate]("reference date")
	// Integrity: page furniture marked as excluded (Pass.Excluded) and
	// whether enough article remains to score.
	Integrity = NewResult[core.Integrity]("integrity")
	// Sourcing, Framing and Factual: what the scorers of those dimensions
	// counted, for the profile.
	Sourcing = NewResult[*core.SourcingStats]("sourcing statistics")
	Framing  = NewResult[*core.FramingStats]("framing statistics")
	Factual  = NewResult[core.FactualChecks]("factual checks")
	// Quantities: counted quantities ("30 nations"), for cross-outlet comparison.
	Quantities = NewResult[[]core.Quantity]("quantities")
)

// Stage is one step of the analysis after tokenizing: the attribution and
// reference-date stages and every scorer. It declares the results it reads
// and the one it produces; the engine runs stages in an order derived from
// these declarations (Order) and rejects a cycle or a missing producer when
// it starts.
type Stage struct {
	Name     string
	Requires []Key
	Produces Key // nil: the stage only reports findings
	run      func(p *Pass)
}

// NewStage declares a stage that produces result (nil for none) from run.
func NewStage[T any](name string, result *Result[T], requires []Key, run func(p *Pass) T) *Stage {
	s := &Stage{Name: name, Requires: requires}
	if result == nil {
		s.run = func(p *Pass) { run(p) }
		return s
	}
	s.Produces = result
	s.run = func(p *Pass) {
		v := run(p)
		if p.results == nil {
			p.results = map[int]any{}
		}
		p.results[result.id] = v
	}
	return s
}

// Run runs the stage on p; ResultOf then serves what it declared.
func (s *Stage) Run(p *Pass) {
	p.current = s
	defer func() { p.current = nil }()
	s.run(p)
}

// ResultOf returns the result r on p. A stage may read only what it
// declared in Requires (a stage reading an undeclared result is a bug,
// reported as a panic naming both); outside any stage (the engine, the
// profile) every result produced so far is readable. A result that was
// not produced (its stage did not run) is T's zero value.
func ResultOf[T any](p *Pass, r *Result[T]) T {
	if s := p.current; s != nil && !slices.ContainsFunc(s.Requires, func(k Key) bool { return k.keyID() == r.id }) {
		panic(fmt.Sprintf("analysis: stage %q reads %q without requiring it", s.Name, r.name))
	}
	v, _ := p.results[r.id].(T)
	return v
}

// Order returns the stages so that each runs after the producers of what
// it requires, keeping the given order where the declarations leave it
// free. It fails on a result required but produced by no stage, two
// producers of one result, or a cycle.
func Order(stages []*Stage) ([]*Stage, error) {
	producer := map[int]*Stage{}
	for _, s := range stages {
		if s.Produces == nil {
			continue
		}
		if other, dup := producer[s.Produces.keyID()]; dup {
			return nil, fmt.Errorf("stages %q and %q both produce %q", other.Name, s.Name, s.Produces.Name())
		}
		producer[s.Produces.keyID()] = s
	}
	for _, s := range stages {
		for _, k := range s.Requires {
			if producer[k.keyID()] == nil {
				return nil, fmt.Errorf("stage %q requires %q, which no stage produces", s.Name, k.Name())
			}
		}
	}
	var out []*Stage
	state := map[*Stage]int{} // 1 visiting, 2 done
	var visit func(s *Stage, path []string) error
	visit = func(s *Stage, path []string) error {
		switch state[s] {
		case 1:
			return fmt.Errorf("stages require each other in a cycle: %s", strings.Join(append(path, s.Name), " → "))
		case 2:
			return nil
		}
		state[s] = 1
		for _, k := range s.Requires {
			if err := visit(producer[k.keyID()], append(path, s.Name)); err != nil {
				return err
			}
		}
		state[s] = 2
		out = append(out, s)
		return nil
	}
	for _, s := range stages {
		if err := visit(s, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Memo returns the value r holds on p, computing it with compute the first
// time: a per-document cache for a stage's own working data (not a result
// another stage may require, so ResultOf's declarations do not apply).
func Memo[T any](p *Pass, r *Result[T], compute func() T) T {
	if v, ok := p.results[r.id].(T); ok {
		return v
	}
	v := compute()
	if p.results == nil {
		p.results = map[int]any{}
	}
	p.results[r.id] = v
	return v
}
