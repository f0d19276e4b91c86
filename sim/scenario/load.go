package scenario

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/scenarios"
	"github.com/mailsim/mailsim/sim/i18n"
)

// Load finds a scenario by bundled id ("op25b") or by file path, and parses
// it. Bundled files are named scenarios/<id>.yaml in messages. Ids are
// lower case (idPattern), so an id matches in any case: OP25B is op25b.
func Load(arg string) (*Scenario, error) {
	if !strings.ContainsAny(arg, `/\`) && !strings.HasSuffix(arg, ".yaml") && !strings.HasSuffix(arg, ".yml") {
		id := strings.ToLower(arg)
		src, err := fs.ReadFile(scenarios.FS, id+".yaml")
		if err != nil {
			ids, _ := BundledIDs()
			if s := suggest.Closest(id, ids); s != "" {
				return nil, newError("", 0, 0, "no bundled scenario %q (did you mean %q?); run 'mailsim list' to see them, or give a path to a .yaml file", arg, s)
			}
			return nil, newError("", 0, 0, "no bundled scenario %q; run 'mailsim list' to see them, or give a path to a .yaml file", arg)
		}
		return Parse("scenarios/"+id+".yaml", src)
	}
	src, err := readFile(arg)
	if err != nil {
		return nil, err
	}
	return Parse(arg, src)
}

// readFile reads a scenario file: a regular file (not a directory, a FIFO
// that would block, or a device such as /dev/zero that never ends) of at
// most MaxFileBytes. It reads at most one byte more than that, whatever the
// file claims its size is, so a huge or growing file costs no more.
func readFile(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, newError(name, 0, 0, "cannot read the scenario: %s", pathErr(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, newError(name, 0, 0, "not a regular file (%s): give the path of a .yaml file", fileKind(fi.Mode()))
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, newError(name, 0, 0, "cannot read the scenario: %s", pathErr(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, newError(name, 0, 0, "not a regular file (%s): give the path of a .yaml file", fileKind(fi.Mode()))
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, newError(name, 0, 0, "cannot read the scenario: %s", pathErr(err))
	}
	return src, nil
}

// pathErr is err without the path, which the Error already names.
func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func fileKind(m fs.FileMode) i18n.Text {
	switch {
	case m.IsDir():
		return i18n.T("a directory", "ディレクトリ")
	case m&fs.ModeNamedPipe != 0:
		return i18n.T("a FIFO", "FIFO")
	case m&fs.ModeSocket != 0:
		return i18n.T("a socket", "ソケット")
	case m&fs.ModeDevice != 0:
		return i18n.T("a device", "デバイス")
	}
	return i18n.T("not a plain file", "通常のファイルではない")
}

// BundledIDs returns the ids of the bundled scenarios, sorted.
func BundledIDs() ([]string, error) {
	entries, err := fs.ReadDir(scenarios.FS, ".")
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		if path.Ext(e.Name()) == ".yaml" {
			ids = append(ids, strings.TrimSuffix(e.Name(), ".yaml"))
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// Bundled loads every bundled scenario in id order.
func Bundled() ([]*Scenario, error) {
	ids, err := BundledIDs()
	if err != nil {
		return nil, err
	}
	out := make([]*Scenario, 0, len(ids))
	for _, id := range ids {
		sc, err := Load(id)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}
