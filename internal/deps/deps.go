//go:build deps

// Package deps pins the modules that packages under construction will import,
// so parallel work never has to edit go.mod. It is removed once every module
// here is imported for real.
package deps

import (
	_ "github.com/chzyer/readline"
	_ "github.com/creack/pty"
	_ "github.com/fatih/color"
	_ "github.com/hinshun/vt10x"
	_ "github.com/mattn/go-runewidth"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/net/dns/dnsmessage"
	_ "golang.org/x/term"
)
