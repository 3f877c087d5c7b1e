package text

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/credence-news/credence/lexicons"
)

// Quote is a direct quotation: Start/End include the quote marks, Inner* do not.
type Quote struct {
	Start, End           int
	InnerStart, InnerEnd int
	// Speaker is the name a reporting verb attaches to the quote, if any, with
	// its span; Cue is the reporting verb.
	Speaker                  string
	SpeakerStart, SpeakerEnd int
	Cue                      string
}

// quoteByte marks the bytes the quote scan stops at: the ASCII quote marks,
// the "<" of an embedded post's tag, and every byte of a multibyte rune
// (curly marks and guillemets among them).
var quoteByte = func() (t [256]bool) {
	t['"'], t['\''], t['<'] = true, true, true
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// Inside reports whether the byte span [s, e) lies within the quote's marks.
func (q Quote) Inside(s, e int) bool { return s >= q.InnerStart && e <= q.InnerEnd }

// Quotes finds direct quotations delimited by double quotes (straight, curly,
// guillemets) or by single quotes. A single quote opens only after a space or
// opening bracket and closes only before a non-letter, so apostrophes
// ("Kyiv’s", "don't") are never taken for quote marks. A double-quoted
// quotation may span sentences, and paragraphs when each new one opens with a
// quote mark (the news convention for long quotes); one still open at the end
// of a paragraph that the next does not continue is dropped, so one stray
// mark cannot pair every later quote the wrong way round.
func Quotes(src string) []Quote {
	var out []Quote
	// gaveUp[k] is where the last search for a closing mark of kind k gave
	// up: a later opening mark of that kind before it would find no close
	// either (any close it found would have closed the earlier mark), so it
	// is not searched again. Without it a line of unclosed marks ('a b 'a b
	// …) was read to its end once per mark.
	var gaveUp [kinds]int
	tryDouble := func(at, size int, open rune) (Quote, bool) {
		k := kindOf(open)
		if k != straight && at < gaveUp[k] {
			return Quote{}, false
		}
		q, stop, ok := closeDouble(src, at, size, open)
		if !ok && k != straight {
			gaveUp[k] = stop
		}
		return q, ok
	}
	for i := 0; i < len(src); {
		for i < len(src) && !quoteByte[src[i]] { // most bytes: nothing to decode
			i++
		}
		if i == len(src) {
			break
		}
		if src[i] == '<' {
			// An embedded post's tag: its attributes' marks are not quotes.
			if strings.HasPrefix(src[i:], "<tweet") {
				if k := strings.IndexByte(src[i:], '>'); k > 0 {
					i += k
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '\'' && i+1 < len(src) && src[i+1] == '\'':
			// Two apostrophes for a double quote mark (''core Al Qaeda,''),
			// as archives typed on machines without curly quotes print them.
			if q, ok := tryDouble(i, 2, twoApostrophes); ok {
				out = append(out, q)
				i = q.End
				continue
			}
			i += 2
			continue
		case r == '"' || r == '\u201C' || r == '\u201E' || r == '\u00AB':
			if q, ok := tryDouble(i, size, r); ok {
				out = append(out, q)
				i = q.End
				continue
			}
		case r == '\u201D' && (i == 0 || src[i-1] == '\n') && i+size < len(src) && unicode.IsLetter(rune(src[i+size])):
			// A closing mark that opens a line is a typo for an opening one
			// (scraped pages print "”Mr. Trump embodies…” ― Sonya Herridge").
			if q, ok := tryDouble(i, size, '\u201C'); ok {
				out = append(out, q)
				i = q.End
				continue
			}
		case (r == '\'' || r == '\u2018') && opensSingle(src, i) && i >= gaveUp[single]:
			q, stop, ok := closeSingle(src, i, size)
			if ok {
				out = append(out, q)
				i = q.End
				continue
			}
			gaveUp[single] = stop
		}
		i += size
	}
	if turns := transcriptTurns(src); len(turns) > 0 {
		out = withTurns(out, turns)
	}
	if posts := embeddedPosts(src); len(posts) > 0 {
		out = withTurns(out, posts)
	}
	if posts := taggedPosts(src, out); len(posts) > 0 {
		out = withTurns(out, posts)
	}
	if blocks := blockQuotes(src, out); len(blocks) > 0 {
		out = withTurns(out, blocks)
	}
	if posts := exclaimedPost(src, out); len(posts) > 0 {
		out = withTurns(out, posts)
	}
	if repeats := repeatedQuotes(src, out); len(repeats) > 0 {
		out = withTurns(out, repeats)
	}
	return out
}

// repeatedQuotes finds a paragraph that repeats, word for word, a quotation
// the text gave earlier: a post's text where the page embedded the post
// after the prose that quoted it ("Trump responded on Twitter: "Kim Jong Un
// … tested like never before!"" and then the tweet's text on its own). It
// is the quotation's words again, not the outlet's. Short ones (under 40
// bytes) are left alone: a phrase may well recur in the outlet's voice.
func repeatedQuotes(src string, quotes []Quote) []Quote {
	if len(quotes) == 0 {
		return nil
	}
	said := map[string]int{} // a quotation's words → where it ends
	for _, q := range quotes {
		if inner := strings.TrimSpace(src[q.InnerStart:q.InnerEnd]); len(inner) >= 40 {
			if _, ok := said[inner]; !ok {
				said[inner] = q.End
			}
		}
	}
	var out []Quote
	for start := 0; start < len(src); {
		end := strings.Index(src[start:], "\n\n")
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		para := strings.TrimSpace(src[start:end])
		if at, ok := said[para]; ok && at <= start {
			s := start + strings.Index(src[start:end], para)
			// Quotes are in text order and do not overlap: the first to end
			// after s is the only one that can overlap the paragraph.
			k := sort.Search(len(quotes), func(k int) bool { return quotes[k].End > s })
			if k == len(quotes) || quotes[k].Start >= s+len(para) {
				out = append(out, Quote{Start: s, End: s + len(para), InnerStart: s, InnerEnd: s + len(para)})
			}
		}
		start = end + 2
	}
	return out
}

// blockQuoteOpeners end a paragraph that introduces the next one as
// someone's words: "… on Twitter, saying:", "Dr. Ward stated:".
var blockQuoteOpeners = lexicons.Set("block_quote_openers")

// blockQuotes finds a paragraph printed as someone's words after a
// paragraph that ends in a colon and names the speaking ("Trump lashed out
// on Twitter, saying:", "Trump responded in a statement on Friday
// afternoon:"): a post or a statement set on its own, as pages print them,
// without quote marks or with an opening mark never closed. Only that one
// paragraph: what follows may be the outlet's again. A paragraph whose
// marks pair up is left to the quotation rules (quotes, found before).
func blockQuotes(src string, quotes []Quote) []Quote {
	var out []Quote
	for i := 0; ; {
		k := strings.Index(src[i:], ":\n")
		if k < 0 {
			return out
		}
		colon := i + k
		i = colon + 1
		// After one such paragraph, a line that only dates the next goes on
		// with the same speaker's posts or statements ("On April 3, he
		// tweeted:" … "On April 2:").
		if line := src[strings.LastIndexByte(src[:colon], '\n')+1 : colon]; !introducesQuote(line) && (len(out) == 0 || !datesNext(line)) {
			continue
		}
		start := colon + 1
		for start < len(src) && (src[start] == '\n' || src[start] == ' ' || src[start] == '\t' || src[start] == '\r') {
			start++
		}
		if start >= len(src) {
			return out
		}
		inner := start
		if r, size := utf8.DecodeRuneInString(src[start:]); r == '"' || r == '\'' || unicode.Is(unicode.Pi, r) || unicode.Is(unicode.Pf, r) || r == '\u00AB' {
			if slices.ContainsFunc(quotes, func(q Quote) bool { return q.Start == start }) {
				continue
			}
			inner += size
		}
		end := paragraphEnd(src, start)
		if end > inner {
			out = append(out, Quote{Start: start, End: end, InnerStart: inner, InnerEnd: end})
		}
		// A quotation of several paragraphs opens each with a quote mark
		// (and may never close, in a hasty excerpt: "From Josh Feldman
		// writing at Mediaite:" and three paragraphs each opening with one).
		for opened := inner > start; opened; {
			next := skipBlank(src, end)
			r, size := utf8.DecodeRuneInString(src[next:])
			if opened = next < len(src) && (r == '"' || r == '\u201C') && !slices.ContainsFunc(quotes, func(q Quote) bool { return q.Start == next }); opened {
				end = paragraphEnd(src, next)
				out = append(out, Quote{Start: next, End: end, InnerStart: next + size, InnerEnd: end})
			}
		}
		i = max(i, end)
	}
}

// datesNext reports a line of a few words that names a day and nothing
// else a sentence would: "On April 2", "Later that day", "Monday".
func datesNext(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ",."))
		if monthWords[w] || weekdayNames[w] || w == "later" || w == "earlier" || w == "day" {
			return true
		}
	}
	return false
}

var monthWords, weekdayNames = lexicons.Set("month_words"), lexicons.Set("weekdays")

// skipBlank is the first byte at or after i that is not a space, a tab or
// a line break.
func skipBlank(src string, i int) int {
	for i < len(src) && (src[i] == '\n' || src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
		i++
	}
	return i
}

// paragraphEnd is where the paragraph that starts at start ends, its
// trailing spaces left out.
func paragraphEnd(src string, start int) int {
	end := len(src)
	if e := strings.Index(src[start:], "\n\n"); e >= 0 {
		end = start + e
	}
	return start + len(strings.TrimRight(src[start:end], " \t\r\n"))
}

// introducesQuote reports a line whose last dozen words name the speaking:
// a verb of saying or a statement (blockQuoteOpeners).
func introducesQuote(line string) bool {
	words := strings.Fields(line)
	for _, w := range words[max(0, len(words)-12):] {
		if blockQuoteOpeners[strings.ToLower(strings.Trim(w, ",.;:()\"'’“”"))] {
			return true
		}
	}
	return false
}

// postSignature is the line a page prints under an embedded post: "— Rep.
// Ilhan Omar (@Ilhan) November 19, 2019".
var postSignature = regexp.MustCompile(`(?:—|--|-) ?([^\n—()]{1,60}?) \(@(\w{1,30})\) (?:[A-Z][a-z]+ \d{1,2}, \d{4})`)

// signatures returns postSignature.FindAllStringSubmatchIndex(src, -1),
// running the pattern only around each "(@", which every match holds once
// (its name part has no parenthesis): from as far back as a match can
// start (a dash, a space, 60 runes and a space before it, and not before
// the line, nor the last match's end) to as far on as one can end (the
// handle, ") ", a month's capital and lowercase run, the day and year).
// Over a whole text the pattern tried every dash and hyphen: a fiftieth of
// the analysis of real news. A window's leftmost match is kept only if it
// holds its own "(@": a later one's may be cut short by the window, and
// its own window finds it.
func signatures(src string) [][]int {
	var out [][]int
	prevEnd := 0
	for off := 0; ; {
		k := strings.Index(src[off:], "(@")
		if k < 0 {
			return out
		}
		i := off + k
		off = i + 2
		if i < prevEnd {
			continue
		}
		j := i + 2 // past the handle, ") " and the month's capital
		for j < len(src) && j < i+2+30 && IsRegexpWord(src[j]) {
			j++
		}
		if j == i+2 || !strings.HasPrefix(src[j:], ") ") || j+2 >= len(src) || src[j+2] < 'A' || src[j+2] > 'Z' {
			continue
		}
		j += 3
		for j < len(src) && src[j] >= 'a' && src[j] <= 'z' {
			j++
		}
		end := min(len(src), j+len(" 12, 2016"))
		if nl := strings.IndexByte(src[i:end], '\n'); nl >= 0 {
			end = i + nl
		}
		start := max(prevEnd, i-245, strings.LastIndexByte(src[:i], '\n')+1)
		m := postSignature.FindStringSubmatchIndex(src[start:end])
		if m == nil || start+m[0] > i || start+m[1] <= i {
			continue
		}
		for x := range m {
			if m[x] >= 0 {
				m[x] += start
			}
		}
		out = append(out, m)
		prevEnd = m[1]
	}
}

// IsRegexpWord is a regular expression's \w (and the side of its \b):
// an ASCII letter, digit or underscore.
func IsRegexpWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// maxPost is the longest paragraph taken for a post above a signature that
// stands on its own: a post is a few hundred characters, and a text with no
// blank lines before the signature must not become one long quotation.
const maxPost = 1000

// paragraphBefore is where the paragraph that ends at end starts: past the
// last blank line in src[from:end] and the spaces after it.
func paragraphBefore(src string, from, end int) int {
	start := from + strings.LastIndex(src[from:end], "\n\n") + 1
	for start < end && (src[start] == '\n' || src[start] == ' ') {
		start++
	}
	return start
}

// tweetTag is how some archives keep an embedded post in the text: <tweet
// author="realDonaldTrump" …>Another attack …</tweet>.
var tweetTag = regexp.MustCompile(`<tweet[^>]*?author="([^"]*)"[^>]*>([^<]*)</tweet>`)

// embeddedPosts finds social-media posts embedded in the article: the
// words are the poster's, not the outlet's.
func embeddedPosts(src string) []Quote {
	if !strings.Contains(src, "(@") && !strings.Contains(src, "<tweet") {
		return nil
	}
	var out []Quote
	if strings.Contains(src, "<tweet") { // an archive's markup, never mixed with a page's signatures
		for _, m := range tweetTag.FindAllStringSubmatchIndex(src, -1) {
			out = append(out, Quote{Start: m[0], End: m[1], InnerStart: m[4], InnerEnd: m[5], Speaker: src[m[2]:m[3]], SpeakerStart: m[2], SpeakerEnd: m[3]})
		}
		return out
	}
	prev := 0
	for _, m := range signatures(src) {
		// The post is the paragraph the signature closes, after any earlier
		// post (searched back to that post only: a text of signatures with
		// no paragraph break would make it quadratic).
		start := paragraphBefore(src, prev, m[0])
		if start == m[0] && start > prev {
			// The signature is a paragraph of its own, as a pasted embed
			// prints it: the post is the paragraph before, if it is as
			// short as a post.
			end := prev + len(strings.TrimRight(src[prev:start], " \n"))
			if start = paragraphBefore(src, prev, end); start == end || m[0]-start > maxPost {
				start = m[0]
			}
		}
		prev = m[1]
		if start < m[0] {
			out = append(out, Quote{Start: start, End: m[1], InnerStart: start, InnerEnd: m[0], Speaker: strings.TrimSpace(src[m[2]:m[3]]), SpeakerStart: m[2], SpeakerEnd: m[3]})
		}
	}
	return out
}

// taggedPosts finds posts printed without a signature, as a round-up of
// reactions prints them: a paragraph of a post's length whose last word is
// a hashtag ("… no surprise that the media isn't interested.
// #AustinBombing"), the post's own picture or short link ("… the very best
// of America! pic.twitter.com/I0gvCQLTKO"), or the time a digest of posts
// gives it ("… NEED WALL! [1025 EDT]"). Prose that names a hashtag ends
// with a stop ("using the hashtag #MeToo.") or names it as one, and is left
// alone, as is a paragraph already inside a longer quotation or post
// (quotes).
func taggedPosts(src string, quotes []Quote) []Quote {
	if !strings.Contains(src, "#") && !after(src, '/', "t.co", "twitter.com") && !after(src, ']', "T") {
		return nil
	}
	var out []Quote
	j := 0 // quotes before j end before the paragraph: both run in text order
	for at, end := skipBlank(src, 0), 0; at < len(src); at = skipBlank(src, end) {
		end = paragraphEnd(src, at)
		para := src[at:end]
		if len(para) <= maxPost && (endsWithHashtag(para) || endsWithPostMark(para)) {
			for j < len(quotes) && quotes[j].End <= at {
				j++
			}
			longer := false // a quotation or post that takes in the paragraph and more
			for k := j; k < len(quotes) && quotes[k].Start < end; k++ {
				longer = longer || quotes[k].Start < at || quotes[k].End > end
			}
			if !longer {
				out = append(out, Quote{Start: at, End: end, InnerStart: at, InnerEnd: end})
			}
		}
	}
	return out
}

// endsWithHashtag reports a paragraph whose last word is a hashtag (a '#'
// and a word with a letter in it), not named as one ("the hashtag #MeToo").
func endsWithHashtag(para string) bool {
	last := para[strings.LastIndexFunc(para, unicode.IsSpace)+1:]
	if len(last) < 2 || last[0] != '#' || last == para || !strings.ContainsFunc(last[1:], unicode.IsLetter) ||
		strings.ContainsFunc(last[1:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) {
		return false
	}
	words := strings.Fields(para)
	for _, w := range words[max(0, len(words)-4) : len(words)-1] {
		if w = strings.ToLower(w); w == "hashtag" || w == "hashtags" {
			return false
		}
	}
	return len(words) >= 3
}

// exclaimedPost finds a post or a statement pasted into a report without
// marks: the one paragraph of the text in the first person singular outside
// quotation marks, when it exclaims ("Not that it matters but I never fired
// James Comey because of Russia! The Corrupt Mainstream Media … knows it is
// not true!"). A writer who writes as "I" does so in more than one
// paragraph, and a report's own voice does not exclaim.
func exclaimedPost(src string, quotes []Quote) []Quote {
	if !exclaimedParagraph(src) {
		return nil
	}
	var post []Quote
	j := 0 // quotes before j end before the paragraph
	for at, end := skipBlank(src, 0), 0; at < len(src); at = skipBlank(src, end) {
		end = paragraphEnd(src, at)
		for j < len(quotes) && quotes[j].End <= at {
			j++
		}
		if !firstPerson(src, at, end, quotes[j:]) {
			continue
		}
		if len(post) > 0 || !strings.HasSuffix(strings.TrimRight(src[at:end], "\"'”’"), "!") || end-at > maxPost ||
			j < len(quotes) && quotes[j].Start < at {
			return nil // a second such paragraph, or one that does not exclaim, or inside a quotation
		}
		post = append(post, Quote{Start: at, End: end, InnerStart: at, InnerEnd: end})
	}
	return post
}

// exclaimedParagraph reports whether a paragraph of src ends with "!" (and
// any closing quote marks): a fast search first, since most texts have none.
func exclaimedParagraph(src string) bool {
	for off := 0; ; {
		i := strings.IndexByte(src[off:], '!')
		if i < 0 {
			return false
		}
		j := off + i + 1
		for j < len(src) && strings.IndexByte("\"'", src[j]) >= 0 || strings.HasPrefix(src[j:], "”") || strings.HasPrefix(src[j:], "’") {
			if src[j] < utf8.RuneSelf {
				j++
			} else {
				j += len("”")
			}
		}
		k := j
		for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r' || src[k] == '\n') {
			k++
		}
		if k == len(src) || strings.Contains(src[j:k], "\n\n") {
			return true
		}
		off = j
	}
}

// firstPerson reports whether src[at:end] has "I", "me" or "my" (or "I'm",
// "I'd" …) outside the quotations among quotes (in text order).
func firstPerson(src string, at, end int, quotes []Quote) bool {
	k := 0
	for i := at; i < end; i++ {
		c := src[i]
		if c != 'I' && c != 'm' && c != 'M' || i > at && letterBefore(src, i) {
			continue
		}
		n := 1 // the word's length
		if c != 'I' {
			if i+1 >= end || src[i+1] != 'e' && src[i+1] != 'y' {
				continue
			}
			n = 2
		}
		if r, _ := utf8.DecodeRuneInString(src[i+n : end]); i+n < end && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue
		}
		for k < len(quotes) && quotes[k].End <= i {
			k++
		}
		if k == len(quotes) || quotes[k].Start > i {
			return true
		}
	}
	return false
}

// letterBefore reports a letter or digit just before src[i].
func letterBefore(src string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(src[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// after reports whether c occurs in src right after one of the words
// (c is a rare byte: each occurrence is found by a fast search, where
// searching for the words would stop at every "t").
func after(src string, c byte, words ...string) bool {
	for off := 0; ; {
		i := strings.IndexByte(src[off:], c)
		if i < 0 {
			return false
		}
		for _, w := range words {
			if strings.HasSuffix(src[:off+i], w) {
				return true
			}
		}
		off += i + 1
	}
}

// endsWithPostMark reports a paragraph whose last word only a post ends
// with: its picture's or short link's address (pic.twitter.com/…,
// t.co/…), or, in a digest of posts, the time it was posted ("[1025 EDT]").
func endsWithPostMark(para string) bool {
	last := para[strings.LastIndexFunc(para, unicode.IsSpace)+1:]
	if last == para {
		return false
	}
	for _, link := range []string{"pic.twitter.com/", "https://t.co/", "http://t.co/"} {
		if len(last) > len(link) && strings.HasPrefix(last, link) {
			return true
		}
	}
	return strings.HasSuffix(para, "T]") && postTime.MatchString(para[max(0, len(para)-12):])
}

// postTime is the time a digest of posts gives each one, at its end:
// "[0956 EDT]".
var postTime = regexp.MustCompile(`\[[0-2]\d[0-5]\d [A-Z]{1,4}T\]$`)

// transcriptTurns finds the turns of a transcript or an interview printed
// as one: lines that open with a speaker's label and a colon ("A: Yes,
// absolutely.", "CLINTON: Honestly, I …"). Each turn runs to the next
// labelled line and is the labelled speaker's words ("A" is the person
// interviewed; the interviewer's "Q" turns are the outlet's and are left
// out). A text is a transcript only with three labelled lines from at least
// two labels, or three answers, so a lone "UPDATE:" or "AP:" line is not one.
func transcriptTurns(src string) []Quote {
	type line struct{ at, text int } // the label's start and the words' start
	var lines []line
	twoLabels := false
	at := 0
	for l := range strings.Lines(src) {
		if n := turnLabel(l); n > 0 {
			lines = append(lines, line{at, at + n})
			twoLabels = twoLabels || src[at:at+n] != src[lines[0].at:lines[0].text]
		}
		at += len(l)
	}
	// Answers alone ("A:" three times) are an interview too: the
	// questions' label is sometimes lost in a copy ("QWhat would …").
	if len(lines) < 3 || !twoLabels && src[lines[0].at:lines[0].text] != "A: " {
		return nil
	}
	var out []Quote
	spoken := 0 // turns of eight words or more: an info box ("WHEN: Saturday") has none
	for i, l := range lines {
		label := strings.TrimSpace(src[l.at : l.text-2])
		if label == "Q" {
			continue
		}
		// The last turn ends with its paragraph: the article may go on.
		// Without question labels a question may sit unlabelled between
		// answers, so an answer ends with its paragraph too.
		end := len(src)
		if i+1 < len(lines) {
			end = lines[i+1].at
		}
		if i+1 == len(lines) || !twoLabels {
			if k := strings.Index(src[l.text:end], "\n\n"); k >= 0 {
				end = l.text + k
			}
		}
		first := src[l.text:end]
		if nl := strings.IndexByte(first, '\n'); nl >= 0 {
			first = first[:nl]
		}
		if len(strings.Fields(first)) >= 8 {
			spoken++
		}
		end = l.text + len(strings.TrimRight(src[l.text:end], " \t\r\n"))
		if end <= l.text {
			continue
		}
		q := Quote{Start: l.at, End: end, InnerStart: l.text, InnerEnd: end}
		if label != "A" {
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = titleCase(label), l.at, l.at+len(label)
		}
		out = append(out, q)
	}
	if spoken < 2 {
		return nil
	}
	return out
}

// turnLabel returns the length of a speaker's label and the ": " after it
// at the start of line, or 0: "A" or "Q", or a name in capitals of up to
// three words ("BLITZER", "SEN. GRAHAM") that is not a heading such as
// "UPDATE" or "EDITOR'S NOTE".
func turnLabel(line string) int {
	i := strings.Index(line[:min(len(line), 26)], ": ") // a label is short: look no further
	if i <= 0 || i > 24 {
		return 0
	}
	label := line[:i]
	if label == "A" || label == "Q" {
		return i + 2
	}
	words := strings.Fields(label)
	if len(words) > 3 || len(label) < 2 || notSpeakerLabel[label] {
		return 0
	}
	for _, r := range label {
		if !(r >= 'A' && r <= 'Z' || r == ' ' || r == '.' || r == '\'' || r == '-') {
			return 0
		}
	}
	return i + 2
}

// notSpeakerLabel are capitalised labels of a news page's parts, not of a
// speaker.
var notSpeakerLabel = map[string]bool{"UPDATE": true, "UPDATED": true, "CORRECTION": true, "CLARIFICATION": true,
	"EDITOR'S NOTE": true, "NOTE": true, "BYLINE": true, "PHOTO": true, "PHOTOS": true, "VIDEO": true, "WATCH": true,
	"READ MORE": true, "RELATED": true, "SOURCE": true, "SOURCES": true, "AP": true, "CNN": true, "BREAKING": true,
	"EXCLUSIVE": true, "ANALYSIS": true, "OPINION": true, "FACT CHECK": true, "TRUE": true, "FALSE": true}

func titleCase(label string) string {
	b := []byte(strings.ToLower(label))
	for i := range b {
		if (i == 0 || b[i-1] == ' ' || b[i-1] == '-' || b[i-1] == '\'') && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// withTurns merges a transcript's turns or embedded posts into the
// quotes, which stay in order and never overlap: a quotation inside a turn
// is part of it.
func withTurns(quotes, turns []Quote) []Quote {
	out := make([]Quote, 0, len(quotes)+len(turns))
	j := 0
	for _, q := range quotes {
		for j < len(turns) && turns[j].End <= q.Start {
			out = append(out, turns[j])
			j++
		}
		if j < len(turns) && turns[j].Start < q.End {
			continue // overlaps the turn
		}
		out = append(out, q)
	}
	return append(out, turns[j:]...)
}

func closeDouble(src string, at, size int, open rune) (Quote, int, bool) {
	nested := 0 // curly quotations inside a straight one: “Bathroom Bill,” closes them, not it
	paragraphs := 0
	for j := at + size; j < len(src); {
		c := src[j]
		if c == '\n' {
			if k, ok := paragraphBreak(src, j); ok {
				// A quotation runs on into the next paragraph only when that
				// paragraph opens with a quote mark (news style leaves the
				// first paragraph unclosed); otherwise it was never closed.
				// It runs on for at most maxQuoteParagraphs: each opening
				// mark of a text of unclosed ones would otherwise read to
				// its end.
				paragraphs++
				if r, sz := utf8.DecodeRuneInString(src[k:]); k < len(src) && continues(open, r) {
					if paragraphs == maxQuoteParagraphs {
						return Quote{}, at + size, false // a mark after this one may still close in reach
					}
					j = k + sz
					continue
				}
				return Quote{}, j, false
			}
		}
		if c < utf8.RuneSelf && c != '"' && c != '\'' {
			j++
			continue
		}
		r, sz := utf8.DecodeRuneInString(src[j:])
		var closes bool
		switch open {
		case twoApostrophes:
			closes = r == '\'' && j+1 < len(src) && src[j+1] == '\''
			if closes {
				sz = 2
			}
		case '"':
			// Scraped copy mixes straight and curly marks: "… it just did.”
			switch {
			case r == '\u201C':
				nested++
			case r == '\u201D' && nested > 0:
				nested--
			default:
				closes = r == '"' || r == '\u201D'
			}
		case '\u00AB':
			closes = r == '\u00BB'
		default:
			closes = r == '\u201D' || r == '\u201C' || r == '"'
		}
		if closes {
			if j == at+size {
				return Quote{}, at + size, false
			}
			return Quote{Start: at, End: j + sz, InnerStart: at + size, InnerEnd: j}, j + sz, true
		}
		j += sz
	}
	return Quote{}, len(src), false
}

// maxQuoteParagraphs bounds a quotation that runs on across paragraphs: a
// speech printed whole in the news style runs to a few dozen.
const maxQuoteParagraphs = 50

// The kinds of quotation a closing mark is searched for: a straight double
// mark (its search counts curly quotations nested in it, so where it gave
// up says nothing of a later mark's), curly or low marks, guillemets, two
// apostrophes, single marks.
const (
	straight = iota
	curly
	guillemet
	apostrophes
	single
	kinds
)

func kindOf(open rune) int {
	switch open {
	case '"':
		return straight
	case '\u00AB':
		return guillemet
	case twoApostrophes:
		return apostrophes
	}
	return curly
}

// twoApostrophes stands for a quotation opened with two apostrophes (”).
const twoApostrophes rune = -2

// paragraphBreak reports whether the newline at j starts a blank line, and
// where the next paragraph's text begins.
func paragraphBreak(src string, j int) (int, bool) {
	k := j + 1
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r') {
		k++
	}
	if k >= len(src) || src[k] != '\n' {
		return 0, false
	}
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r' || src[k] == '\n') {
		k++
	}
	return k, true
}

// continues reports whether r, opening a paragraph, continues a quotation
// opened with open.
func continues(open, r rune) bool {
	switch open {
	case twoApostrophes:
		return r == '\''

	case '"':
		// Scraped copy mixes the marks: a straight-quoted paragraph is
		// continued by one that opens with a curly mark.
		return r == '"' || r == '\u201C'
	case '\u00AB':
		return r == '\u00AB'
	default:
		return r == '\u201C' || r == '"'
	}
}

func opensSingle(src string, at int) bool {
	if at > 0 {
		p, _ := utf8.DecodeLastRuneInString(src[:at])
		if !(unicode.IsSpace(p) || p == '(' || p == '[' || p == '\u2014' || p == '\u201C' || p == '"') {
			return false
		}
	}
	n, _ := utf8.DecodeRuneInString(src[at+1:])
	return at+1 < len(src) && !unicode.IsSpace(n)
}

// closeSingle looks for the closing single quote within the line; when
// there is none it says where it gave up.
func closeSingle(src string, at, size int) (Quote, int, bool) {
	for j := at + size; j < len(src); {
		if c := src[j]; c < utf8.RuneSelf && c != '\'' && c != '\n' {
			j++
			continue
		}
		r, sz := utf8.DecodeRuneInString(src[j:])
		if r == '\n' {
			return Quote{}, j, false
		}
		if r == '\'' || r == '\u2019' {
			prev, _ := utf8.DecodeLastRuneInString(src[:j])
			next, _ := utf8.DecodeRuneInString(src[j+sz:])
			if j+sz >= len(src) || !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
				if !unicode.IsSpace(prev) && j > at+size {
					return Quote{Start: at, End: j + sz, InnerStart: at + size, InnerEnd: j}, j + sz, true
				}
			}
		}
		j += sz
	}
	return Quote{}, len(src), false
}
