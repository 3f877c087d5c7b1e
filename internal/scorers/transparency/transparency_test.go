package transparency

import "testing"

func TestFindByline(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Headline\n\nBy Maria Okafor\n\nBody text here.", "By Maria Okafor"},
		{"Headline\nWritten by: Tom Hale\nBody.", "Written by: Tom Hale"},
		{"Headline\n\nBody of the article, which runs on.\n\nKayla Vaughn\n", "Kayla Vaughn"},
		{"Headline\n\nBody of the article.\n\nThe Road Ahead\n", ""},
		{"Headline\n\nBody of the article.\n\nLeave a Reply\n", ""},
		{"Just one line of text with no author at all.", ""},
	}
	for _, c := range cases {
		if got := FindByline(c.text); got != c.want {
			t.Errorf("FindByline(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
