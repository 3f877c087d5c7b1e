// Command gen writes the snapshot of the built-in lexicons and knowledge
// base (see package builtin) to the file its argument names.
package main

import (
	"fmt"
	"os"

	"github.com/credence-news/credence/internal/builtin"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen FILE")
		os.Exit(2)
	}
	data, err := builtin.Encode()
	if err == nil {
		err = os.WriteFile(os.Args[1], data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
