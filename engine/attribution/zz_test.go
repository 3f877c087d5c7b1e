package attribution

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZShow(t *testing.T) {
	for _, s := range strings.Split(os.Getenv("TXT"), "|") {
		p := pass(t, s)
		fmt.Println(s)
		for _, a := range p.Attributions {
			fmt.Printf("   cue=%q src=%q name=%q kind=%s\n", a.CueText, a.Source, a.Name, a.Kind)
		}
	}
}
