package engine

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateProbe = flag.Bool("update-probe", false, "rewrite testdata/probe_known.txt with the probe sentences the engine misses or flags today")

// TestOutletVoiceProbe holds the loaded-language rules to the team's probe
// of one-sentence reports (testdata/probe_sentences.tsv): each "loaded"
// sentence must get a framing finding against the outlet, each "plain" one
// none, except those listed in testdata/probe_known.txt. A sentence that
// starts failing, or a listed one that starts passing, fails the test: rerun
// with -update-probe when the change is meant.
func TestOutletVoiceProbe(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "probe_sentences.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var wrong []string
	loaded, found, plain, flagged := 0, 0, 0, 0
	for _, line := range strings.Split(string(raw), "\n") {
		kind, sentence, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		hit := false
		for _, f := range analyze(t, sentence, "").Findings {
			if strings.HasPrefix(f.Rule, "framing.") && !f.Quoted && f.Start < f.End {
				hit = true
			}
		}
		switch kind {
		case "loaded":
			loaded++
			if hit {
				found++
			} else {
				wrong = append(wrong, "missed\t"+sentence)
			}
		case "plain":
			plain++
			if hit {
				flagged++
				wrong = append(wrong, "flagged\t"+sentence)
			}
		default:
			t.Fatalf("probe line %q: kind %q, want loaded or plain", line, kind)
		}
	}
	t.Logf("loaded sentences found %d of %d, plain sentences flagged %d of %d", found, loaded, flagged, plain)
	known := filepath.Join("testdata", "probe_known.txt")
	if *updateProbe {
		if err := os.WriteFile(known, []byte(strings.Join(wrong, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(known)
	if err != nil {
		t.Fatal(err)
	}
	listed := strings.Split(strings.TrimSpace(string(b)), "\n")
	for _, w := range wrong {
		if !slices.Contains(listed, w) {
			t.Errorf("%s (not in probe_known.txt; rerun with -update-probe if meant)", strings.Replace(w, "\t", ": ", 1))
		}
	}
	for _, l := range listed {
		if l != "" && !slices.Contains(wrong, l) {
			t.Errorf("%s no longer happens: rerun with -update-probe", strings.Replace(l, "\t", ": ", 1))
		}
	}
	if found*100 < loaded*85 {
		t.Errorf("found %d of %d loaded sentences: below 85%%", found, loaded)
	}
}

// TestSourcingProbe: probes of attribution sentences the team wrote on
// 2026-12-08 before the rounds that read them (5 of 10 unnamed sources and 4
// of 5 vague ones found, no named source flagged; 5 of 8 hearsay; 3 of 6
// private claims): each unnamed or vague source, each piece of hearsay and
// each claim no one is named for is reported, no named source is.
func TestSourcingProbe(t *testing.T) {
	cases := []struct{ rule, sentence string }{
		{"sourcing.anonymous", "A person familiar with the board's thinking said the chief executive would step down."},
		{"sourcing.anonymous", "Two people who attended the meeting described it as tense."},
		{"sourcing.anonymous", "One of the people involved in the talks said a deal was close."},
		{"sourcing.anonymous", "Someone close to the minister said she was considering her position."},
		{"sourcing.anonymous", "An employee who asked not to be identified said the plant had been shut for weeks."},
		{"sourcing.anonymous", "Those present said the mayor left early."},
		{"sourcing.anonymous", "A senior figure in the party said the leader had lost the room."},
		{"sourcing.anonymous", "The decision was confirmed by a source at the club."},
		{"sourcing.anonymous", "Staff members speaking privately said morale had collapsed."},
		{"sourcing.anonymous", "A former official with knowledge of the programme said the costs had doubled."},
		{"sourcing.weasel", "It is widely believed that the deal will collapse."},
		{"sourcing.weasel", "Many experts say the policy has failed."},
		{"sourcing.weasel", "Critics have long argued that the scheme is unfair."},
		{"sourcing.weasel", "Some observers suggest the vote was rigged."},
		{"sourcing.weasel", "There are growing fears that the plant is unsafe."},
		{"", "Maria Lopez, the club's chief executive, said the deal was close."},
		{"", "The finance ministry said in a statement that costs had doubled."},
		{"", "Dr. Ana Ruiz, who leads the hospital's cardiology unit, said the ward was full."},
		{"", "According to the Office for National Statistics, prices rose 3 percent."},
		{"", "Police Chief John Reyes told reporters the mayor left early."},
		// Hearsay, a second probe (5 of 8 found before its round).
		{"sourcing.hearsay", "It has been reported that the minister will resign."},
		{"sourcing.hearsay", "Reports suggest the deal collapsed late on Friday."},
		{"sourcing.hearsay", "The talks have reportedly stalled."},
		{"sourcing.hearsay", "Rumours are circulating that the club will be sold."},
		{"sourcing.hearsay", "Word in Westminster is that the budget will be delayed."},
		{"sourcing.hearsay", "According to local media, the mayor was arrested on Tuesday."},
		{"sourcing.hearsay", "The company is said to be considering a sale."},
		{"sourcing.hearsay", "Social media posts claimed the factory had closed."},
		{"", "Police said the mayor was arrested on Tuesday."},
		{"", "The company confirmed on Monday that it was considering a sale."},
		{"", "It has spent about $12 million since September, according to media trackers."},
		// Private intent stated with no one named who heard it, a third
		// probe (3 of 6 found before its round; "Party officials fear …"
		// left: officials speaking is the wires' plain form).
		{"sourcing.unsourced_claim", "The minister has privately told colleagues she will quit."},
		{"sourcing.unsourced_claim", "Behind closed doors, officials are worried about the deal."},
		{"sourcing.hearsay", "The prime minister is understood to be furious with his chancellor."},
		{"sourcing.unsourced_claim", "Senior figures are quietly preparing for a leadership contest."},
		{"sourcing.unsourced_claim", "The president has told aides he wants the bill passed by Friday."},
		{"", "The minister told colleagues at a meeting on Monday that she would quit, two people present said."},
		{"", "The prime minister said he was furious with the decision."},
	}
	for _, c := range cases {
		var got []string
		for _, f := range analyze(t, c.sentence, "").Findings {
			if f.Rule == "sourcing.anonymous" || f.Rule == "sourcing.weasel" || f.Rule == "sourcing.hearsay" || f.Rule == "sourcing.unsourced_claim" {
				got = append(got, f.Rule)
			}
		}
		if c.rule == "" && len(got) > 0 || c.rule != "" && !slices.Contains(got, c.rule) {
			t.Errorf("%q: %v, want %q", c.sentence, got, c.rule)
		}
	}
}

// TestAttributedWordsProbe: a probe of loaded words in what someone is
// reported to have said, in the forms news copy gives it (a speech, a
// letter, an op-ed, a tweet, a lawsuit, an indictment, a watchdog's
// report), written on 2026-12-08: every such word is the speaker's; the
// writer's own verb for the speaking ("slammed") is the outlet's.
func TestAttributedWordsProbe(t *testing.T) {
	for _, sentence := range []string{
		"In her speech, the senator described the bill as a disgrace.",
		"The mayor, in a letter to residents, called the strike reckless.",
		"Speaking to reporters, Ruiz denounced the plan as a sham.",
		"The union's statement accused the company of shameful greed.",
		"Asked about the deal, the minister said it was a disaster.",
		"Ruiz, who has called the tax a disgrace, voted against it.",
		"In an op-ed for the Guardian, the former minister argued the policy was cruel.",
		"The senator's spokesman dismissed the report as a partisan hit job.",
		"The ambassador slammed what he called a reckless provocation.",
		"On Twitter, the governor described the protesters as thugs.",
		"According to the indictment, the mayor ran a corrupt scheme for years.",
		"The coach told the BBC the decision was a disgrace.",
		"In a video posted online, the president called the ruling a travesty.",
		"The report by the watchdog described conditions at the prison as appalling.",
	} {
		speakers := 0
		for _, f := range analyze(t, sentence, "").Findings {
			if f.Rule != "framing.loaded" {
				continue
			}
			if f.Text == "slammed" {
				if f.Quoted {
					t.Errorf("%q: the writer's verb %q handed to the speaker", sentence, f.Text)
				}
				continue
			}
			if !f.Quoted {
				t.Errorf("%q: %q counted against the outlet: %s", sentence, f.Text, f.Message)
			}
			speakers++
		}
		if speakers == 0 {
			t.Errorf("%q: no loaded word found in what was said", sentence)
		}
	}
}
