package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/credence-news/credence/engine/core"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readAll(paths []string, opt Options) (docs []Item, errs []string) {
	Read(paths, opt, func(it Item) bool {
		if it.Err != nil {
			errs = append(errs, it.Err.Error())
		} else {
			docs = append(docs, it)
		}
		return true
	})
	return
}

func TestFormats(t *testing.T) {
	dir := t.TempDir()
	txt := write(t, dir, "a.txt", "\n  Headline here\n\nBody text.\n")
	md := write(t, dir, "b.md", "# The *Title*\n\nSome **bold** and a [link](http://x.example/y) here.\n")
	js := write(t, dir, "c.json", `{"id":"c1","title":"T","byline":"A. Writer","published":"2025-09-04","url":"https://news.example/c","text":"Body.","section":"world"}`)
	jl := write(t, dir, "d.jsonl", "{\"text\":\"One.\"}\n\n{\"text\":\"Two.\",\"id\":\"two\"}\n")
	docs, errs := readAll([]string{txt, md, js, jl}, Options{})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(docs) != 5 {
		t.Fatalf("got %d docs, want 5", len(docs))
	}
	if d := docs[0].Doc; d.Title != "Headline here" || d.Text != "\n  Headline here\n\nBody text.\n" || d.ID != "a" {
		t.Errorf("txt: %+v", d)
	}
	d := docs[1].Doc
	if d.Title != "The  Title" && d.Title != "The Title" {
		t.Errorf("md title = %q", d.Title)
	}
	if len(d.Mask) != len(d.Text) {
		t.Fatalf("md mask length %d != text length %d", len(d.Mask), len(d.Text))
	}
	for _, w := range []string{"bold", "link", "Some", "here."} {
		i := strings.Index(d.Text, w)
		if d.Mask[i:i+len(w)] != w {
			t.Errorf("md: %q not kept at its offset in the mask %q", w, d.Mask)
		}
	}
	for _, gone := range []string{"**", "http", "#", "]("} {
		if strings.Contains(d.Mask, gone) {
			t.Errorf("md: markup %q left in mask %q", gone, d.Mask)
		}
	}
	if d := docs[2].Doc; d.ID != "c1" || d.Byline != "A. Writer" || d.Published != "2025-09-04" || d.URL != "https://news.example/c" || d.Meta["section"] != "world" {
		t.Errorf("json: %+v", d)
	}
	if d := docs[3].Doc; d.Source != jl+":1" || d.Text != "One." {
		t.Errorf("jsonl line 1: %+v", d)
	}
	if d := docs[4].Doc; d.Source != jl+":3" || d.ID != "two" {
		t.Errorf("jsonl line 3: %+v", d)
	}
}

func TestBadInputsBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	good1 := write(t, dir, "1good.txt", "A fine article.")
	empty := write(t, dir, "2empty.txt", "")
	blank := write(t, dir, "3blank.txt", "  \n\t\n")
	badUTF := write(t, dir, "4bad.txt", "ok \xff\xfe bad")
	nul := write(t, dir, "5nul.txt", "text\x00more")
	badJSON := write(t, dir, "6bad.json", `{"text": "unterminated`)
	wrongType := write(t, dir, "7wrong.json", `{"text": 42}`)
	noText := write(t, dir, "8none.json", `{"title": "x"}`)
	mixed := write(t, dir, "9mixed.jsonl", "{\"text\":\"Good one.\"}\n{not json}\n{\"text\":\"Good two.\"}\n[1,2]\n")
	// Refused before either extractor builds a tree of it.
	huge := write(t, dir, "91huge.html", "<html><body>"+strings.Repeat("<p>The council met.</p>", maxHTMLElements+1)+"</body></html>")
	missing := filepath.Join(dir, "missing.txt")
	docs, errs := readAll([]string{good1, empty, blank, badUTF, nul, badJSON, wrongType, noText, mixed, huge, missing}, Options{})
	if len(docs) != 3 {
		t.Errorf("got %d good docs, want 3 (the batch must go on)", len(docs))
	}
	want := []string{
		empty + ": empty input",
		blank + ": input has only white space",
		badUTF + ": invalid UTF-8 at byte 3",
		nul + ": NUL byte at byte 4",
		badJSON + ": malformed JSON",
		wrongType + `: field "text": want a string, got a number`,
		noText + `: missing field "text"`,
		mixed + ":2: malformed JSON",
		mixed + ":4: malformed JSON",
		huge + ": HTML could not be parsed: more than 200000 elements",
		missing + ": no such file or directory",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d", strings.Join(errs, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i], w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

func TestDirectoryRecursiveSorted(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/2.txt", "Two.")
	write(t, dir, "a/1.md", "One.")
	write(t, dir, "a/skip.png", "binary")
	write(t, dir, ".hidden/3.txt", "Hidden.")
	write(t, dir, "c.txt", "Three.")
	docs, errs := readAll([]string{dir}, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, d := range docs {
		got = append(got, strings.TrimPrefix(d.Doc.Source, dir+"/"))
	}
	if strings.Join(got, ",") != "a/1.md,b/2.txt,c.txt" {
		t.Errorf("order = %v", got)
	}
}

func TestStdinAndLimits(t *testing.T) {
	docs, errs := readAll([]string{"-"}, Options{Stdin: strings.NewReader("Plain text from stdin.")})
	if len(errs) > 0 || len(docs) != 1 || docs[0].Doc.ID != "stdin" {
		t.Errorf("stdin text: %v %v", docs, errs)
	}
	docs, errs = readAll([]string{"-"}, Options{Stdin: strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")})
	if len(errs) > 0 || len(docs) != 2 || docs[1].Doc.Source != "-:2" {
		t.Errorf("stdin jsonl: %v %v", docs, errs)
	}
	docs, errs = readAll([]string{"-"}, Options{Stdin: strings.NewReader("{\"text\": \"broken first line\n{\"text\":\"second\"}\n")})
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "-:1: malformed JSON") || len(docs) != 1 || docs[0].Doc.Text != "second" {
		t.Errorf("broken first JSONL line must not lose the rest: %v %v", docs, errs)
	}
	docs, errs = readAll([]string{"-"}, Options{Stdin: strings.NewReader("{\n  \"text\": \"pretty\"\n}\n")})
	if len(errs) > 0 || len(docs) != 1 || docs[0].Doc.Text != "pretty" {
		t.Errorf("stdin pretty json: %v %v", docs, errs)
	}
	big := strings.Repeat("word ", 100)
	_, errs = readAll([]string{"-"}, Options{Stdin: strings.NewReader(big), MaxBytes: 100})
	if len(errs) != 1 || !strings.Contains(errs[0], "larger than the 100 bytes document size limit") {
		t.Errorf("limit: %v", errs)
	}
	docs, errs = readAll([]string{"-"}, Options{Stdin: strings.NewReader("{\"text\":\"" + big + "\"}\n{\"text\":\"small\"}\n"), MaxBytes: 100})
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "-:1: line is larger") || len(docs) != 1 {
		t.Errorf("jsonl limit: %v %v", docs, errs)
	}
}

func TestHTML(t *testing.T) {
	page := `<!doctype html><html><head><title>Page title | Site</title>
<meta property="article:published_time" content="2025-09-04T10:00:00Z">
<meta name="author" content="Jane Reporter">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Leaders meet in Paris","datePublished":"2025-09-04","author":{"@type":"Person","name":"Jane Reporter"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Leaders meet in Paris</h1><p>PARIS — European leaders met on Thursday to discuss support for Ukraine, officials said.</p>
<p>The talks, hosted by the French president, lasted four hours and ended with a joint statement on air defence and training.</p>
<p>Another paragraph with <b>bold</b> words &amp; an <a href="/x">inline link</a> keeps the reader informed about the details.</p></article>
<footer>Copyright</footer><script>alert(1)</script></body></html>`
	doc, err := Parse("p.html", "html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "European leaders met on Thursday") || strings.Contains(doc.Text, "alert(1)") {
		t.Errorf("text = %q", doc.Text)
	}
	if !strings.Contains(doc.Text, "bold words & an inline link keeps") {
		t.Errorf("inline elements should flow: %q", doc.Text)
	}
	if doc.Published != "2025-09-04" || doc.Byline != "Jane Reporter" {
		t.Errorf("metadata: published %q byline %q", doc.Published, doc.Byline)
	}
	for _, bad := range []string{"<p><b>unclosed <i>tags", strings.Repeat("<div>", 5000) + "deep text" + strings.Repeat("</div>", 10)} {
		if _, err := Parse("bad.html", "html", []byte(bad)); err != nil && !strings.Contains(err.Error(), "HTML") {
			t.Errorf("malformed HTML error = %v", err)
		}
	}
}

func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`{"text":"Body.","title":"T"}`))
	f.Add([]byte(`{"html":"<p>Body</p>"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("f.json", "json", data)
		if err == nil && (doc == nil || doc.Text == "") {
			t.Fatalf("no error but no text for %q", data)
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(`<html><body><article><p>Body text here.</p></article></body></html>`))
	f.Add([]byte(`<p><b>unclosed <i>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("f.html", "html", data)
		if err == nil && strings.TrimSpace(doc.Text) == "" {
			t.Fatalf("no error but empty text for %q", data)
		}
	})
}

func TestJSONWithHTML(t *testing.T) {
	page := `<html><head><title>Ferry returns</title><meta name="author" content="Ruth Okoye"></head><body><article><h1>Ferry returns</h1><p>The ferry between the two towns resumed on Monday after two years, the transport authority said in a statement on its website.</p><p>Tickets cost the same as before, the authority said.</p></article></body></html>`
	b, _ := json.Marshal(map[string]string{"id": "f1", "html": page, "published": "2025-03-04"})
	doc, err := Parse("x.json", "json", b)
	if err != nil {
		t.Fatal(err)
	}
	if doc.ID != "f1" || doc.Format != "json+html" || doc.Published != "2025-03-04" || doc.Byline != "Ruth Okoye" || doc.Title != "Ferry returns" {
		t.Errorf("metadata: %+v", doc)
	}
	if !strings.Contains(doc.Text, "The ferry between the two towns resumed") || strings.Contains(doc.Text, "<p>") {
		t.Errorf("text = %q", doc.Text)
	}
}

// TestParseContextStops: parsing under a spent budget returns the
// context's error, for HTML (inside a JSON field too) as for text.
func TestParseContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct{ format, data string }{
		{"html", "<p>The council met on Monday.</p>"},
		{"json", `{"html": "<p>The council met on Monday.</p>"}`},
		{"txt", "The council met on Monday."},
	} {
		if _, err := ParseContext(ctx, "x", c.format, []byte(c.data)); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", c.format, err)
		}
	}
	doc, err := (Item{Source: "x", format: "html", data: []byte("<p>The council met on Monday.</p>")}).Document(ctx)
	if doc != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("deferred item: %v %v, want context.Canceled", doc, err)
	}
}

// TestContentDecidesTheFormat: HTML on standard input, or saved as .txt,
// is read as a page; prose that merely mentions a tag stays text.
func TestContentDecidesTheFormat(t *testing.T) {
	page := "<!DOCTYPE html><html><head><title>Bridge</title></head><body><article><p>The council voted on Tuesday to repair the bridge, a spokesperson said.</p></article></body></html>"
	for _, c := range []struct{ format, data, want string }{
		{"txt", page, "html"},
		{"txt", "\n  <html><body><p>The council met on Monday.</p></body></html>", "html"},
		{"txt", "The council met. Use <p> tags for paragraphs, the guide says.", "txt"},
		{"md", "# Title\n\nThe council met.", "md"},
	} {
		doc, err := Parse("x", c.format, []byte(c.data))
		if err != nil || doc.Format != c.want {
			t.Errorf("%q as %s: format %v (%v), want %s", c.data[:20], c.format, doc, err, c.want)
			continue
		}
		if c.want == "html" && strings.Contains(doc.Text, "<") {
			t.Errorf("%q: markup left in the text %q", c.data[:20], doc.Text)
		}
	}
	var docs []*core.Document
	Read([]string{"-"}, Options{Stdin: strings.NewReader(page)}, func(it Item) bool {
		if it.Doc != nil {
			docs = append(docs, it.Doc)
		}
		return true
	})
	if len(docs) != 1 || docs[0].Format != "html" || docs[0].Title != "Bridge" {
		t.Errorf("HTML on standard input: %+v", docs)
	}
}

// TestBlockText: blocks are lines, paragraphs are separated by a blank
// line, elements set apart by style are separate words, and inline
// formatting inside a word keeps it whole.
func TestBlockText(t *testing.T) {
	for in, want := range map[string]string{
		"<p>One.</p><p>Two.</p>": "One.\n\nTwo.\n",
		"<div><span>24 July 2015</span><span>From the section US</span><span>941 comments</span></div>": "24 July 2015 From the section US 941 comments\n",
		"<p>the 1<sup>st</sup> of <b>Zelensk</b>y's <a href=x>visits</a>.</p>":                          "the 1st of Zelensky's visits.\n",
		"<ul><li>a</li><li>b</li></ul><script>x()</script>":                                             "a\nb\n",
		"<p>line<br>break <time>today</time></p>":                                                       "line\nbreak today\n",
	} {
		root, err := html.Parse(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if got := BlockText(root); got != want {
			t.Errorf("BlockText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstLineIsATitle(t *testing.T) {
	long := strings.Repeat("word ", 100)
	for _, c := range []struct{ in, want string }{
		{"\n\n  Council approves budget  \nBody.", "Council approves budget"},
		{"\ufeffHeadline\n", "Headline"},
		{"   \n\t\n", ""},
		// A text that opens with a paragraph (or is one line) gives its
		// first words, cut at a word, not the whole line.
		{long, strings.TrimSpace(strings.Repeat("word ", 60)) + "…"},
		{strings.Repeat("é", 400), strings.Repeat("é", 150) + "…"},
	} {
		if got := firstLine(c.in); got != c.want {
			t.Errorf("firstLine(%.40q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A deferred JSONL line's buffer is reused once the line is parsed: the
// documents parsed before must keep their text (the decoder copies it).
func TestDeferredLinesAreRecycledSafely(t *testing.T) {
	var in strings.Builder
	for i := range 50 {
		in.WriteString(`{"id":"d` + strings.Repeat("x", i) + `","title":"T","text":"plain \u00e9 text ` + strings.Repeat("y", i) + `"}` + "\n")
	}
	var docs []*core.Document
	Read([]string{"-"}, Options{Stdin: strings.NewReader(in.String()), Deferred: true}, func(it Item) bool {
		d, err := it.Document(context.Background()) // parsed as it is read: each buffer is free for the next line
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		return true
	})
	for i, d := range docs {
		if want := "plain é text " + strings.Repeat("y", i); d.Text != want || d.ID != "d"+strings.Repeat("x", i) {
			t.Fatalf("document %d: id %q text %q, want %q", i, d.ID, d.Text, want)
		}
	}
}
