package ingest

import "testing"

// TestDropFooterLines: what an extractor kept of a page's footer (a short
// copyright line, a tag list under its heading) goes; a sentence about
// copyright and a paragraph after the tags stay.
func TestDropFooterLines(t *testing.T) {
	in := "The court ruled on the copyright case on Monday.\n\nTags\n\nstock car, interlagos, cascavel\n\nThe next race is in March.\n\ncopyright Inexhibit 2019 - ISSN: 2283-5474\n"
	want := "The court ruled on the copyright case on Monday.\n\n\n\nThe next race is in March.\n\n"
	if got := dropFooterLines(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
