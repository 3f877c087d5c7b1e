package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/config"
	"github.com/credence-news/credence/internal/lexicon"
)

func runKB(args []string, stdout, stderr io.Writer) int {
	usage := func() {
		fmt.Fprintln(stderr, "Usage:\n  credence kb lookup NAME [--date YYYY-MM-DD]   what the knowledge base knows about a person\n  credence kb validate [--config FILE]         check the knowledge base and lexicons (with a configuration's own), running every entry's examples")
	}
	if len(args) == 0 {
		usage()
		return 2
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage()
		return 0
	case "validate":
		fs := flag.NewFlagSet("kb validate", flag.ContinueOnError)
		fs.SetOutput(stderr)
		cfgPath := fs.String("config", "", "also validate the lexicons and knowledge-base files this configuration names (default: the nearest "+config.FileName+" above the current folder)")
		if err := fs.Parse(args[1:]); err != nil {
			return flagExit(err)
		}
		cfg, err := loadConfig(*cfgPath, []string{"."})
		if err != nil {
			fmt.Fprintln(stderr, "credence kb validate:", err)
			return 1
		}
		root, lexs, kbs := "", []string(nil), []string(nil)
		if cfg != nil {
			root, lexs, kbs = cfg.Dir(), cfg.Lexicons, cfg.KnowledgeBase
		}
		d, err := engine.LoadData(root, lexs, kbs)
		if err != nil {
			fmt.Fprintln(stderr, "credence kb validate:", err)
			return 1
		}
		// Every entry's flag and pass sentences, with the lexicons it runs beside.
		checked, errs := lexicon.CheckExamples(d.Matcher, d.Stems, d.Lexicons...)
		for _, err := range errs {
			fmt.Fprintln(stderr, "credence kb validate:", err)
		}
		eng, err := engine.New(engine.Options{DataRoot: root, Lexicons: lexs, KnowledgeBase: kbs})
		if err != nil {
			fmt.Fprintln(stderr, "credence kb validate:", err)
			return 1
		}
		events, evErrs := eng.CheckEventExamples()
		for _, err := range evErrs {
			fmt.Fprintln(stderr, "credence kb validate:", err)
		}
		if len(errs)+len(evErrs) > 0 {
			return 1
		}
		entries := 0
		for _, lx := range d.Lexicons {
			entries += len(lx.Entries)
		}
		fmt.Fprintf(stdout, "ok: %d people, %d countries, %d events (%d examples checked); %d lexicon entries in %d lexicons (%d examples checked); %d page patterns\n",
			len(d.KB.People), len(d.KB.Countries), len(d.KB.Events), events, entries, len(d.Lexicons), checked, len(d.Chrome))
		return 0
	case "lookup":
		fs := flag.NewFlagSet("kb lookup", flag.ContinueOnError)
		fs.SetOutput(stderr)
		date := fs.String("date", "", "show the offices held on this day (YYYY-MM-DD)")
		// Accept the name before or after the flags.
		name, err := parseInterspersed(fs, args[1:])
		if err != nil {
			return flagExit(err)
		}
		if len(name) == 0 {
			usage()
			return 2
		}
		var at time.Time
		if *date != "" {
			t, err := time.Parse("2006-01-02", *date)
			if err != nil {
				fmt.Fprintf(stderr, "credence kb lookup: --date %q: want YYYY-MM-DD\n", *date)
				return 2
			}
			at = t
		}
		d, err := engine.LoadData("", nil, nil)
		if err != nil {
			fmt.Fprintln(stderr, "credence kb lookup:", err)
			return 1
		}
		q := strings.Join(name, " ")
		people := d.KB.Lookup(q)
		if len(people) == 0 {
			fmt.Fprintf(stderr, "credence kb lookup: no person named %q in the knowledge base\n", q)
			return 1
		}
		for _, p := range people {
			fmt.Fprintf(stdout, "%s (%s)\n  given names: %s\n  surnames:    %s\n", p.Name(), p.ID, strings.Join(p.Given, ", "), strings.Join(p.Surname, ", "))
			if len(p.WrongGiven) > 0 {
				fmt.Fprintf(stdout, "  known wrong given names: %s\n", strings.Join(p.WrongGiven, ", "))
			}
			for _, h := range p.Honorifics {
				fmt.Fprintf(stdout, "  honorific: %s since %s\n", h.Title, h.Start.Format("2006-01-02"))
			}
			for _, o := range p.Offices {
				end := "present"
				if c := d.KB.CheckedThrough; !c.IsZero() {
					end = "present (checked through " + c.Format("2006-01-02") + ")"
				}
				if o.End != nil {
					end = o.End.Format("2006-01-02")
				}
				fmt.Fprintf(stdout, "  %s of %s: %s – %s\n", o.Title, o.Of, o.Start.Format("2006-01-02"), end)
			}
			if !at.IsZero() {
				held := p.OfficesAt(at)
				if len(held) == 0 {
					fmt.Fprintf(stdout, "  on %s: no office on record\n", *date)
				}
				for _, o := range held {
					fmt.Fprintf(stdout, "  on %s: %s of %s\n", *date, o.Title, o.Of)
				}
			}
			fmt.Fprintf(stdout, "  source: %s\n", p.Source)
		}
		return 0
	}
	fmt.Fprintf(stderr, "credence kb: unknown subcommand %q\n", args[0])
	usage()
	return 2
}
