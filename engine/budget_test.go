package engine

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/credence-news/credence/engine/core"
)

// budgetCtx runs out after a given number of checks: a deterministic
// stand-in for a deadline that passes in the middle of the work.
type budgetCtx struct {
	context.Context
	left   atomic.Int64
	checks atomic.Int64
	closed chan struct{}
}

func newBudget(checks int64) *budgetCtx {
	c := &budgetCtx{Context: context.Background(), closed: make(chan struct{})}
	close(c.closed)
	c.left.Store(checks)
	return c
}

func (c *budgetCtx) Done() <-chan struct{} {
	c.checks.Add(1)
	if c.left.Add(-1) < 0 {
		return c.closed
	}
	return nil // never ready: the select falls through
}

func (c *budgetCtx) Err() error {
	if c.left.Load() < 0 {
		return context.DeadlineExceeded
	}
	return nil
}

// TestAnalyzeStopsWhenTheBudgetEnds: once the budget is gone every stage
// returns at its next check, so the work stops within a few checks instead
// of running through the remaining sentences and scorers.
func TestAnalyzeStopsWhenTheBudgetEnds(t *testing.T) {
	e := testEngine(t)
	text := strings.Repeat("The minister said on Monday that critics argue the plan is a disaster. ", 5000)
	doc := &core.Document{ID: "big", Source: "big.txt", Text: text}
	full := newBudget(1 << 40)
	if _, err := e.AnalyzeContext(full, doc); err != nil {
		t.Fatal(err)
	}
	for _, after := range []int64{0, 1, 10, 1000, full.checks.Load() / 2} {
		ctx := newBudget(after)
		res, err := e.AnalyzeContext(ctx, doc)
		if !errors.Is(err, context.DeadlineExceeded) || len(res.Findings) > 0 {
			t.Errorf("budget of %d checks: err %v, %d findings; want the deadline and no result", after, err, len(res.Findings))
		}
		// The Done channel is read once when the pass is built and once per
		// check; after the budget ends, each remaining stage checks once.
		if over := ctx.checks.Load() - after; over > 12 {
			t.Errorf("budget of %d checks: %d more checks after it ended (of %d for a full run)", after, over, full.checks.Load())
		}
	}
}

// TestAnalyzeContextDeadline: a real deadline in the past.
func TestAnalyzeContextDeadline(t *testing.T) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := testEngine(t).AnalyzeContext(ctx, &core.Document{Text: "The council met."})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
}
