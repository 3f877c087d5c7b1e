// Package engine wires the pipeline: a Document is analysed into a Pass, the
// scorers in Scorers() report findings on it, and the profile turns findings
// into a reliability verdict. Callers (the CLI, the server, the Beam pipeline)
// go through Engine.Analyze and never call scorers directly.
package engine

import (
	"fmt"
	"sort"

	"github.com/credence-news/credence/engine/analysis"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/profile"
	"github.com/credence-news/credence/engine/scorers/integrity"
	"github.com/credence-news/credence/engine/scorers/transparency"
	"github.com/credence-news/credence/engine/text"
)

// Scorers returns the scorers in the order they run. Integrity runs first:
// it marks page chrome that the others then skip.
func Scorers() []analysis.Scorer {
	return []analysis.Scorer{
		integrity.New(),
		transparency.New(),
	}
}

// Rules returns every rule of every scorer, sorted by ID.
func Rules() []core.Rule {
	var rules []core.Rule
	for _, s := range Scorers() {
		rules = append(rules, s.Rules()...)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// Options configure an Engine.
type Options struct {
	// Tokenizer is "fast" (default) or "bert" (github.com/sugarme/tokenizer).
	Tokenizer string
	// Only, when non-empty, limits scoring to rules whose ID it holds.
	Only map[string]bool
}

// Engine scores documents. It is safe for concurrent use; lexicons and caches
// are built once.
type Engine struct {
	scorers []analysis.Scorer
	spans   func(string) [][2]int
	stems   *text.StemCache
	only    map[string]bool
}

// New builds an engine.
func New(opt Options) (*Engine, error) {
	e := &Engine{scorers: Scorers(), spans: text.Spans, stems: &text.StemCache{}, only: opt.Only}
	switch opt.Tokenizer {
	case "", "fast":
	case "bert":
		e.spans = text.BertSpans
	default:
		return nil, fmt.Errorf("unknown tokenizer %q (want fast or bert)", opt.Tokenizer)
	}
	return e, nil
}

// Analyze scores one document. The error reports scorer bugs (invalid spans);
// the result is still complete without the offending findings.
func (e *Engine) Analyze(doc *core.Document) (core.Result, error) {
	p := analysis.NewPass(doc, e.spans, e.stems)
	for _, s := range e.scorers {
		s.Score(p)
	}
	findings := p.Findings
	if e.only != nil {
		kept := findings[:0]
		for _, f := range findings {
			if e.only[f.Rule] {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	sort.SliceStable(findings, func(i, j int) bool {
		if findings[i].Start != findings[j].Start {
			return findings[i].Start < findings[j].Start
		}
		return findings[i].Rule < findings[j].Rule
	})
	if findings == nil {
		findings = []core.Finding{}
	}
	res := core.Result{
		ID: doc.ID, Source: doc.Source, Title: doc.Title, Byline: doc.Byline, Published: doc.Published,
		RefDate: p.RefDate, Findings: findings, Words: p.Words, Doc: doc,
	}
	res.Profile = profile.Compute(p, findings)
	var err error
	if len(p.Errs) > 0 {
		err = fmt.Errorf("%s: %d finding(s) dropped for invalid spans: %v", doc.Source, len(p.Errs), p.Errs[0])
	}
	return res, err
}
