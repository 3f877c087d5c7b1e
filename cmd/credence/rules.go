package main

import (
	"flag"
	"fmt"
	json "github.com/goccy/go-json"
	"io"
	"strings"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/internal/lexicon"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	words := fs.String("words", "", "print the single words and phrases of the lexicon entries behind this rule, one per line (e.g. framing.loaded), for comparisons with word-list tools")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if *words != "" {
		d, err := engine.LoadData("", nil, nil)
		if err != nil {
			fmt.Fprintln(stderr, "credence rules:", err)
			return 2
		}
		seen := map[string]bool{}
		for _, lx := range d.Lexicons {
			for _, e := range lx.Entries {
				if lx.Categories[e.Category].Rule != *words {
					continue
				}
				for _, ph := range lexicon.Expand(e.Phrase) {
					// A compound's second half ("- hating", as in
					// "Trump-hating") is, in a plain list, its word.
					ph = strings.TrimPrefix(ph, "- ")
					if !strings.ContainsAny(ph, "*.") && !seen[ph] {
						seen[ph] = true
						fmt.Fprintln(stdout, ph)
					}
				}
			}
		}
		if len(seen) == 0 {
			fmt.Fprintf(stderr, "credence rules: no lexicon entries report %q\n", *words)
			return 2
		}
		return 0
	}
	rules := engine.Rules()
	switch *format {
	case "json":
		b, err := json.MarshalIndent(rules, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "credence rules:", err)
			return 2
		}
		fmt.Fprintln(stdout, string(b))
	case "text":
		for _, r := range rules {
			level := ""
			if r.DocumentLevel {
				level = ", document level"
			}
			fmt.Fprintf(stdout, "%s (%s%s)\n  %s\n  %s\n\n", r.ID, r.Severity, level, r.Summary, r.Doc)
		}
	default:
		fmt.Fprintf(stderr, "credence rules: unknown format %q (want text or json)\n", *format)
		return 2
	}
	return 0
}
