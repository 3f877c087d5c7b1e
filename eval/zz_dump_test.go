package eval

import (
	"os"
	"path/filepath"
	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/ingest"
	"fmt"
	"sort"
	"testing"
)

func TestZZDump(t *testing.T) {
	fx, err := Load("../testdata/fixtures")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(fx, Options{Bootstrap: 10})
	if err != nil {
		t.Fatal(err)
	}
	docs := rep.Docs
	sort.Slice(docs, func(i, j int) bool { return docs[i].Fixture.Reliability < docs[j].Fixture.Reliability })
	names := FeatureNames(rep.Model)
	fmt.Printf("%-40s %-6s %4s %5s %5s %5s |", "path", "band", "rel", "prior", "fit", "cv")
	for _, n := range names {
		fmt.Printf(" %6.6s", n)
	}
	fmt.Println()
	for _, d := range docs {
		x := d.Result.Features
		fmt.Printf("%-40.40s %-6s %4.0f %5.1f %5.1f %5.1f |", d.Fixture.Path[len("../testdata/fixtures/"):], d.Fixture.Band, d.Fixture.Reliability*100, d.Result.Profile.Score, rep.Model.Score(x), d.CVScore)
		for _, n := range names {
			fmt.Printf(" %6.2f", x[n])
		}
		fmt.Println()
	}
}

var lam = 0.05

func TestZZSeeds(t *testing.T) {
	if v := os.Getenv("LAM"); v != "" {
		fmt.Sscan(v, &lam)
	}
	fx, _ := Load("../testdata/fixtures")
	rep, _ := Run(fx, Options{Bootstrap: 10, Lambda: lam})
	names := FeatureNames(rep.Model)
	fmt.Printf("acc %.3f rho %.3f ece %.3f cuts %v/%v model %v %v\n", rep.BandAcc, rep.Spearman, rep.ECE, rep.Model.MediumAt, rep.Model.HighAt, rep.Model.Intercept, rep.Model.Weights)
	for _, id := range []string{"000", "001", "002", "003", "004"} {
		paths, _ := filepath.Glob(filepath.Join("../../shared/seeds", id+"*.txt"))
		data, _ := os.ReadFile(paths[0])
		doc, _ := ingest.Parse(paths[0], "txt", data)
		e, _ := engine.New(engine.Options{})
		r, _ := e.Analyze(doc)
		fmt.Printf("%s prior %5.1f fit %5.1f %s |", id, r.Profile.Score, rep.Model.Score(r.Features), rep.Model.Band(rep.Model.Score(r.Features)))
		for _, n := range names {
			fmt.Printf(" %s=%.2f", n, r.Features[n])
		}
		fmt.Println()
	}
}
