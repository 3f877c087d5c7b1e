package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
)

var (
	engOnce sync.Once
	eng     *Engine
	engErr  error
)

func testEngine(t testing.TB) *Engine {
	engOnce.Do(func() { eng, engErr = New(Options{}) })
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng
}

func analyze(t testing.TB, text, published string) core.Result {
	t.Helper()
	doc, err := ingest.Parse("test.txt", "txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	doc.Published = published
	res, err := testEngine(t).Analyze(doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// has reports whether res has a non-quoted finding of rule whose text contains sub.
func has(res core.Result, rule, sub string) bool {
	for _, f := range res.Findings {
		if f.Rule == rule && !f.Quoted && strings.Contains(f.Text, sub) {
			return true
		}
	}
	return false
}

func count(res core.Result, rulePrefix string) int {
	n := 0
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, rulePrefix) && !f.Quoted {
			n++
		}
	}
	return n
}

var lexiconPattern = regexp.MustCompile(`\([^()]*\|[^()]*\)`)

func checkSpans(t *testing.T, res core.Result) {
	t.Helper()
	text := res.Doc.Text
	for _, f := range res.Findings {
		if f.Start < 0 || f.End > len(text) || f.Start > f.End {
			t.Errorf("%s: %s span [%d,%d) out of range", res.Source, f.Rule, f.Start, f.End)
			continue
		}
		if f.Text != text[f.Start:f.End] {
			t.Errorf("%s: %s text %q != input[%d:%d] %q", res.Source, f.Rule, f.Text, f.Start, f.End, text[f.Start:f.End])
		}
		if !utf8.ValidString(f.Text) {
			t.Errorf("%s: %s span not on rune boundaries", res.Source, f.Rule)
		}
		if f.Start == f.End && !strings.HasPrefix(f.Message, "Document level") {
			t.Errorf("%s: %s empty span without a document-level message", res.Source, f.Rule)
		}
		if f.Message == "" || f.Explanation == "" {
			t.Errorf("%s: %s lacks a message or explanation", res.Source, f.Rule)
		}
		// A reader sees words, never a lexicon pattern ("some (critics|analysts) argue").
		for _, s := range []string{f.Message, f.Explanation} {
			if lexiconPattern.MatchString(s) {
				t.Errorf("%s: %s shows a lexicon pattern to the reader: %q", res.Source, f.Rule, s)
			}
		}
	}
}

// TestSpansAreExact checks text == input[start:end] for every finding on every
// example, seed and fixture, and on a text full of multi-byte characters.
func TestSpansAreExact(t *testing.T) {
	var paths []string
	for _, pat := range []string{"../testdata/examples/*", "../testdata/fixtures/*", "../testdata/html/*.html", "../../shared/seeds/*.txt"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Fatal("no inputs")
	}
	n := 0
	ingest.Read(paths, ingest.Options{}, func(it ingest.Item) bool {
		if it.Err != nil {
			t.Errorf("%v", it.Err)
			return true
		}
		res, err := testEngine(t).Analyze(it.Doc)
		if err != nil {
			t.Error(err)
		}
		checkSpans(t, res)
		n++
		return true
	})
	// A token made only of invisible characters folds to "" (found on PTC,
	// whose texts keep U+FEFF): nothing may index into it.
	checkSpans(t, analyze(t, "Lead \uFEFF \u200B 20% rise in 2024, officials said.\uFEFF", ""))
	multi := "\uFEFFРоссия’s “regime” slammed 😁 critics — analysts note that the “so-called” plan, reportedly ‘doomed,’ failed. Ukrainian President Vladimir Zelenskiy met Ёж 🇺🇦 officials."
	res := analyze(t, multi, "")
	checkSpans(t, res)
	for _, want := range []string{"framing.loaded", "sourcing.weasel", "sourcing.hearsay", "factual.name"} {
		if count(res, want) == 0 {
			t.Errorf("multi-byte text: no %s finding in %+v", want, res.Findings)
		}
	}
	t.Logf("%d documents checked", n+1)
}

func TestQuotedWordsAreTheSpeakers(t *testing.T) {
	res := analyze(t, "Opposition leader Marc Duval attacked the plan. “This is a disastrous budget, and critics argue it hides the deficit,” Duval said on Tuesday in the chamber of the assembly.", "")
	if has(res, "sourcing.weasel", "critics argue") {
		t.Error("critics argue inside a named speaker's quote must not be a weasel finding")
	}
	if has(res, "framing.loaded", "disastrous") {
		t.Error("loaded word inside a quote counted as the outlet's")
	}
	quoted := false
	for _, f := range res.Findings {
		if f.Rule == "framing.loaded" && f.Quoted && f.Text == "disastrous" {
			quoted = true
			if !strings.Contains(f.Message, "Duval") {
				t.Errorf("quoted finding should name the speaker: %q", f.Message)
			}
		}
	}
	if !quoted {
		t.Error("loaded word inside a quote should be reported as quoted")
	}
}

// TestTranscriptsAndPostsAreTheSpeakers: an interview printed as a
// transcript and an embedded post, signed or ending with its hashtag, are
// their speakers' words.
func TestTranscriptsAndPostsAreTheSpeakers(t *testing.T) {
	text := "Interview with the mayor\n\nThe mayor spoke to us on Monday about the flood defences.\n\n" +
		"Q: How did the council handle the flood this spring?\n\nA: It was a disaster from start to finish, and I said so.\n\n" +
		"Q: What comes next for the town?\n\nA: We rebuild the defences before the winter, with the money we have.\n\n" +
		"Another horrific night for the town. pic.twitter.com/abc\n— Jo Bloggs (@jobloggs) March 3, 2025\n\n" +
		"Others were blunter.\n\nThe council's plan is a disgraceful sham, stop pretending. #FloodTown"
	res := analyze(t, text, "2025-03-04")
	for _, word := range []string{"disaster", "horrific", "disgraceful"} {
		found := false
		for _, f := range res.Findings {
			if f.Rule == "framing.loaded" && f.Text == word {
				found = true
				if !f.Quoted {
					t.Errorf("%q counted against the outlet: %s", word, f.Message)
				}
			}
		}
		if !found {
			t.Errorf("no finding on %q", word)
		}
	}
}

// TestHeadlineLabelledWithItsSpeaker: a headline that opens with the name
// of someone the article quotes and a colon gives that person's words (found
// in PolNeAR: "Joe Scarborough: Donald Trump Playing Dumb …"); a label the
// text never gives as a speaker ("Fact Check:", "Wow:") does not.
func TestHeadlineLabelledWithItsSpeaker(t *testing.T) {
	body := "\n\nLONDON, March 3, 2025 — Joe Scarborough said on Monday that the campaign was over.\n"
	for _, c := range []struct {
		headline string
		quoted   bool
	}{
		{"Joe Scarborough: Trump Playing Dumb About The Deal", true},
		{"Scarborough: Trump Playing Dumb About The Deal", true},
		{"Fact Check: Trump Playing Dumb About The Deal", false},
		{"Wow: Trump Playing Dumb About The Deal", false},
	} {
		res := analyze(t, c.headline+body, "2025-03-04")
		found := false
		for _, f := range res.Findings {
			if f.Rule == "framing.loaded" && f.Text == "Dumb" {
				found = true
				if f.Quoted != c.quoted {
					t.Errorf("%q: quoted %v, want %v (%s)", c.headline, f.Quoted, c.quoted, f.Message)
				}
			}
		}
		if !found {
			t.Errorf("%q: no finding on \"Dumb\"", c.headline)
		}
	}
}

// TestReportedSpeechIsTheSources: a loaded word in what a named source is
// reported to have said is the source's characterisation, as in a direct
// quote; the outlet's own description around it is not.
func TestReportedSpeechIsTheSources(t *testing.T) {
	cases := []struct {
		text, word, speaker string // speaker "" = the outlet's own wording
	}{
		{"Senator Ana Ruiz said the new levy was a disaster for small farms.", "disaster", "Ana Ruiz"},
		{"The new levy was a disaster for small farms, Senator Ana Ruiz said on Monday.", "disaster", "Ana Ruiz"},
		{"Ruiz says racist things at every rally in the state.", "racist", ""},
		// An attribution set between commas; speech reported as a topic, an
		// attitude or a promise (found in PolNeAR).
		{"Mr. Trump is so reckless, the vice president said, that his son would have been in danger.", "reckless", "vice president"},
		{"Every day, Pope Francis spoke of the horrific violence of the drug cartels.", "horrific", "Francis"},
		{"Senator Ana Ruiz expressed frustration at the failure to rein in a rogue nuclear program.", "rogue", "Ana Ruiz"},
		{"Bernie Sanders promised to take bold action should he win the presidency.", "bold", "Bernie Sanders"},
		{"Donald Trump is cautious, stating in an interview on Fox News that the Chinese economy was in a precarious situation.", "precarious situation", "Donald Trump"},
		{"The plan is reckless, and the mayor said nothing about it.", "reckless", ""},
		// "not just …, but …" is one claim raised, not a turn to another
		// voice (found in PolNeAR); a plain "but" still is one.
		{"Republicans spoke with one voice, arguing that the agenda has been not just a failure, but a catastrophe.", "catastrophe", "Republicans"},
		{"Ana Ruiz argued that the plan was fair, but it is a catastrophe for farmers.", "catastrophe", ""},
		// What a report "found that" is its finding; what the writer says
		// it found, as an object, is the writer's description.
		{"The inspector general's report found that the agency's oversight was woefully inadequate.", "woefully", "report"},
		{"The authors found an astonishing 73 percent of firms kept offshore subsidiaries.", "astonishing", ""},
		// A film's title in the speaker's appositive (found in the
		// hyperpartisan corpus).
		{"Arnold, who starred in the 1994 film “True Lies,” also said he did not think releasing the racist rant would work.", "racist", "speaker"},
		// A sentence set in a named person's view (found in PolNeAR); a
		// group's loss described is the outlet's.
		{"For Jonathan Chait, Williamson is exposing the perverse moral logic of the movement.", "perverse", "Jonathan Chait"},
		{"In Mr. Allen's view, the fun stunts will not last.", "stunts", "Mr. Allen"},
		{"For Democrats, the loss was devastating.", "devastating", ""},
		// A question someone asked is the asker's wording; "whether" alone
		// is not a question anyone asked.
		{"The host asked people in the street whether the movement is a racist group.", "racist", "question"},
		{"Whether the reckless plan passes depends on the council.", "reckless", ""},
		{"Nimbus Energy announced a truly remarkable battery for homes on Monday.", "truly", ""},
		{"Ana Ruiz said the levy was fair, but for the farmers it is a disaster for the whole valley.", "disaster", ""},
		{"The levy was a disaster for small farms and the harvest fell by a third, officials at the ministry reported in their annual review.", "disaster", ""},
		// A group without a name, an unresolved pronoun, a content clause
		// after "but not", a claim's noun: someone else's words (found in
		// PolNeAR and BASIL, judged in eval/testdata/loaded_precision.tsv).
		{"Increasingly, Sanders's most passionate supporters claim that the primary has been rigged.", "rigged", "supporters"},
		{"They say that his comments have been distorted to make him appear xenophobic.", "xenophobic", "the speaker"},
		{"Maloy said he understands the position of supporting but not endorsing Trump - and that he will relentlessly back Ayotte.", "relentlessly", "Maloy"},
		{"Several delegates sought to put to rest the assertions that Republicans were in disarray.", "disarray", "assertions"},
		// A passive naming with its agent is the agent's; with a vague one
		// ("by critics") it stays the outlet's, as an agentless one does.
		{"Mehmet Oz has been called a charlatan by fellow physicians for promoting cures.", "charlatan", "speaker"},
		// Said on a platform, and what someone warns of.
		{"Lopez tweeted that the decision was shameful.", "shameful", "Lopez"},
		{"Maria Lopez, the mayor, warned of chaos if the vote failed.", "chaos", "Maria Lopez"},
		// "According to" opening the sentence: its words follow the source.
		{"According to Maria Lopez, the plan is reckless.", "reckless", "Maria Lopez"},
		// An appositive between the subject and its verb of naming.
		{"The report, published by the auditor, called the programme a fiasco.", "fiasco", "speaker"},
		{"Rates stayed low, belying budget hawks’ warnings that they would skyrocket.", "skyrocket", "warnings"},
		// A contracted auxiliary, an adverb before the verb, a source named
		// before and pointed back to.
		{"He wants a revolution; it's understandable that he's saying everything is awful.", "awful", "the speaker"},
		{"Michael Rogers and James Clapper have long argued that data manipulation is a disturbing possibility.", "disturbing", "James Clapper"},
		{"That person said the outright hostility Cruz faced hampered him.", "outright", "That person"},
		// The writer, an inference, an agentless passive, a fact: the outlet's.
		{"The agreement, hailed as a landmark deal for the fleets, sets quotas until 2028.", "hailed", ""},
		{"The deal was hailed as a breakthrough for the region.", "hailed", ""},
		{"Signed in May, the agreement, hailed as a landmark, sets quotas until 2028.", "hailed", ""},
		{"I think the plan is a disaster for the valley.", "disaster", ""},
		{"The remarks suggest Trump is railing against the process.", "railing against", ""},
		{"Sanders is seen as empowering voters against the will of party apparatchiks.", "apparatchiks", ""},
		{"The fact that the plan is a disaster is plain to see.", "disaster", ""},
		{"His critics in the United States, many of them conservative Catholics, argue that the pope pursues a leftist agenda.", "leftist agenda", ""},
		{"Ryan claimed this month that his budget plan, which slashes antipoverty programs, was inspired by his faith.", "slashes", ""},
		{"The military had a bigger budget and America asserted itself more relentlessly across the globe.", "relentlessly", ""},
		{"The senator has been called a charlatan by critics.", "charlatan", ""},
	}
	for _, c := range cases {
		res := analyze(t, c.text, "2025-05-01")
		found := false
		for _, f := range res.Findings {
			if f.Rule != "framing.loaded" || f.Text != c.word {
				continue
			}
			found = true
			if c.speaker == "" && f.Quoted {
				t.Errorf("%q: %q is the outlet's wording, reported as %q", c.text, c.word, f.Message)
			}
			if c.speaker != "" && (!f.Quoted || !strings.Contains(f.Message, c.speaker)) {
				t.Errorf("%q: %q should be %s's reported speech: %q", c.text, c.word, c.speaker, f.Message)
			}
		}
		if !found {
			t.Errorf("%q: no finding on %q", c.text, c.word)
		}
	}
}

// TestAsymmetryNeedsTwoSides: a domestic story that mentions another
// country in passing is not a story about the two (found in PolNeAR, where
// US campaign coverage was "framed more negatively than Mexico").
func TestAsymmetryNeedsTwoSides(t *testing.T) {
	text := "Trump rally draws crowds\n\nDonald Trump held a chaotic rally in Ohio on Monday, where he lashed out at reporters in a divisive tirade.\n\n" +
		"Trump slammed his critics in a bizarre speech and mocked a reporter.\n\nHis reckless remarks drew outrage, and Trump doubled down on his incendiary claims.\n\n" +
		"He also spoke about trade with Mexico, and said Mexico should pay for a wall."
	if res := analyze(t, text, "2016-05-01"); count(res, "framing.asymmetry") != 0 {
		t.Errorf("asymmetry between the US and a country mentioned twice: %v", res.Findings)
	}
}

// TestCapitalisedEpithet: a capitalised insult before a name is not the
// name of an institution.
func TestCapitalisedEpithet(t *testing.T) {
	if res := analyze(t, "At the rally the crowd booed Crooked Hillary again and again.", ""); !has(res, "framing.loaded", "Crooked") {
		t.Errorf("\"Crooked Hillary\" not flagged: %v", res.Findings)
	}
}

func TestNegationAndLiteralSenses(t *testing.T) {
	for _, s := range []string{
		"The storm slammed the coast overnight, cutting power to 3,000 homes, the utility said.",
		"The policy was not disastrous, the auditor found in a report published on Monday.",
		"He slammed the car door and walked into the courthouse on Monday morning.",
		// Names of institutions.
		"Tehran backs the Revolutionary Guard in the region, officials said on Monday.",
		"They broke the Foreign Corrupt Practices Act, prosecutors said on Monday.",
	} {
		if n := count(analyze(t, s, ""), "framing.loaded"); n != 0 {
			t.Errorf("%q: %d loaded findings, want 0", s, n)
		}
	}
}

func TestFactualChecks(t *testing.T) {
	cases := []struct {
		name, text, published, rule, span string
		want                              bool
	}{
		{"former while in office", "Former President Donald Trump spoke to reporters in Washington on Monday about trade.", "2025-06-01", "factual.title", "Former President Donald Trump", true},
		{"former after term", "Former President Barack Obama spoke at a rally in Chicago on Monday about voting.", "2024-10-01", "factual.title", "", false},
		{"president in first term", "President Donald Trump signed the order at the White House on Monday.", "2019-03-01", "factual.title", "", false},
		{"president in second term", "President Donald Trump signed the order at the White House on Monday.", "2025-03-01", "factual.title", "", false},
		{"president between terms", "President Donald Trump signed the order at the White House on Monday.", "2022-03-01", "factual.title", "President Donald Trump", true},
		{"biden after term", "President Biden met the visiting delegation at the White House on Monday.", "2025-06-01", "factual.title", "President Biden", true},
		{"sunak after term", "Prime Minister Rishi Sunak visited the factory on Monday.", "2024-09-01", "factual.title", "Prime Minister Rishi Sunak", true},
		{"sunak in term", "Prime Minister Rishi Sunak visited the factory on Monday.", "2023-09-01", "factual.title", "", false},
		{"sir keir in term", "Prime Minister Sir Keir Starmer visited the factory on Monday.", "2025-09-01", "factual.title", "", false},
		{"sir not knighted", "Sir Rishi Sunak visited the factory on Monday.", "2023-09-01", "factual.title", "Sir Rishi Sunak", true},
		{"never held", "Prime Minister Volodymyr Zelensky addressed parliament on Monday.", "2023-09-01", "factual.title", "Prime Minister Volodymyr Zelensky", true},
		{"wrong given name", "Ukrainian President Vladimir Zelenskiy addressed parliament on Monday.", "", "factual.name", "Vladimir Zelenskiy", true},
		{"accepted spelling", "Ukrainian President Volodymyr Zelenskyy addressed parliament on Monday.", "2023-09-01", "factual.name", "", false},
		{"putin is vladimir", "Russian President Vladimir Putin addressed parliament on Monday.", "2023-09-01", "factual.name", "", false},
		{"misspelt surname", "Ukrainian President Volodymyr Zelenksy addressed parliament on Monday.", "2023-09-01", "factual.name", "Zelenksy", true},
		{"no date, no title check", "Former President Donald Trump spoke to reporters in Washington on Monday.", "", "factual.title", "", false},
		{"event before it happened", "Since the full-scale invasion of Ukraine began, grain prices have doubled, traders said on Monday.", "2021-06-01", "factual.date", "Since the full-scale invasion", true},
		{"anniversary contradicts date", "KYIV, May 3, 2024 — As the war in Ukraine enters its second year, officials met on Monday.", "", "factual.date", "enters its second year", true},
		{"premier in term", "Chinese Premier Li Qiang met the delegation in Beijing on Monday.", "2024-05-01", "factual.title", "", false},
		{"president after term (China)", "President Hu Jintao met the delegation in Beijing on Monday.", "2016-05-01", "factual.title", "President Hu Jintao", true},
		{"second Rudd term", "Prime Minister Kevin Rudd called an election on Monday.", "2013-08-04", "factual.title", "", false},
		{"between Rudd terms", "Prime Minister Kevin Rudd called an election on Monday.", "2012-03-04", "factual.title", "Prime Minister Kevin Rudd", true},
		{"irish martin is not canada's", "Prime Minister Micheál Martin spoke in Dublin on Monday.", "2025-03-04", "factual.title", "", false},
		{"anniversary fits date", "KYIV, March 3, 2023 — As the war in Ukraine enters its second year, officials met on Monday.", "", "factual.date", "", false},
		{"another given name is another person", "Prime Minister Michael Fischer of the province said on Monday that roads would reopen.", "2020-05-01", "factual.title", "", false},
		// Found on real news (BASIL, 2010–2019): titles used of their own time, offices the KB does not record, other wars.
		{"title under a past president", "Tax rates would return to the levels that prevailed under President Bill Clinton, senators said on Monday.", "2012-12-09", "factual.title", "", false},
		{"title with a year of the term", "The state law mirrors the federal law that President Bill Clinton signed in 1993, the governor said on Monday.", "2015-03-29", "factual.title", "", false},
		{"title of the time, present tense", "President Bill Clinton spoke at the rally in Chicago on Monday.", "2015-03-29", "factual.title", "President Bill Clinton", true},
		{"an office the KB does not record", "Senator John Kerry spoke to reporters in Boston on Monday.", "2012-06-01", "factual.title", "", false},
		{"confirmed, days before taking office", "Secretary of State John Kerry met the delegation in Washington on Monday.", "2013-01-30", "factual.title", "", false},
		{"another war's anniversary", "The war in Afghanistan, which has entered its ninth year, was started after the attacks, officials said on Monday.", "2010-07-02", "factual.date", "", false},
		{"'the war' is not the invasion", "KYIV — Farmers in Ukraine said on Monday that the war had cut their exports by half.", "2019-06-01", "factual.date", "", false},
		{"a regnal title in history", "Pope John Paul II is a famously political pope for his role in the Cold War.", "2016-02-20", "factual.title", "", false},
		{"a regnal title in a present act", "Pope John Paul II greeted pilgrims in Rome on Sunday.", "2016-02-20", "factual.title", "Pope John Paul II", true},
		// Found on PolNeAR (924 articles, 2015–2016).
		{"a hypothetical president", "Bolton said the biggest challenge for a President Trump would be the budget, he said on Monday.", "2016-05-05", "factual.title", "", false},
		{"a future title in passing", "But it is time to start worrying about President Trump, columnists wrote.", "2016-02-28", "factual.title", "", false},
		{"a future title as the subject", "President Joe Biden said the United States would stay in the Paris agreement.", "2017-06-01", "factual.title", "President Joe Biden", true},
		{"then-president", "Clinton was photographed with then-President George W. Bush at the event.", "2016-01-01", "factual.title", "", false},
		{"another man of that surname", "Goldwater was trounced by President Johnson at the polls.", "2016-08-19", "factual.title", "", false},
		{"another middle initial", "He met then Vice President George HW Bush at an outdoor event.", "2015-12-21", "factual.title", "", false},
		{"long after the term, in passing", "For years, President Bill Clinton was his best friend in politics.", "2016-01-01", "factual.title", "", false},
		{"long after the term, the subject", "Chancellor Angela Merkel sent a recorded message to the ceremony.", "2024-05-01", "factual.title", "Chancellor Angela Merkel", true},
		{"former after a no-break space", "Sanders promised to act.\u00a0Former Secretary of State Hillary Clinton agreed with him.", "2015-11-09", "factual.title", "", false},
		{"'the pandemic' before COVID", "The bank's emphasis on pandemic preparedness was new, said an official who served from 2010 to 2013.", "2016-08-26", "factual.date", "", false},
		{"'in 25 years' is no anniversary", "Germany is expanding its army for the first time in 25 years, after Russia annexed Crimea.", "2016-06-07", "factual.date", "", false},
		{"'Brexit' before the withdrawal", "She warned that the turmoil after the so-called Brexit vote showed a need for calm leadership.", "2016-06-27", "factual.date", "", false},
		{"minister after handover", "Polish Foreign Minister Zbigniew Rau met his counterparts in Warsaw on Monday.", "2024-03-04", "factual.title", "Foreign Minister Zbigniew Rau", true},
		{"minister in office", "Polish Foreign Minister Zbigniew Rau met his counterparts in Warsaw on Monday.", "2022-03-04", "factual.title", "", false},
		{"second term as minister", "Chinese Foreign Minister Wang Yi met his counterparts in Beijing on Monday.", "2024-03-04", "factual.title", "", false},
		{"between terms as minister", "Chinese Foreign Minister Wang Yi met his counterparts in Beijing on Monday.", "2023-05-04", "factual.title", "Foreign Minister Wang Yi", true},
		{"india's title for its foreign minister", "External Affairs Minister S. Jaishankar met his counterparts in Delhi on Monday.", "2024-03-04", "factual.title", "", false},
		{"chancellor turned minister", "Former Chancellor Alexander Schallenberg met his counterparts in Vienna on Monday.", "2023-03-04", "factual.title", "", false},
		{"a given name is not a misspelt surname", "Prime Minister Michael Fischer of the province said on Monday that roads would reopen.", "2020-05-01", "factual.name", "", false},
		{"surname alone resolves by title", "Prime Minister Kenny met union leaders in Dublin on Monday.", "2019-05-01", "factual.title", "Prime Minister Kenny", true},
		{"estonian prime minister before term", "Estonian Prime Minister Kaja Kallas spoke in Tallinn on Monday.", "2018-05-01", "factual.title", "Prime Minister Kaja Kallas", true},
		{"estonian prime minister in term", "Estonian Prime Minister Kaja Kallas spoke in Tallinn on Monday.", "2022-05-01", "factual.title", "", false},
		{"romanian president after term", "Romanian President Klaus Iohannis met the delegation in Bucharest on Monday.", "2025-09-01", "factual.title", "President Klaus Iohannis", true},
		{"defence secretary in term", "Defence Secretary Ben Wallace visited the base on Monday.", "2021-05-01", "factual.title", "", false},
		{"defence secretary after term", "Defence Secretary Ben Wallace visited the base on Monday.", "2024-05-01", "factual.title", "Defence Secretary Ben Wallace", true},
		{"queen after abdication", "Queen Margrethe opened the exhibition in Copenhagen on Monday.", "2025-02-01", "factual.title", "Queen Margrethe", true},
		{"king in reign", "King Frederik opened the exhibition in Copenhagen on Monday.", "2025-02-01", "factual.title", "", false},
		{"taoiseach in term", "Taoiseach Leo Varadkar said the budget was fair on Monday.", "2018-10-01", "factual.title", "", false},
		{"taoiseach between terms", "Taoiseach Leo Varadkar said the budget was fair on Monday.", "2021-10-01", "factual.title", "Taoiseach Leo Varadkar", true},
	}
	for _, c := range cases {
		res := analyze(t, c.text, c.published)
		got := false
		for _, f := range res.Findings {
			if f.Rule == c.rule && (c.span == "" || strings.Contains(f.Text, c.span)) {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%s: %s finding = %v, want %v (ref %+v) findings %v", c.name, c.rule, got, c.want, res.RefDate, res.Findings)
		}
	}
}

// TestFigureSources: a figure is sourced by the poll, survey or document its
// paragraph (or the one before) says it comes from; found in BASIL, where
// "An NBC News/Wall Street Journal poll last week found that voters
// favored…" was flagged, and in PolNeAR's poll stories.
func TestFigureSources(t *testing.T) {
	lead := "The race tightened over the summer, campaign aides conceded.\n\n"
	cases := []struct {
		text string
		want bool
	}{
		{"A poll by the university last week found that voters favored the challenger 46 percent to 41 percent.", false},
		{"The tax returns show the couple paid $43 million in federal taxes since 2007.", false},
		{"The census figures were released on Monday. They put the city's population at 840,000 residents.", false},
		{"Voters favored the challenger 46 percent to 41 percent.", true},
		{"A state poll released on Monday found the race close.\n\nThe challenger had 46 percent and the mayor 41 percent.", false},
		{"The poll, released on Monday, surveyed 4,060 voters. The challenger had 46 percent.", false},
		// Results run on over several paragraphs, or come before the poll is named.
		{"A state poll released on Monday found the race close.\n\nThe challenger had 46 percent.\n\nAmong women she led 52 percent to 40 percent.\n\nAmong men the mayor led 49 percent to 44 percent.", false},
		{"The challenger had 46 percent and the mayor 41 percent.\n\nThe university conducted the poll by phone; its data show a margin of error of 3 points.", false},
		{"A state poll released on Monday found the race close.\n\nThe challenger had 46 percent.\n\nThe city spent $40 million on roads.\n\nThe mayor's budget is $900 million.", true},
	}
	for _, c := range cases {
		res := analyze(t, lead+c.text, "2016-05-01")
		if got := count(res, "sourcing.unsourced_figure") > 0; got != c.want {
			t.Errorf("%q: unsourced figure = %v, want %v: %v", c.text, got, c.want, res.Findings)
		}
	}
}

// TestPollShareIsNotWeasel: "67 percent of voters say" reports a poll (found
// in PolNeAR); "voters say" alone, and other vague sources beside a figure,
// stay vague.
func TestPollShareIsNotWeasel(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"She faces an electorate in which 67 percent of voters say she is not honest.", false},
		{"A strong majority of Democratic primary voters say they are paying attention.", false},
		{"Voters say she is not honest.", true},
		{"Shares in the toymaker jumped 18% on Wednesday amid speculation that a buyer was circling.", true},
	}
	for _, c := range cases {
		res := analyze(t, c.text, "2016-05-01")
		if got := count(res, "sourcing.weasel") > 0; got != c.want {
			t.Errorf("%q: weasel = %v, want %v: %v", c.text, got, c.want, res.Findings)
		}
	}
}

// TestPrivateIntentNeedsASource: a claim about private intent is sourced only
// by an attribution that names someone in its sentence or the one before; a
// reporting verb with no source ("the goal agreed last year") is none.
func TestPrivateIntentNeedsASource(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"The coming months could decide the goal agreed last year. The host has privately signaled that it would accept less.", 1},
		{"Officials at the finance ministry said on Monday that talks continue. The host has privately signaled that it would accept less.", 0},
		{"The host has privately signaled that it would accept less, two diplomats told Reuters.", 0},
	}
	for _, c := range cases {
		if n := count(analyze(t, c.text, "2025-06-01"), "sourcing.unsourced_claim"); n != c.want {
			t.Errorf("%q: %d unsourced claims, want %d", c.text, n, c.want)
		}
	}
}

// TestEditorialInReportedQuestion: "Asked whether the campaign should take
// responsibility" reports a question (found in PolNeAR); the same words as
// the outlet's own verdict are editorial.
func TestEditorialInReportedQuestion(t *testing.T) {
	if res := analyze(t, "Asked whether the campaign should take responsibility for the flap, the spokesman declined.", "2016-05-01"); count(res, "framing.editorial") != 0 {
		t.Errorf("a reported question flagged as editorial: %v", res.Findings)
	}
	if res := analyze(t, "The campaign should take responsibility for the flap.", "2016-05-01"); count(res, "framing.editorial") != 1 {
		t.Errorf("the outlet's own verdict not flagged: %v", res.Findings)
	}
}

// TestRhetoricalQuestions: a question in the news voice that presumes its
// answer is opinion; an open one, a headline, a subheading, a quoted or
// attributed question, one set out after a colon and an interview's are
// not.
func TestRhetoricalQuestions(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Council votes\n\nThe council approved the plan. Why is that even relevant?\n", 1},
		{"Council votes\n\nThe FBI says it has no motive. How does this not warrant a single question?\n", 1},
		{"Council votes\n\nThe plan passed on Tuesday. Why won't the mayor explain it?\n", 1},
		{"Council votes\n\nThe plan passed on Tuesday. Will it last?\n", 0},
		{"Why won't the council act?\n\nThe plan passed on Tuesday.\n", 0},
		{"Council votes\n\nThe plan passed on Tuesday.\n\nWhy doesn't it matter?\n\nBecause the budget is fixed.\n", 0},
		{"Council votes\n\nThe plan passed. \"Why won't they listen?\" Smith said.\n", 0},
		{"Council votes\n\nThe plan passed. Why, Smith asked, won't they listen?\n", 0},
		{"Council votes\n\nThe plan passed. The question is: why won't they listen?\n", 0},
		{"Council votes\n\nQ: Why didn't the council act sooner, in your view?\n\nA: The budget was fixed.\n", 0},
	} {
		if got := count(analyze(t, c.text, "2016-05-01"), "framing.editorial"); got != c.want {
			t.Errorf("%q: %d editorial findings, want %d", c.text, got, c.want)
		}
	}
}

func TestChromeIsNotScoredAsProse(t *testing.T) {
	text := "Council votes on bridge\n\nSubscribe to unlock this shocking, disastrous story\nShare\n\nThe council voted on Tuesday to repair the bridge over the river, the mayor said, after engineers found rust in two beams last winter. Work starts in June and will take three months, the council said.\n"
	res := analyze(t, text, "2025-03-01")
	if n := count(res, "framing."); n != 0 {
		t.Errorf("%d framing findings, want 0: the paywall line is furniture, not the outlet's voice: %v", n, res.Findings)
	}
	if count(res, "integrity.paywall") != 1 || count(res, "integrity.chrome") != 1 {
		t.Errorf("paywall and chrome lines not reported: %v", res.Findings)
	}
}

func TestUncheckedFactualIsReported(t *testing.T) {
	res := analyze(t, "Former President Donald Trump spoke to reporters in Washington on Monday.", "")
	if res.Profile.FactualUnchecked != 1 {
		t.Errorf("factual_unchecked = %d, want 1 (no reference date, one title skipped)", res.Profile.FactualUnchecked)
	}
	if res2 := analyze(t, "Former President Donald Trump spoke to reporters in Washington on Monday.", "2026-02-01"); res2.Profile.FactualUnchecked != 0 || res2.Profile.Confidence <= res.Profile.Confidence {
		t.Errorf("with a date: unchecked %d, confidence %.2f vs %.2f without", res2.Profile.FactualUnchecked, res2.Profile.Confidence, res.Profile.Confidence)
	}
}

// TestBodyDateIsALowerBound: a date deep in the body is one the story
// mentions, so the article may be later: "did not yet hold" cannot be
// claimed from it, while "no longer held" still can.
func TestBodyDateIsALowerBound(t *testing.T) {
	pad := strings.Repeat("The committee met again to review the accounts and the plans. ", 8)
	res := analyze(t, "Donations under review\n\n"+pad+"A company gave $5,000 to the fund on June 27, 2014. Turkish President Recep Tayyip Erdogan called for an extradition.", "")
	if r := res.RefDate; r.Value != "2014-06-27" || !r.NoEarlier() {
		t.Fatalf("reference date %+v, want 2014-06-27, no earlier", r)
	}
	if n := count(res, "factual."); n != 0 {
		t.Errorf("%d factual findings from a body date, want none: %v", n, res.Findings)
	}
	res = analyze(t, "Trade talks stall\n\n"+pad+"Ministers met on March 3, 2026. President Joe Biden spoke to reporters.", "")
	if !has(res, "factual.title", "President Joe Biden") {
		t.Errorf("no factual.title on \"President Joe Biden\" after a 2026 body date: %v", res.Findings)
	}
	// A date the story looks ahead to is no bound at all.
	if r := analyze(t, "Party chair\n\n"+pad+"She will serve as chair until January 21, 2017, she said. President Obama asked her to.", "").RefDate; r.Known() {
		t.Errorf("reference date %+v from a date the story looks ahead to", r)
	}
	// A loose mention ("Brexit" named the vote from 2016) cannot date a text.
	if r := analyze(t, "After Brexit, European leaders gathered to discuss defence.", "").RefDate; r.Method == "event" {
		t.Errorf("reference date %+v from a loose mention", r)
	}
}

func TestReferenceDates(t *testing.T) {
	cases := []struct {
		text, published, value, precision, method string
	}{
		{"Body.\n", "2025-09-04T10:00:00Z", "2025-09-04", "day", "metadata"},
		{"Body.\n", "Thursday, 4 September 2025", "2025-09-04", "day", "metadata"},
		{"Body.\n", "4 Sep 2025", "2025-09-04", "day", "metadata"},
		{"Body.\n", "2025-09", "2025-09", "month", "metadata"},
		{"Headline\nPARIS, September 4, 2025 — Leaders met.", "", "2025-09-04", "day", "dateline"},
		{"LONDON, 4 September 2025 (Reuters) - Leaders met.", "", "2025-09-04", "day", "dateline"},
		{"PARIS, September 1 — Leaders will meet in Paris on September 4 to discuss security guarantees for Ukraine with European leaders.", "", "2025-09-01", "day", "dateline"},
		{"The report, published on 3 March 2021, was updated on March 9, 2021.", "", "2021-03-09", "day", "explicit"},
		{"Now that the war in Ukraine nears four years, ministers met.", "", "2026-01", "month", "anniversary"},
		{"A quiet story with no date at all.", "", "", "none", "none"},
		{"Hundreds have been charged since the Capitol riot.", "", "2021-02", "month", "event"},
		// A landmark is named for decades: it dates nothing.
		{"Airport security has changed since the September 11 attacks.", "", "", "none", "none"},
	}
	for _, c := range cases {
		r := analyze(t, c.text, c.published).RefDate
		if r.Value != c.value || r.Precision != c.precision || r.Method != c.method {
			t.Errorf("%q: reference date %+v, want %s %s %s", c.text, r, c.value, c.precision, c.method)
		}
	}
}

// seed reads a seed article from ../shared/seeds, skipping when it is absent.
func seed(t *testing.T, prefix string) core.Result {
	t.Helper()
	m, _ := filepath.Glob("../../shared/seeds/" + prefix + "_*.txt")
	if len(m) == 0 {
		t.Skip("../shared/seeds not present")
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Parse(m[0], "txt", b)
	if err != nil {
		t.Fatal(err)
	}
	res, err := testEngine(t).Analyze(doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSeeds checks what ../shared/seeds/LABELS.md says each seed should trigger.
func TestSeeds(t *testing.T) {
	s0, s1, s2, s3, s4 := seed(t, "000"), seed(t, "001"), seed(t, "002"), seed(t, "003"), seed(t, "004")
	expect := func(res core.Result, rule, sub string) {
		t.Helper()
		if !has(res, rule, sub) {
			t.Errorf("%s: missing %s on %q", res.ID, rule, sub)
		}
	}
	expect(s0, "factual.name", "Vladimir Zelenskiy")
	expect(s0, "sourcing.anonymous", "confidential source")
	expect(s0, "sourcing.anonymous", "the source described")
	expect(s0, "sourcing.weasel", "Analysts note")
	expect(s0, "sourcing.weasel", "observers")
	expect(s0, "sourcing.weasel", "critics arguing")
	expect(s0, "sourcing.hearsay", "reports emerged")
	expect(s0, "sourcing.hearsay", "reportedly")
	expect(s0, "sourcing.hearsay", "no official confirmation")
	expect(s0, "framing.loaded", "reliance on foreign aid")
	expect(s0, "framing.loaded", "entrenching its dependence")
	expect(s0, "framing.loaded", "deepening divisions")
	expect(s0, "framing.loaded", "Under Scrutiny")
	expect(s0, "framing.asymmetry", "")
	expect(s0, "integrity.duplicate", "Kayla Vaughn")
	expect(s1, "sourcing.unsourced_claim", "privately signaled")
	expect(s1, "sourcing.weasel", "diplomats suggest")
	expect(s1, "sourcing.weasel", "Some governments fear")
	expect(s1, "sourcing.weasel", "others argue")
	expect(s1, "framing.loaded", "landmark show")
	expect(s1, "framing.loaded", "racing against time")
	expect(s1, "framing.speculation", "could make or break")
	expect(s1, "framing.speculation", "could define")
	expect(s1, "transparency.byline", "")
	expect(s1, "integrity.comment_footer", "Leave a Reply")
	expect(s2, "factual.title", "former President Donald Trump")
	expect(s2, "sourcing.unsourced_figure", "approximately 20%")
	expect(s2, "sourcing.unsourced_figure", "75%")
	expect(s3, "framing.editorial", "demands clear and decisive action")
	expect(s3, "framing.speculation", "will significantly impact")
	expect(s4, "integrity.paywall", "Subscribe to unlock this story")
	expect(s4, "integrity.paywall", "$5/month")
	expect(s4, "integrity.chrome", "Report issue")
	expect(s4, "integrity.aggregator", "Articles (8)")

	for _, r := range []core.Result{s0, s1, s2, s3, s4} {
		checkSpans(t, r)
	}
	// Reference dates.
	if r := s1.RefDate; r.Value != "2025-09-04" || r.Method != "dateline" {
		t.Errorf("001 reference date %+v, want 2025-09-04 from the dateline", r)
	}
	if r := s2.RefDate; r.Value != "2026-01" {
		t.Errorf("002 reference date %+v, want 2026-01", r)
	}
	if r := s3.RefDate; !strings.HasPrefix(r.Value, "2026") && !strings.HasPrefix(r.Value, "2025-12") {
		t.Errorf("003 reference date %+v, want early 2026", r)
	}
	// No factual false positives beyond the labelled ones.
	for _, c := range []struct {
		res  core.Result
		want int
	}{{s0, 1}, {s1, 0}, {s2, 1}, {s3, 0}, {s4, 0}} {
		if n := count(c.res, "factual."); n != c.want {
			t.Errorf("%s: %d factual findings, want %d: %v", c.res.ID, n, c.want, c.res.Findings)
		}
	}
	// Integrity: only the labelled ones.
	for _, r := range []core.Result{s2, s3} {
		if n := count(r, "integrity."); n != 0 {
			t.Errorf("%s: %d integrity findings, want 0", r.ID, n)
		}
	}
	// Named attributions in 002.
	for _, name := range []string{"Starmer", "Macron", "Witkoff", "Zelensky"} {
		found := false
		for _, q := range s2.Profile.Sourcing.Quoted {
			found = found || strings.Contains(q, name)
		}
		if !found {
			t.Errorf("002: %s not recognised as a named source (%v)", name, s2.Profile.Sourcing.Quoted)
		}
	}
	// Framing density: 002 and 004 far below 000.
	dens := func(r core.Result) float64 { return float64(count(r, "framing.")) / float64(r.Words) }
	if dens(s2) > dens(s0)/3 || dens(s4) > dens(s0)/3 {
		t.Errorf("framing density 000 %.4f, 002 %.4f, 004 %.4f: want 002 and 004 far lower", dens(s0), dens(s2), dens(s4))
	}
	// Profile: 002 > 001 > 003 > 000, and 004 unscorable.
	if !(s2.Profile.Score > s1.Profile.Score && s1.Profile.Score > s3.Profile.Score && s3.Profile.Score > s0.Profile.Score) {
		t.Errorf("scores 002 %.1f, 001 %.1f, 003 %.1f, 000 %.1f: want that order", s2.Profile.Score, s1.Profile.Score, s3.Profile.Score, s0.Profile.Score)
	}
	if s4.Profile.Band != "unscorable" || s0.Profile.Band != "low" {
		t.Errorf("bands 004 %q (want unscorable), 000 %q (want low)", s4.Profile.Band, s0.Profile.Band)
	}
}

// TestKnowledgeHorizon: past the day the knowledge base was last checked, a
// title finding still stands but says so and weighs less.
func TestKnowledgeHorizon(t *testing.T) {
	const text = "Former President Donald Trump spoke to reporters in Washington on Monday about trade."
	checked := testEngine(t).Data().KB.CheckedThrough
	if checked.IsZero() {
		t.Fatal("the knowledge base should say when it was last checked")
	}
	title := func(published string) core.Finding {
		for _, f := range analyze(t, text, published).Findings {
			if f.Rule == "factual.title" {
				return f
			}
		}
		t.Fatalf("%s: no factual.title finding", published)
		return core.Finding{}
	}
	before, after := title(checked.AddDate(0, -6, 0).Format("2006-01-02")), title(checked.AddDate(0, 1, 0).Format("2006-01-02"))
	if strings.Contains(before.Explanation, "last checked") || !strings.Contains(after.Explanation, "last checked") {
		t.Errorf("only the later finding should mention the check date:\nbefore: %s\nafter: %s", before.Explanation, after.Explanation)
	}
	if after.Confidence >= before.Confidence {
		t.Errorf("confidence after the horizon %.2f, before %.2f", after.Confidence, before.Confidence)
	}
}

// TestDuplicateLinesWithNumbers: lines that differ only in numbers share a
// hash (numbers have no word id) but are not repeats; a true repeat after
// them still is.
func TestDuplicateLinesWithNumbers(t *testing.T) {
	text := "Markets closed higher on Monday after a quiet session in Asia and Europe, traders said.\n\nUpdated 12:30 GMT\n\nUpdated 14:45 GMT\n\nUpdated 14:45 GMT\n\nThe index rose 1.2% and the currency held steady against the dollar in late trading."
	var got []string
	for _, f := range analyze(t, text, "").Findings {
		if f.Rule == "integrity.duplicate" {
			got = append(got, fmt.Sprintf("%s@%d", f.Text, f.Start))
		}
	}
	want := fmt.Sprintf("Updated 14:45 GMT@%d", strings.LastIndex(text, "Updated 14:45 GMT"))
	if len(got) != 1 || got[0] != want {
		t.Errorf("duplicates %v, want [%s]", got, want)
	}
}

func TestPartialRunHasNoProfile(t *testing.T) {
	doc := &core.Document{ID: "d", Source: "d.txt", Text: "The regime's so-called reform, critics say, is a disaster."}
	all := map[string]bool{"integrity": true, "transparency": true, "sourcing": true, "framing": true, "factual": true}
	for _, c := range []struct {
		name    string
		opt     Options
		partial bool
	}{
		{"default", Options{}, false},
		{"every scorer named", Options{Scorers: all}, false},
		{"one rule", Options{Only: map[string]bool{"framing.loaded": true}}, true},
		{"one scorer", Options{Scorers: map[string]bool{"framing": true}}, true},
	} {
		e, err := New(c.opt)
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Analyze(doc)
		if err != nil {
			t.Fatal(err)
		}
		if e.Partial() != c.partial || (res.Profile == nil) != c.partial {
			t.Errorf("%s: Partial() %v, profile %v; want partial %v", c.name, e.Partial(), res.Profile, c.partial)
		}
		if len(res.Findings) == 0 {
			t.Errorf("%s: no findings", c.name)
		}
	}
	for _, opt := range []Options{{Scorers: map[string]bool{"framng": true}}, {Only: map[string]bool{"framing.lodaed": true}}} {
		if _, err := New(opt); err == nil || !strings.Contains(err.Error(), "unknown") {
			t.Errorf("%+v: error %v, want unknown scorer or rule", opt, err)
		}
	}
}

// TestEveryRuleHasAReadersName: reports show readers a name, not an ID.
func TestEveryRuleHasAReadersName(t *testing.T) {
	for _, r := range Rules() {
		if r.Name == "" || strings.Contains(r.Name, ".") {
			t.Errorf("rule %s has no reader's name (%q)", r.ID, r.Name)
		}
	}
}

// TestWordSense: plain senses, names and someone else's naming are not the
// outlet's loaded wording (classes from the judged precision set).
func TestWordSense(t *testing.T) {
	for _, c := range []struct {
		text, word string
		counted    bool // against the outlet
	}{
		{"A massive concrete building rose from the valley floor.", "massive", false},
		{"The result was huge for the party.", "huge", true},
		{"It was a massive smear campaign by the agency.", "massive", true},
		{"Both attacks were claimed by the so-called Islamic State on Sunday.", "so-called", false},
		{"The so-called reform passed on Friday.", "so-called", true},
		{"The so-called climate campaigners plan to return next week.", "so-called", true},
		{"He wants to end the tax treatment of so-called carried interest.", "so-called", false},
		{"Party insiders could draft a so-called white knight at the convention.", "so-called", false},
		{"The trial found ways to prevent a catastrophic warming of the planet.", "catastrophic", false},
		{"Radical groups hold large parts of the region.", "Radical", true},
		{"Officials played down links between radical Islam and the attackers.", "radical", false},
		{"The guests included Jeremy Bash and two senators.", "Bash", false},
		// Found in the second mainstream draw: a label after "anti-", a
		// kind of site, and "fake" before "news" (the entry for "fake news"
		// is the one that speaks).
		{"White nationalists and anti-fascist demonstrators clashed.", "fascist", false},
		{"Fake news sites spread the rumour within hours.", "Fake news", false},
		{"He blamed the fake news media for the story.", "fake news", true},
		// A characterisation the outlet reports and does not share, even in
		// the passive (found on a saved news page); "seen as" stays its own.
		{"Mr Mugabe is reviled in the West as a despot.", "despot", false},
		{"The plan is seen as disastrous.", "disastrous", true},
		{"Martin O'Malley has been calling Trump a fascist for months.", "fascist", false},
		{"Republicans portrayed her email server as a reckless danger.", "reckless", false},
		{"In 2008, Hillary Clinton slammed Barack Obama as elitist and out of touch.", "elitist", false},
		{"After savaging party funders as corrupt insiders, Trump found them reluctant to give.", "corrupt", false},
		{"Constitutionalists, like Senator Ted Cruz, consider him a phony.", "phony", false},
		{"He is considered a phony by nobody in particular.", "phony", true},
		// One sense per text: "chaos" in a piece that speaks of chaos theory
		// is the term (found on a saved science page); without the term it
		// is loaded.
		{"Chaos theory began with a weather model. Then chaos went mainstream with a best-selling book.", "chaos", false},
		{"The vote brought chaos to the city. Then chaos went mainstream on every channel.", "chaos", true},
		{"Trump called for a massive wall on the border.", "massive", false},
		{"The mayor's reckless plan failed, and the council called a vote.", "reckless", true},
		// A naming verb's noun is no one's naming (found by the team's probe).
		{"The fashion brand's tone-deaf advert caused a backlash.", "tone-deaf", true},
		{"The label's bizarre contract angered the band.", "bizarre", true},
		{"The letters that called him inexperienced and out of touch were leaked.", "out of touch", false},
		// The target of a verbal attack is the attacker's name for it; a
		// verb ends the target (classes of the census's false alarms).
		{"Cruz rallied the grass roots with sharp attacks on Washington elites.", "elites", false},
		{"He railed against government handouts all evening.", "handouts", false},
		{"The attack on the embassy was a disgraceful failure.", "disgraceful", true},
		// A promise or a plea is the speaker's up to the first comma; the
		// writer's clause after it is the outlet's (census classes).
		{"Donald J. Trump has vowed to bring back mining jobs and roll back overzealous regulations.", "overzealous", false},
		{"Police urged people not to spread rumors or broadcast shocking videos.", "shocking", false},
		{"Perry pledges to end the war on religion in a new ad, railing against open service in the military.", "railing against", true},
		{"Some lawmakers have perceived the efforts as toothless.", "toothless", false},
		{"Some lawmakers have perceived some of Twitter's efforts to clamp down on terrorist-related posts as toothless.", "toothless", false},
		{"The senator, speaking as a reckless partisan in a long speech on the floor of the chamber that night, was cheered.", "reckless", true},
		{"It was the kind of photo-op that Trump loves to disparage as phony.", "phony", false},
		// "According to" names where an account came from, not who in the
		// sentence speaks or names a thing.
		{"Aides began to call the allegations absurd, according to people close to the campaign.", "absurd", false},
		{"According to sources in the meetings, Clinton calmed them by telling them she would not crusade against past wrongs.", "crusade", false},
		// "while" before a participle opens a time clause inside the
		// reported one, not a turn to another voice.
		{"McCain suggested that her use of email while serving as secretary was hypocritical.", "hypocritical", false},
		// A counterfeit report is the literal sense; an institution's name
		// across its "for" is a name.
		{"Intelligence agencies have released fake reports for propaganda purposes before.", "fake", false},
		{"For many years he was the director of the National Center for Disaster Preparedness, which trains volunteers and writes plans for hospitals.", "Disaster", false},
		// A society's political or economic elite is the sociologists' term;
		// "the elites" alone stay loaded.
		{"Factory jobs moved abroad, and the divide between the political and economic elite and everyone else widened.", "elite", false},
		{"The elites ignored the vote again.", "elites", true},
		// An intensified property a reader could measure is a degree, not a
		// verdict.
		{"Attacks of this nature are extremely rare in the capital.", "extremely", false},
		{"The storm has weakened but it remains extremely powerful.", "extremely", false},
		{"It was an incredibly reckless turnaround.", "incredibly", true},
		// The historians' name for a past regime or ruler; a present one's
		// stays loaded.
		{"Praising the crimes of the Nazi regime can be punished with five years in prison.", "regime", false},
		{"The tweet was a quote by the WWII Italian dictator Benito Mussolini.", "dictator", false},
		{"The regime rejected the proposal on Monday.", "regime", true},
		// Business news's stock verb for a measured cut; of a programme it
		// stays loaded.
		{"The company will slash 30,000 jobs by March.", "slash", false},
		{"The fund slashes its growth forecast again.", "slashes", false},
		{"The budget plan slashes antipoverty programs.", "slashes", true},
		// A transcript's turn is its speaker's, every sentence of it; one
		// labelled line alone is a headline's.
		{"The interview, edited for length.\n\nHOST: Was it a turning point?\n\nSebastian Gorka: No, not at all. It was a revolutionary moment.", "revolutionary", false},
		{"Open Borders Chaos: the government's reckless gamble.\n\nThe vote is on Monday.", "reckless", true},
		// What is alleged is the accuser's charge; a size stated with its
		// figure is measured; a verb's literal noun after a determiner or a
		// possessive is the noun (classes of the census's false alarms).
		{"Senator Jane Smith is alleging cronyism at the foundation.", "cronyism", false},
		{"The visit brought allegations of pandering from the campaign.", "pandering", false},
		{"The deal reeks of cronyism.", "cronyism", true},
		{"He took a massive $916 million loss that year.", "massive", false},
		{"Among non-white voters, her edge was massive: 69 percent to 21 percent.", "massive", false},
		{"It's a bad idea to hire on a manager's gut instinct.", "gut", false},
		{"The voters’ guts told them otherwise.", "guts", false},
		{"The bill would gut the agency's budget.", "gut", true},
		{"A law that guts the programme passed on Monday.", "guts", true},
		{"He could not bring himself to utter: the name of his rival.", "utter", false},
		{"The rollout was an utter failure.", "utter", true},
		{"Investigators traced the hack of the party's emails to Moscow.", "hack", false},
		{"The agency is run by party hacks.", "hacks", true},
		{"People think in stark terms of good and evil.", "evil", false},
		{"The candidate has often been met with mockery.", "mockery", false},
		{"The flip-flops made a mockery of the count.", "mockery", true},
		{"Local, national and international outrage ensued.", "outrage", false},
		{"The race was close. Richard Petty’s sentiments went further.", "Petty", false},
		{"The vote came late. To Florida consultant Wilson, the party line is just plain silly.", "silly", false},
		{"The vote came late. To many conservatives, the plan is a disaster.", "disaster", true},
		{"The race was close. The Corrupt media ignored it.", "Corrupt", true},
	} {
		res := analyze(t, c.text, "")
		counted := false
		for _, f := range res.Findings {
			if f.Rule == "framing.loaded" && f.Text == c.word && !f.Quoted {
				counted = true
			}
		}
		if counted != c.counted {
			t.Errorf("%q: %q counted against the outlet = %v, want %v", c.text, c.word, counted, c.counted)
		}
	}
}

// TestOtherLanguages: a French article gets no English-lexicon verdict:
// no framing or sourcing finding, band unscorable with the reason, and the
// checks that do not read English (names) still run.
func TestOtherLanguages(t *testing.T) {
	fr := "Sommet de Paris\n\nLe président ukrainien Vladimir Zelensky a rencontré mardi les dirigeants européens à Paris pour discuter des garanties de sécurité. " +
		"Selon des sources diplomatiques, les discussions ont été difficiles et les critiques affirment que le plan est un scandale absolu. " +
		"Les ministres des affaires étrangères se retrouveront la semaine prochaine à Bruxelles pour préparer un accord, a indiqué le porte-parole du gouvernement. " +
		"La délégation américaine doit arriver jeudi et rester trois jours dans la capitale française avant de repartir pour Varsovie."
	res := analyze(t, fr, "2025-09-02")
	if res.Language != "fr" || res.Profile == nil || res.Profile.Band != "unscorable" || !strings.Contains(res.Profile.Reason, "French") {
		t.Fatalf("language %q, profile %+v: want fr, unscorable, the reason naming French", res.Language, res.Profile)
	}
	name := false
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, "framing.") || strings.HasPrefix(f.Rule, "sourcing.") {
			t.Errorf("English rule on French text: %s %q", f.Rule, f.Text)
		}
		name = name || f.Rule == "factual.name"
	}
	if !name {
		t.Errorf("the wrong given name of Zelensky was not checked: %v", res.Findings)
	}
	en := analyze(t, "The council approved the budget on Tuesday after a long debate about the new bridge, the mayor said. The vote was close and the opposition walked out.", "")
	if en.Language != "" || en.Profile.Band == "unscorable" {
		t.Errorf("English text: language %q, band %s", en.Language, en.Profile.Band)
	}
}

// TestPraiseWithItsSpeaker: "hailed", "lauded" with an identified subject
// describe that person's praise and are no loaded wording of the outlet's
// (agentless or vague, they are: see TestReportedSpeechIsTheSources).
func TestPraiseWithItsSpeaker(t *testing.T) {
	for _, s := range []string{
		"Obama has often hailed the progress on gay rights made during his presidency.",
		"Twenty-two years ago, a Times article hailed Trump as the comeback kid of the city.",
		"The Treasury secretary also lauded the plan on Tuesday.",
		"Critics lauded the film for its courage.", // its reception, described
		"Jonathan Cowan, president of centrist think tank Third Way, hailed the reversal.",
	} {
		for _, f := range analyze(t, s, "2025-05-01").Findings {
			if f.Rule == "framing.loaded" {
				t.Errorf("%q: %s", s, f.Message)
			}
		}
	}
}

// TestFurnitureSourcesNothing: the headlines of a related list below a
// page copy ("Senator Mark Hale says …") are the page's, not sources the
// article quotes; they neither count as named sources nor as quotes.
func TestFurnitureSourcesNothing(t *testing.T) {
	const page = `Home
News
Sports
Finance
Sign in
Search

Council approves budget after long debate

By Ana Ruiz

The city council approved next year's budget on Tuesday after a debate that ran past midnight, the clerk's office said.

Mayor Lena Ortiz said the plan keeps taxes flat while adding two libraries. "We listened to every neighbourhood," she said.

Opponents on the council said the plan leans on reserves that may not last, and two members voted against it.

The budget takes effect in January, and the council will review spending in the spring, according to the clerk.

What to Read Next
Senator Mark Hale says "the tariffs will end by spring"
Yahoo Finance
Governor Ruth Vance says the port deal is dead
Business Insider
Coach Tim Rowe says "we were robbed" after loss
Elle
Analyst Dana Pike says markets will rally
Bloomberg Video
Privacy
Terms
Help
Suggestions
About
`
	res, err := testEngine(t).Analyze(&core.Document{ID: "page", Text: page})
	if err != nil {
		t.Fatal(err)
	}
	st := res.Profile.Sourcing
	if st.DistinctNamed != 1 || st.DirectQuotes != 1 || len(st.Quoted) != 1 || st.Quoted[0] != "Lena Ortiz" {
		t.Errorf("sources %v, %d named, %d direct quotes: want Lena Ortiz alone, quoted once", st.Quoted, st.DistinctNamed, st.DirectQuotes)
	}
}

// TestNestedLoadedSpansReportedOnce: a loaded word inside a loaded phrase
// is one finding, the phrase's (found in PolNeAR: "relentlessly attacked",
// "immigrant-bashing").
func TestNestedLoadedSpansReportedOnce(t *testing.T) {
	for text, want := range map[string]string{
		"The campaign relentlessly attacked the senator's record.": "relentlessly attacked",
		"The team was sacked after a humiliating defeat.":          "humiliating defeat",
	} {
		var got []string
		for _, f := range analyze(t, text, "2025-03-04").Findings {
			if f.Rule == "framing.loaded" {
				got = append(got, f.Text)
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: loaded findings %q, want only %q", text, got, want)
		}
	}
}

// TestFurnitureLinesInsideAnArticle: a probe of page lines a pasted article
// carries, each set between two paragraphs of a report (2 of 15 furniture
// lines were found when the team wrote it on 2026-12-08), and article lines
// that share their words: every furniture line is kept out, no article line.
func TestFurnitureLinesInsideAnArticle(t *testing.T) {
	const head = "Council approves new housing plan\n\nBy Jane Roe\n\nLONDON, March 3, 2026 — The council approved a plan for 400 new homes on Tuesday, officials said.\n\n"
	const tail = "\n\nThe plan will be reviewed next year, the council said in a statement. Work is due to start in the spring, and the first homes should be ready by 2028.\n"
	for line, furniture := range map[string]bool{
		"Sign up for our morning briefing":                         true,
		"Follow us on Instagram":                                   true,
		"This story has been shared 1,204 times.":                  true,
		"Image: Getty Images":                                      true,
		"Advertisement - Continue Reading Below":                   true,
		"Skip Advertisement":                                       true,
		"More in Politics":                                         true,
		"Show comments":                                            true,
		"Updated 3 hours ago":                                      true,
		"Copy link to article":                                     true,
		"Photograph: Jane Roe/Reuters":                             true,
		"Read our community guidelines before commenting.":         true,
		"Want more stories like this? Sign up for our newsletter.": true,
		"Recommended Stories":                                      true,
		"Most Viewed":                                              true,
		"The council will sign up more volunteers for the scheme next year.": false,
		"Photographs of the damage were shared widely on social media.":      false,
		"More than 200 people attended the hearing.":                         false,
		"Readers wrote in to share their stories about the flood.":           false,
		"The company's image has suffered since the recall.":                 false,
	} {
		res := analyze(t, head+line+tail, "2026-03-03")
		kept := false
		for _, f := range res.Findings {
			if strings.HasPrefix(f.Rule, "integrity.") && strings.Contains(f.Text, line) {
				kept = true
			}
		}
		if kept != furniture {
			t.Errorf("%q kept out as furniture: %v, want %v", line, kept, furniture)
		}
	}
}
