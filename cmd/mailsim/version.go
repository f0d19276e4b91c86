package main

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=..."; otherwise
// versionString reads it from the build information Go embeds.
var version = ""

func newVersionCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print mailsim's version",
		Long: `Version prints the version of a release build (go install ...@v1.2.0), or for a
build from a clone "devel" with the commit, its date and whether the tree had
changes: mailsim devel (a1b2c3d 2026-12-02, modified).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprintf(ios.Out, "mailsim %s\n", versionString(version, bi))
			return nil
		},
	}
}

// pseudoVersion matches the end of a Go pseudo-version
// (v0.0.0-20261202090405-a1b2c3d4e5f6), which the go command stamps on a
// build from a commit that carries no release tag.
var pseudoVersion = regexp.MustCompile(`[-.]\d{14}-[0-9a-f]{12}(\+dirty)?$`)

// versionString says which mailsim this is, from the -X version, else the
// build info: a release's module version as it is (go install ...@v1.2.0);
// for a build from a clone (a pseudo-version, "+dirty", or "(devel)" when
// version stamping is off) "devel" with the commit, its date and whether
// the tree was modified, as far as the go command recorded them
// (vcs.revision, vcs.time, vcs.modified).
func versionString(ldflags string, bi *debug.BuildInfo) string {
	if ldflags != "" {
		return ldflags
	}
	if bi == nil {
		return "devel"
	}
	v := bi.Main.Version
	release := v != "" && v != "(devel)" && !strings.HasSuffix(v, "+dirty") && !pseudoVersion.MatchString(v)
	if release {
		return v
	}
	var rev, date string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			date, _, _ = strings.Cut(s.Value, "T")
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		if v != "" && v != "(devel)" {
			return v // a pseudo-version from the module proxy: it names the commit
		}
		return "devel"
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	detail := rev
	if date != "" {
		detail += " " + date
	}
	if modified {
		detail += ", modified"
	}
	return "devel (" + detail + ")"
}
