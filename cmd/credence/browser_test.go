package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestReportInChromium renders the seeds' compare report (the bundled
// examples when the seeds are absent) in headless Chromium, checks that it
// loads with no console errors and shows the comparison, and saves
// screenshots (desktop and phone width) to out/screenshots as artefacts.
func TestReportInChromium(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (apt-get install chromium); skipping the browser test")
	}
	inputs, _ := filepath.Glob("../../../shared/seeds/*.txt")
	seeds := len(inputs) > 0
	if !seeds {
		inputs = []string{"../../testdata/examples"}
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if code, _, errs := runCLI(append([]string{"report", "--compare", "-o", page}, inputs...)...); code != 0 {
		t.Fatalf("report: exit %d %s", code, errs)
	}
	artefacts := filepath.Join("..", "..", "out", "screenshots")
	if err := os.MkdirAll(artefacts, 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}
		cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("chromium %v: %v\n%s", args, err, errb.String())
		}
		return out.String(), errb.String()
	}
	dom, logs := run("--dump-dom", "file://"+page)
	wants := []string{"The same story, side by side", `class="hl c-`}
	if seeds {
		wants = append(wants, "Where the numbers differ") // "approximately 30 nations" vs "more than two dozen nations"
	}
	for _, want := range wants {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "CONSOLE") || strings.Contains(line, "Uncaught") || strings.Contains(line, "Failed to load resource") {
			t.Errorf("console error: %s", line)
		}
	}
	// At desktop width nothing may widen the page past the window (a long
	// unbreakable string once made it 4,000 px wide): a copy of the page
	// records the overflow for the DOM dump to show.
	probe := filepath.Join(dir, "probe.html")
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// It also counts the comparison's figures a reader cannot see: cells
	// outside the window or of no size (on a phone the table becomes one
	// card per article, every figure labelled).
	script := `<script>addEventListener("load", () => {
  const d = document.documentElement; document.body.dataset.overflow = d.scrollWidth - d.clientWidth;
  let hidden = 0, cells = 0;
  for (const td of document.querySelectorAll("table.compare td")) {
    cells++; const r = td.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right > innerWidth + 1 || r.left < -1) hidden++;
  }
  document.body.dataset.hidden = hidden; document.body.dataset.cells = cells;
})</script>`
	if err := os.WriteFile(probe, append(html, script...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, width := range []string{"1280", "390"} {
		dom, _ = run("--dump-dom", "--window-size="+width+",2400", "file://"+probe)
		if m := regexp.MustCompile(`data-overflow="(-?\d+)"`).FindStringSubmatch(dom); m == nil || m[1] != "0" {
			t.Errorf("page wider than a %s px window (overflow %v)", width, m)
		}
		hidden := regexp.MustCompile(`data-hidden="(\d+)"`).FindStringSubmatch(dom)
		cells := regexp.MustCompile(`data-cells="(\d+)"`).FindStringSubmatch(dom)
		if hidden == nil || cells == nil || hidden[1] != "0" || cells[1] == "0" {
			t.Errorf("at %s px, comparison cells out of sight: %v of %v", width, hidden, cells)
		}
	}
	for _, shot := range []struct{ name, size string }{{"report-desktop.png", "1280,2400"}, {"report-phone.png", "390,2400"}} {
		path, _ := filepath.Abs(filepath.Join(artefacts, shot.name))
		run("--screenshot="+path, "--window-size="+shot.size, "--hide-scrollbars", "file://"+page)
		if st, err := os.Stat(path); err != nil || st.Size() < 10_000 {
			t.Errorf("screenshot %s missing or empty: %v", path, err)
		}
	}
}
