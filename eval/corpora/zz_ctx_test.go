package corpora

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestZZCtx(t *testing.T) {
	useSharedData(t)
	docs, _ := realNews()
	by := map[string]string{}
	for _, d := range docs {
		by[d.ID] = d.Text
	}
	want := map[string]bool{}
	for _, k := range strings.Split(os.Getenv("ZZIDX"), ",") {
		want[k] = true
	}
	f, _ := os.Open(os.Getenv("ZZDRAW"))
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if !want[p[0]] {
			continue
		}
		s := by[p[1]]
		a, _ := strconv.Atoi(p[2])
		b, _ := strconv.Atoi(p[3])
		fmt.Printf("== %s %s %s\n%s[[%s]]%s\n\n", p[0], p[1], p[4], s[max(0, a-400):a], s[a:b], s[b:min(len(s), b+150)])
	}
}
