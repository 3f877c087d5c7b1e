package corpora

import (
	"slices"
	"strings"
	"testing"
)

// TestVaderList: the VADER baseline flags the words its threshold admits
// (VADER rates "terrible" −2.1 and "good" +1.9).
func TestVaderList(t *testing.T) {
	s := "The terrible plan was good."
	spans := newVaderList().spans(s)
	for _, c := range []struct {
		set  vaderSetting
		want string
	}{{vaderSetting{1, false}, "terrible good"}, {vaderSetting{2, false}, "terrible"}, {vaderSetting{1, true}, "terrible"}, {vaderSetting{2.5, true}, ""}} {
		i := slices.Index(vaderSettings, c.set)
		if i < 0 {
			t.Fatalf("no setting %v", c.set)
		}
		var words []string
		for _, sp := range spans[i] {
			words = append(words, s[sp[0]:sp[1]])
		}
		if got := strings.Join(words, " "); got != c.want {
			t.Errorf("%v: flags %q, want %q", c.set, got, c.want)
		}
	}
}
