package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/scenarios"
)

// Load finds a scenario by bundled id ("op25b") or by file path, and parses
// it. Bundled files are named scenarios/<id>.yaml in messages.
func Load(arg string) (*Scenario, error) {
	if !strings.ContainsAny(arg, `/\`) && !strings.HasSuffix(arg, ".yaml") && !strings.HasSuffix(arg, ".yml") {
		src, err := fs.ReadFile(scenarios.FS, arg+".yaml")
		if err != nil {
			ids, _ := BundledIDs()
			msg := fmt.Sprintf("no bundled scenario %q", arg)
			if s := suggest.Closest(arg, ids); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return nil, errors.New(msg + "; run 'mailsim list' to see them, or give a path to a .yaml file")
		}
		return Parse("scenarios/"+arg+".yaml", src)
	}
	src, err := os.ReadFile(arg)
	if err != nil {
		return nil, fmt.Errorf("cannot read scenario: %w", err)
	}
	return Parse(arg, src)
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
