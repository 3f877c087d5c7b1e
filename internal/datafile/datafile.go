// Package datafile is the one place the engine opens data files that a user
// names: the extra lexicons and knowledge-base files of a configuration. A
// configuration is found by walking up from the inputs, so a pull request can
// bring its own; what it names must therefore stay inside the configuration's
// folder, be a regular file (not a FIFO or a device) of bounded size, and an
// error about it must never print the file's content.
package datafile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
)

// MaxBytes bounds one data file. The built-in lexicons and knowledge base
// together are under 1 MB; a house lexicon of 100,000 entries is about 8 MB.
const MaxBytes = 32 << 20

// Read returns the content of name, which must resolve (symbolic links
// followed) to a regular file inside root, of at most MaxBytes. A relative
// name is taken relative to root.
func Read(root, name string) ([]byte, error) {
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(root, path)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("%s: data folder %s: %s", name, root, describe(err))
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, describe(err))
	}
	if rel, err := filepath.Rel(realRoot, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("%s: outside %s; a configuration may only name data files in its own folder", name, root)
	}
	info, err := os.Stat(real)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, describe(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	if info.Size() > MaxBytes {
		return nil, fmt.Errorf("%s: %d bytes, over the %d MiB limit for a data file", name, info.Size(), MaxBytes>>20)
	}
	// Non-blocking: a FIFO swapped in after the Stat must not hang the open.
	f, err := os.OpenFile(real, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, describe(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, describe(err))
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: over the %d MiB limit for a data file", name, MaxBytes>>20)
	}
	return data, nil
}

func describe(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// longWord is a run of text a data file's line could have put in an error.
var longWord = regexp.MustCompile(`\S{41,}`)

// CleanError rewrites an error from parsing a user's data file so that it
// quotes at most a short, escaped excerpt of what the file holds: decoders
// quote the offending value ("cannot unmarshal !!str `root:x:0:0…`", "field
// X not found", our own "unknown key"), so after the file's name every run
// of text longer than 40 characters is cut, control characters are escaped
// and the message is capped.
func CleanError(name string, err error) error {
	if err == nil {
		return nil
	}
	msg, prefix := err.Error(), ""
	if rest, ok := strings.CutPrefix(msg, name); ok && name != "" {
		prefix, msg = name, rest
	}
	msg = longWord.ReplaceAllStringFunc(msg, func(w string) string {
		return string([]rune(w)[:40]) + "…"
	})
	return errors.New(prefix + Excerpt(msg, 300))
}

// Excerpt returns s with control and invalid characters escaped, cut to
// at most n runes.
func Excerpt(s string, n int) string {
	q := strconv.QuoteToGraphic(s)
	q = strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
	q = strings.ReplaceAll(q, `\n`, "\n") // a multi-line error stays readable
	if r := []rune(q); len(r) > n {
		return string(r[:n]) + "…"
	}
	return q
}
