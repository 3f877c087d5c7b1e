package text

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

func sentenceTexts(src string) []string {
	var out []string
	for _, s := range Sentences(src, Tokenize(src, nil)) {
		out = append(out, src[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"The U.S. said no. Talks resume.", []string{"The U.S. said no.", "Talks resume."}},
		{"Sir Keir Starmer spoke. Dr. Smith agreed.", []string{"Sir Keir Starmer spoke.", "Dr. Smith agreed."}},
		{"Mr. J. Smith left at 3.5 p.m. on Monday.", []string{"Mr. J. Smith left at 3.5 p.m. on Monday."}},
		{"“We are ready.” She left.", []string{"“We are ready.”", "She left."}},
		{"Headline Here\nBody starts here. Ends.", []string{"Headline Here", "Body starts here.", "Ends."}},
		{"A long hard-wrapped line of reporting continues past sixty characters and\nthen goes on in lower case.", []string{"A long hard-wrapped line of reporting continues past sixty characters and\nthen goes on in lower case."}},
		{"Is it? Yes! No.", []string{"Is it?", "Yes!", "No."}},
		{"", nil},
	}
	// Text that never ends a sentence is cut every MaxSentenceTokens tokens.
	runOn := strings.Repeat("word ", 2*MaxSentenceTokens+10)
	cases = append(cases, struct {
		in   string
		want []string
	}{runOn, []string{
		strings.TrimSpace(strings.Repeat("word ", MaxSentenceTokens)),
		strings.TrimSpace(strings.Repeat("word ", MaxSentenceTokens)),
		strings.TrimSpace(strings.Repeat("word ", 10)),
	}})
	for _, c := range cases {
		got := sentenceTexts(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQuotes(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{`He said "no deal" today.`, []string{`no deal`}},
		{"“We will not sign this,” Lavrov stated.", []string{"We will not sign this,"}},
		{"Kyiv’s plan, the allies’ view and ‘a vital part,’ she said.", []string{"a vital part,"}},
		{"“First sentence. Second sentence.” He left.", []string{"First sentence. Second sentence."}},
		{"don't 'quote' it", []string{"quote"}},
		{"an “unclosed quote", nil},
		// A long quote runs on: the first paragraph is left open and the next
		// opens with a mark (found in BASIL, where pairing the marks across
		// paragraphs turned every later quote inside out).
		{"\"First paragraph.\n\n\"Second paragraph,\" he said. Then \"a third\".", []string{"First paragraph.\n\n\"Second paragraph,", "a third"}},
		{"“One,” he said. “Two\n\nThe reporter writes. “Three,” she said.", []string{"One,", "Three,"}},
		{"\"A quote wrapped\nat a line end,\" he said.", []string{"A quote wrapped\nat a line end,"}},
		// A closing mark that opens a line is a typo for an opening one (found in PolNeAR).
		{"Voices:\n”He represents our shame.” ― Sonya Herridge", []string{"He represents our shame."}},
		// Two apostrophes for a double mark, as archived copy prints them,
		// across paragraphs too (found in PolNeAR's New York Times copy).
		{"He had decimated ''core Al Qaeda,'' he said.", []string{"core Al Qaeda,"}},
		{"''One. Two, we'd say.\n\n''Three.'' He left. It's ''x''", []string{"One. Two, we'd say.\n\n''Three.", "x"}},
		{"Don''t", nil},
		// A straight mark closed by a curly one (scraped copy).
		{`"It just did.” Then “more.”`, []string{"It just did.", "more."}},
		// A transcript's turns are its speakers' words; the interviewer's
		// questions and an info box's labels are not turns.
		{"Intro.\n\nQ: What happened in the talks?\n\nA: It was a disaster, I think, from start to finish.\n\nIt went on \"and on\" for hours.\n\nQ: Why?\n\nA: Because they never listened to a word that we said.\n\nThe end.",
			[]string{"It was a disaster, I think, from start to finish.\n\nIt went on \"and on\" for hours.", "Because they never listened to a word that we said."}},
		{"TAPPER: Do you think he has done enough to calm the country down?\nFALLIN: Well, I think the whole nation needs to take a breath now.\nTAPPER: Thank you.",
			[]string{"Do you think he has done enough to calm the country down?", "Well, I think the whole nation needs to take a breath now.", "Thank you."}},
		// Answers alone, the questions' label lost in the copy (found in
		// PolNeAR: "QWhat would have happened?"); two answers are not enough.
		{"QWhy did you go?\n\nA: Because they needed help, I think, and nobody else was there.\n\nQWhat now?\n\nA: Yes, absolutely. We need to stay engaged with them for years.\n\nQAnd then?\n\nA: No.",
			[]string{"Because they needed help, I think, and nobody else was there.", "Yes, absolutely. We need to stay engaged with them for years.", "No."}},
		{"A: Because they needed help, I think, and nobody else was there.\n\nA: Yes, absolutely. We need to stay engaged with them for years.", nil},
		{"WHEN: Saturday\nWHERE: Town hall\nCOST: $5 \"or less\"", []string{"or less"}},
		{"UPDATE: The count resumed.\n\nThe mayor said \"yes\".", []string{"yes"}},
		// A paragraph that repeats a quotation given earlier is that
		// quotation again (a post embedded after the prose quoting it).
		{"Trump responded on Twitter: \"Kim is obviously a madman who will be tested like never before!\"\n\nKim is obviously a madman who will be tested like never before!\n\nThe outlet's own text.",
			[]string{"Kim is obviously a madman who will be tested like never before!", "Kim is obviously a madman who will be tested like never before!"}},
		// Embedded posts are the poster's words.
		{"Reactions poured in.\n\nAnother horrific attack, this time in Nice. pic.twitter.com/x\n— Jo Bloggs (@jobloggs) July 14, 2016\n\nThe outlet's own text.",
			[]string{"Another horrific attack, this time in Nice. pic.twitter.com/x\n"}},
		// The signature in a paragraph of its own: the post is the one before.
		{"Reactions poured in.\n\nAnother horrific attack. Sad!\n\n— Jo Bloggs (@jobloggs) July 14, 2016\n\nThe outlet's own text.",
			[]string{"Another horrific attack. Sad!\n\n"}},
		{strings.Repeat("The outlet's own long paragraph goes on. ", 30) + "\n\n— Jo Bloggs (@jobloggs) July 14, 2016\n\nMore.", nil},
		// A quotation runs on for at most maxQuoteParagraphs paragraphs: one
		// of 60 is taken from its eleventh, the first that reaches the close.
		{strings.Repeat("\"Para.\n\n", 59) + "\"Last,\" he said.", []string{strings.Repeat("Para.\n\n\"", 49) + "Last,"}},
		// A mark that finds no close on its line spares the marks after it
		// on that line the search, not those on the next.
		{"'a 'b\n'c d' e", []string{"c d"}},
		{"\u00aba \u00abb\n\nc \u00abd e\u00bb f", []string{"d e"}},
		// A post printed without its signature ends with its hashtag (found in
		// a round-up of reactions); prose that names a hashtag does not, and a
		// post's own quotation stays inside the post.
		{"Some were blunt.\n\nThis is a \"white\" terrorist, stop being dumb. #AustinBombing\n\nThe outlet's own text.",
			[]string{"This is a \"white\" terrorist, stop being dumb. #AustinBombing"}},
		{"Thousands joined in.\n\nWomen shared stories with the hashtag #MeToo\n\nOthers used #MeToo.", nil},
		{"Tagged: #news", nil},
		// So does one that ends with the post's picture or short link, or,
		// in a digest of posts, with the time it was posted; a link or a
		// time inside the outlet's prose does not.
		{"He posted a photo.\n\nFirst responders are heroic! pic.twitter.com/I0gvCQLTKO\n\nThe outlet's own text.",
			[]string{"First responders are heroic! pic.twitter.com/I0gvCQLTKO"}},
		{"Statements:\n\n- They laugh at our dumb laws. NEED WALL! [1025 EDT]\n\nMore.",
			[]string{"- They laugh at our dumb laws. NEED WALL! [1025 EDT]"}},
		{"The link https://t.co/abc went round. It was shared [0900 EDT] widely.", nil},
		{"pic.twitter.com/abc", nil},
		// After a paragraph introduced as someone's post, a line that only
		// dates the next one goes on with that speaker; with no such
		// paragraph before it, it does not.
		{"On April 3, he tweeted:\n\nCongress MUST ACT NOW!\n\nOn April 2:\n\nAs ridiculous as it sounds, the laws are weak.\n\nThe outlet's own text.",
			[]string{"Congress MUST ACT NOW!", "As ridiculous as it sounds, the laws are weak."}},
		{"On April 2:\n\nThe council met.", nil},
		// The one paragraph in the first person outside quotation marks,
		// when it exclaims, is someone's post or statement pasted in; a
		// writer who writes as "I" does so more than once.
		{"Trump said on Thursday that he did not fire Comey.\n\nNot that it matters but I’m sure I never fired him! The Corrupt Media knows it!\n\nHe said \"it was me\" later.",
			[]string{"Not that it matters but I’m sure I never fired him! The Corrupt Media knows it!", "it was me"}},
		{"I was there.\n\nMy word, what a day!", nil},
		{"The team won.\n\nWhat a day for Manchester!", nil},
		{`Reactions: <tweet pic="" author="RandPaul" timestamp="1">My "thoughts" are with the brave responders</tweet>. Then "more".`,
			[]string{`My "thoughts" are with the brave responders`, "more"}},
		// A quotation inside a straight-quoted one does not close it (found
		// in PolNeAR: "… for its “Bathroom Bill,” which allows …").
		{"\"Lynch is suing for its \u201cBathroom Bill,\u201d which allows owners, not bureaucrats, to decide.\n\n\"The solution is property.\" Then more.",
			[]string{"Lynch is suing for its \u201cBathroom Bill,\u201d which allows owners, not bureaucrats, to decide.\n\n\"The solution is property."}},
		// A straight-quoted paragraph continued by one that opens with a
		// curly mark (found in PolNeAR: a page quoting another outlet).
		{"\"Melanie thought it was outrageous.\n\n\u201cIt never crossed my mind,\u201d she said.\n\nThe end.",
			[]string{"Melanie thought it was outrageous.\n\n\u201cIt never crossed my mind,"}},
		// A paragraph after one that ends "saying:" is the speaker's words,
		// printed without marks (found in BASIL: a post quoted whole); the
		// next paragraph is the outlet's again.
		{"Trump lashed out on Twitter, saying:\n\nThe justice has embarrassed all by making very dumb statements.\n\nThe court said nothing.",
			[]string{"The justice has embarrassed all by making very dumb statements."}},
		{"The statement read:\n\"We regret the delay.\"\n\nThe list includes:\n\nthree parks.", []string{"We regret the delay."}},
		// A statement whose opening mark is never closed, introduced by a
		// line that names it (found in BASIL).
		{"Trump responded in a statement on Friday afternoon:\n\n\u201cI have no idea whether the story is true. I had absolutely nothing to do with it.\n\nThe campaign went on.",
			[]string{"I have no idea whether the story is true. I had absolutely nothing to do with it."}},
		// An excerpt of several paragraphs, each opening with a mark that
		// is never closed (found in PolNeAR: another outlet's story quoted
		// "From Josh Feldman writing at Mediaite:"); the outlet's own
		// paragraph after it is not quoted.
		{"From a reporter writing at Mediaite:\n\n\"The segment devolved into a shouting match.\n\n\"The pastor defended the line.\n\nRead the rest at Mediaite.",
			[]string{"The segment devolved into a shouting match.", "The pastor defended the line."}},
	}
	for _, c := range cases {
		var got []string
		for _, q := range Quotes(c.in) {
			got = append(got, c.in[q.InnerStart:q.InnerEnd])
			if c.in[q.Start:q.End] == "" || q.Start > q.InnerStart || q.End < q.InnerEnd {
				t.Errorf("%q: bad quote bounds %+v", c.in, q)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Quotes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Kyiv’s":          "kyiv's",
		"“Quoted”":        `"quoted"`,
		"ＡＢＣ":             "ａｂｃ",
		"e\u0301te\u0301": "été",
		"\uFEFFHello":     "hello",
		"war—time":        "war-time",
		"plain":           "plain",
		"ДА 😁":            "да 😁",
		"`quoted´":        "'quoted'",
		"A\u00a0B":        "a b",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// Fold is idempotent and keeps text valid.
func FuzzFold(f *testing.F) {
	f.Add("Kyiv’s “Zélensky” — 😁")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		once := Fold(s)
		if !utf8.ValidString(once) || Fold(once) != once {
			t.Fatalf("Fold(%q) = %q, folded again %q", s, once, Fold(once))
		}
	})
}

func FuzzSentencesAndQuotes(f *testing.F) {
	f.Add("The U.S. said “no.” Dr. Who left.\n\nNext.")
	f.Add("He wrote on Twitter, saying:\n\n“Sad!\n\nQ: Why?\nA: Because.\nQ: And?\nA: That is all I will say today, thank you.")
	f.Add("Some were blunt.\n\nThis is a \"white\" terrorist, stop it. #Tag\n\n'a 'b «c „d\n\n\"e\n\n\"f")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		toks := Tokenize(s, nil)
		prev := 0
		for _, st := range Sentences(s, toks) {
			if st.Start < prev || st.End > len(s) || st.Start >= st.End || st.First >= st.Last {
				t.Fatalf("bad sentence %+v in %q", st, s)
			}
			prev = st.End
		}
		end := 0
		for _, q := range Quotes(s) {
			// A quotation between marks has them outside its inner span; a
			// transcript's turn or a paragraph quoted whole may have none.
			// Quotes are in order and never overlap (QuoteAt searches them).
			if q.Start < end || q.End > len(s) || !(q.Start <= q.InnerStart && q.InnerStart <= q.InnerEnd && q.InnerEnd <= q.End && q.Start < q.End) || !utf8.ValidString(s[q.Start:q.End]) {
				t.Fatalf("bad quote %+v in %q", q, s)
			}
			end = q.End
		}
	})
}

// TestStemCacheConcurrent looks words up from several goroutines while the
// cache merges its pending words: every answer must be the word's own fold,
// stem and ids, whichever map it came from.
func TestStemCacheConcurrent(t *testing.T) {
	var c StemCache
	words := make([]string, 5000)
	for i := range words {
		n := i % 1700 // repeats, and capitals to fold
		words[i] = "Report" + string(rune('a'+n%26)) + string(rune('a'+n/26%26)) + string(rune('a'+n/676)) + "ings"
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, w := range words {
				got := c.Lookup(w)
				norm := strings.ToLower(w)
				stem := english.Stem(norm, false)
				if got.Norm != norm || got.Stem != stem || got.NormID != Intern(norm) || got.StemID != Intern(stem) {
					errs <- fmt.Sprintf("Lookup(%q) = %+v", w, *got)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if Intern("reporting") == Intern("report") || Intern("report") == 0 {
		t.Error("distinct strings must get distinct, non-zero ids")
	}
	// Past its budget, a spelling with a digit is not cached and gets no
	// new id.
	d := StemCache{limit: 16} // one numeric spelling
	d.Lookup("€815")
	w := d.Lookup("Tallied2,347votes")
	if w.Norm != "tallied2,347votes" || w.NormID != 0 || d.Lookup("Tallied2,347votes") == w {
		t.Errorf("a word with a digit past the budget should be looked up uncached with id 0: %+v", *w)
	}
	if w := d.Lookup("€815"); w.NormID == 0 || d.digits != 1 {
		t.Errorf("a numeric spelling within the budget should be cached and interned: %+v, %d cached", *w, d.digits)
	}
}

// TestStemCacheBound: past its bound the cache answers without growing, and
// a word it does not keep still matches if compiled data interned it.
func TestStemCacheBound(t *testing.T) {
	c := StemCache{limit: 10}
	for i := 0; i < 50; i++ {
		c.Lookup("Word" + string(rune('a'+i%26)) + string(rune('a'+i/26)))
	}
	if c.size != 10 {
		t.Errorf("cache holds %d spellings, want 10", c.size)
	}
	d := StemCache{limit: 32} // two long numeric spellings
	for _, n := range []string{"2025", "123456", "234567", "345678", "456789"} {
		d.Lookup(n)
	}
	if d.size != 3 || d.digits != 2 {
		t.Errorf("short numbers are kept and long ones to a sixteenth of the bound: %d kept (%d long), want 3 (2)", d.size, d.digits)
	}
	lexiconWord := Intern("stonewalling")
	if w := c.Lookup("Stonewalling"); w.NormID != lexiconWord || w.Stem != "stonewal" {
		t.Errorf("uncached lexicon word: %+v", *w)
	}
}

func TestIsNameLine(t *testing.T) {
	for l, want := range map[string]bool{
		"Kayla Vaughn":          true,
		"Mary-Jane O’Neil":      true,
		"  Ana  María López ":   true,
		"J. R. R. Tolkien":      true,
		"Kayla":                 false, // one word
		"Ana Maria de la Cruz":  false, // a lower-case particle
		"Ana Maria Luisa de Vo": false,
		"A B C D E":             false, // five words
		"Kayla Vaughn, Reuters": false,
		"The Road Ahead":        false, // a heading
		"Kayla 2Vaughn":         false,
		"":                      false,
	} {
		if got := IsNameLine(l); got != want {
			t.Errorf("IsNameLine(%q) = %v, want %v", l, got, want)
		}
	}
}

func TestPossessiveAt(t *testing.T) {
	for s, want := range map[string]bool{"Obama's order": true, "Bush’s push": true, "Obama s order": false, "the order's": true, "it": false} {
		toks := Tokenize(s, &StemCache{})
		got := false
		for k := range toks {
			got = got || PossessiveAt(toks, k)
		}
		if got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestSignaturesMatchThePattern: signatures finds exactly what the post
// signature's pattern finds over the whole text, on random texts made of
// the pieces a signature is made of.
func TestSignaturesMatchThePattern(t *testing.T) {
	pieces := []string{"— ", "-", "--", " ", "\n", "(@", "jo_b", ") ", "July ", "14, ", "2016", "Jo Bloggs", "é", "(", ")", "x", "A", strings.Repeat("y", 70),
		"— Jo Bloggs (@jobloggs) July 14, 2016", "-Ann (@a) May 1, 2020", " (@" + strings.Repeat("h", 31) + ") May 1, 2020", "Jo (@jo) Septemberr 30, 1999"}
	rng := rand.New(rand.NewSource(1))
	found := 0
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		src := b.String()
		got, want := signatures(src), postSignature.FindAllStringSubmatchIndex(src, -1)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("signatures(%q) = %v, want %v", src, got, want)
		}
		found += len(want)
	}
	if found < 10000 {
		t.Errorf("only %d signatures in the random texts: the test compares too few", found)
	}
	src := "Another attack. Sad!\n\n— Jo Bloggs (@jobloggs) July 14, 2016\n\nAnd — Ann Lee (@ann) March 2, 2017 too."
	if got, want := signatures(src), postSignature.FindAllStringSubmatchIndex(src, -1); len(want) != 2 || !reflect.DeepEqual(got, want) {
		t.Errorf("signatures = %v, want %v (two)", got, want)
	}
}
