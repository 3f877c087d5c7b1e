package engine

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/credence-news/credence/"

// TestImportRules holds the house's layering, as `go list` sees it: data
// flows one way (input → Document → stages and scorers → findings →
// profile → reporters), so
//   - nothing in the engine (engine/, internal/) imports a command or eval;
//   - a scorer imports no other scorer, no reporter and not the profile;
//   - a reporter imports no scorer and no analysis stage;
//   - only the data loader (internal/datafile) and ingest open files among the
//     engine's packages (the commands write their output, as does the
//     build-time generator of the data snapshot; eval reads corpora).
func TestImportRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for dec.More() {
		var pkg struct {
			ImportPath string
			Dir        string
			GoFiles    []string
			Imports    []string
		}
		if err := dec.Decode(&pkg); err != nil {
			t.Fatal(err)
		}
		path := strings.TrimPrefix(pkg.ImportPath, module)
		seen++
		for _, imp := range pkg.Imports {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			imp = strings.TrimPrefix(imp, module)
			for _, r := range importRules {
				if r.from(path) && r.to(path, imp) {
					t.Errorf("%s imports %s: %s", path, imp, r.why)
				}
			}
		}
		if inEngine(path) && path != "internal/datafile" && path != "engine/ingest" && path != "internal/builtin/gen" {
			for _, f := range pkg.GoFiles {
				for _, call := range fileOpens(t, filepath.Join(pkg.Dir, f)) {
					t.Errorf("%s/%s calls %s: only internal/datafile and engine/ingest open files", path, f, call)
				}
			}
		}
	}
	if seen < 10 {
		t.Fatalf("go list saw %d packages; the rules checked nothing", seen)
	}
}

func isScorer(p string) bool { return strings.HasPrefix(p, "internal/scorers/") }

// inEngine: the engine's public packages (engine/) and its parts (internal/).
func inEngine(p string) bool {
	return strings.HasPrefix(p, "engine") || strings.HasPrefix(p, "internal/")
}

var importRules = []struct {
	why  string
	from func(string) bool
	to   func(from, imp string) bool
}{
	{"the engine never imports a command or the evaluation",
		inEngine, func(_, imp string) bool { return strings.HasPrefix(imp, "cmd/") || strings.HasPrefix(imp, "eval") }},
	{"a scorer imports no other scorer",
		isScorer, func(from, imp string) bool { return isScorer(imp) && imp != from }},
	{"a scorer imports no reporter and not the profile",
		isScorer, func(_, imp string) bool { return imp == "engine/report" || imp == "internal/profile" }},
	{"a reporter imports no scorer and no analysis stage",
		func(p string) bool { return p == "engine/report" },
		func(_, imp string) bool {
			return isScorer(imp) || imp == "internal/analysis" || imp == "internal/attribution" || imp == "internal/refdate"
		}},
}

// fileOpens lists the calls in a Go file that open or read files by name.
func fileOpens(t *testing.T, path string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var calls []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Name == "os" {
			switch sel.Sel.Name {
			case "Open", "OpenFile", "ReadFile", "ReadDir", "Create", "WriteFile":
				calls = append(calls, "os."+sel.Sel.Name)
			}
		}
		return true
	})
	return calls
}
