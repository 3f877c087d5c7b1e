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
		if got := isNameLine(l); got != want {
			t.Errorf("isNameLine(%q) = %v, want %v", l, got, want)
		}
	}
}
