package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	vcs := func(rev, at, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: at}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
	for _, c := range []struct {
		name    string
		ldflags string
		bi      *debug.BuildInfo
		want    string
	}{
		{"-X wins", "v9.9.9", &debug.BuildInfo{Main: debug.Module{Version: "v1.0.0"}}, "v9.9.9"},
		{"go install @v1.2.0", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"go install @latest before any tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202090405-a1b2c3d4e5f6"}},
			"v0.0.0-20261202090405-a1b2c3d4e5f6"},
		{"clone, stamping off", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"clone, clean", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202090405-a1b2c3d4e5f6"},
			Settings: vcs(rev, "2026-12-02T09:04:05Z", "false")}, "devel (a1b2c3d 2026-12-02)"},
		{"clone, modified", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202090405-a1b2c3d4e5f6+dirty"},
			Settings: vcs(rev, "2026-12-02T09:04:05Z", "true")}, "devel (a1b2c3d 2026-12-02, modified)"},
		{"clone at a tag, modified", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0+dirty"},
			Settings: vcs(rev, "2026-12-02T09:04:05Z", "true")}, "devel (a1b2c3d 2026-12-02, modified)"},
		{"clone after a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.1-0.20261202090405-a1b2c3d4e5f6"},
			Settings: vcs(rev, "2026-12-02T09:04:05Z", "false")}, "devel (a1b2c3d 2026-12-02)"},
		{"no build info", "", nil, "devel"},
	} {
		if got := versionString(c.ldflags, c.bi); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
