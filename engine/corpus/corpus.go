// Package corpus generates a deterministic corpus of realistic news-like
// articles (1 KB to 50 KB) for benchmarks and throughput tests: datelines,
// named and anonymous attributions, quotes, figures and a sprinkling of
// loaded wording, built from the project's own sentence templates.
package corpus

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
)

var (
	cities    = []string{"PARIS", "BERLIN", "WARSAW", "KYIV", "LONDON", "MADRID", "ROME", "VIENNA", "OSLO", "LISBON", "ATHENS", "DUBLIN"}
	months    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	people    = []string{"Anna Kowalski", "Marco Bellini", "Sofia Lind", "David Okafor", "Elena Petrova", "Tomas Novak", "Ines Duarte", "Lukas Weber", "Mei Tanaka", "Omar Haddad"}
	roles     = []string{"the finance minister", "a senior economist", "the mayor", "the union leader", "a spokesperson for the ministry", "the chief executive", "the committee chair"}
	orgs      = []string{"the central bank", "the statistics office", "the health ministry", "the electoral commission", "the port authority", "the transport agency"}
	topics    = []string{"the budget", "the rail strike", "the new housing plan", "the trade talks", "the vaccine rollout", "the energy subsidy", "the border agreement", "the pension reform"}
	verbs     = []string{"said", "told reporters", "said in a statement", "wrote in a letter", "told parliament", "said on Tuesday"}
	loaded    = []string{"disastrous", "so-called", "embattled", "reckless", "shocking", "chaotic", "radical"}
	weasels   = []string{"Critics argue", "Analysts note", "Some say", "It is widely believed", "Observers say"}
	fillers   = []string{"The measure would take effect next year if approved.", "Talks are expected to resume next week.", "The government has not published a timetable.", "Previous attempts stalled in committee.", "Local councils will be consulted before a final decision.", "The proposal follows months of negotiation between the parties."}
	templates = []func(r *rand.Rand) string{
		func(r *rand.Rand) string {
			return fmt.Sprintf("%s, %s, %s that %s would be delayed until %s.", pick(r, people), pick(r, roles), pick(r, verbs), pick(r, topics), pick(r, months))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("“We will not accept %s in its current form,” %s %s.", pick(r, topics), pick(r, people), pick(r, verbs))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("According to %s, spending rose by %d%% to €%d million last year.", pick(r, orgs), 1+r.Intn(30), 10+r.Intn(900))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("%s that %s will hurt families in the north.", pick(r, weasels), pick(r, topics))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("The %s plan has drawn protests in %s, where %d people marched on Saturday, police said.", pick(r, loaded), titleCase(pick(r, cities)), 100+r.Intn(5000))
		},
		func(r *rand.Rand) string { return pick(r, fillers) },
		func(r *rand.Rand) string {
			return fmt.Sprintf("A source familiar with %s said the vote could slip, though there was no official confirmation.", pick(r, topics))
		},
	}
)

func pick(r *rand.Rand, xs []string) string { return xs[r.Intn(len(xs))] }

// Article returns the i-th article of the corpus with the given seed: its
// title and text, between about 1 KB and 50 KB (log-uniform).
func Article(seed int64, i int) (title, text string) {
	r := rand.New(rand.NewSource(seed*1_000_003 + int64(i)))
	size := int(1000 * math.Exp(r.Float64()*math.Log(50)))
	title = fmt.Sprintf("%s: %s faces a new test", titleCase(pick(r, cities)), pick(r, topics))
	var b strings.Builder
	b.WriteString(title)
	fmt.Fprintf(&b, "\n\nBy %s\n\n%s, %s %d, 2025 — ", pick(r, people), pick(r, cities), pick(r, months), 1+r.Intn(28))
	for b.Len() < size {
		for n := 2 + r.Intn(3); n > 0; n-- {
			b.WriteString(templates[r.Intn(len(templates))](r))
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return title, strings.TrimSpace(b.String()) + "\n"
}

// titleCase turns "PARIS" into "Paris" (the names are ASCII).
func titleCase(s string) string { return s[:1] + strings.ToLower(s[1:]) }
