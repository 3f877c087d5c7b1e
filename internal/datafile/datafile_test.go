package datafile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRead: what a configuration may name, and what it may not.
func TestRead(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "repo")
	os.MkdirAll(filepath.Join(root, "sub"), 0o755)
	secret := "root:$6$SECRETHASHSECRETHASHSECRETHASH:19000:0:99999:7:::"
	os.WriteFile(filepath.Join(top, "shadow"), []byte(secret+"\n"), 0o600)
	os.WriteFile(filepath.Join(root, "house.yaml"), []byte("name: house\n"), 0o644)
	os.WriteFile(filepath.Join(root, "sub", "kb.yaml"), []byte("people: []\n"), 0o644)
	os.Symlink(filepath.Join(top, "shadow"), filepath.Join(root, "link.yaml"))
	os.Symlink("/dev/zero", filepath.Join(root, "zero.yaml"))
	os.Symlink("house.yaml", filepath.Join(root, "alias.yaml"))
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(root, "big.yaml")
	f, _ := os.Create(big)
	f.Truncate(MaxBytes + 1) // sparse: costs no disk
	f.Close()
	for _, c := range []struct {
		name, want string // want "" for a successful read
	}{
		{"house.yaml", ""},
		{filepath.Join(root, "house.yaml"), ""},
		{"sub/kb.yaml", ""},
		{"alias.yaml", ""},
		{"../shadow", "outside"},
		{filepath.Join(top, "shadow"), "outside"},
		{"/etc/shadow", "outside"},
		{"/dev/zero", "outside"},
		{"link.yaml", "outside"},
		{"zero.yaml", "outside"},
		{"fifo.yaml", "not a regular file"},
		{"sub", "not a regular file"},
		{"big.yaml", "over the 32 MiB limit"},
		{"missing.yaml", "no such file"},
	} {
		data, err := Read(root, c.name)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		case err != nil && strings.Contains(err.Error(), "SECRET"):
			t.Errorf("%s: the error shows the file's content: %v", c.name, err)
		case c.want != "" && data != nil:
			t.Errorf("%s: refused but returned data", c.name)
		}
	}
}

// TestCleanError: a decoder error quoting a file's line keeps at most a
// short, escaped excerpt of it.
func TestCleanError(t *testing.T) {
	line := "root:$6$" + strings.Repeat("SECRET", 30) + "\x1b[31m"
	name := "/a/very/long/path/to/the/configuration/folder/of/the/project/kb.yaml"
	err := CleanError(name, errors.New(name+": yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `"+line+"` into kb.file"))
	msg := err.Error()
	if strings.Count(msg, "SECRET") > 6 || strings.Contains(msg, "\x1b") {
		t.Errorf("excerpt not capped or not escaped: %q", msg)
	}
	if !strings.HasPrefix(msg, name+": yaml") || !strings.Contains(msg, "line 1: cannot unmarshal !!str `root:$6$SECRET") || !strings.Contains(msg, "into kb.file") {
		t.Errorf("the error lost what it says: %q", msg)
	}
	if CleanError(name, nil) != nil {
		t.Error("CleanError(nil) != nil")
	}
}
