package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/credence-news/credence/engine"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	rules := engine.Rules()
	switch *format {
	case "json":
		b, _ := json.MarshalIndent(rules, "", "  ")
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
