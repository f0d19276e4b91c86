package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/fatih/color"

	"github.com/mailsim/mailsim/sim/transcript"
)

// colorFlagUsage documents --color wherever a command offers it.
const colorFlagUsage = "colour the output: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never"

// wantColor decides --color: auto colours only a terminal, and never when
// the user asked for no colour (https://no-color.org) or a dumb terminal.
func wantColor(ios *IOStreams, mode string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		getenv := ios.Getenv
		if getenv == nil {
			getenv = func(string) string { return "" }
		}
		return ios.IsTerminal && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb", nil
	}
	return false, badInput(fmt.Errorf("--color %q: use auto, always or never", mode))
}

// transcriptPaint returns a transcript.Writer Paint that colours each line by
// its class, in the scheme the player uses (transcript.SGR). It colours unconditionally: wantColor has already decided.
func transcriptPaint() func(transcript.Class, string) string {
	var colors [transcript.NumClasses]*color.Color
	for c, sgr := range transcript.SGR {
		if sgr == "" {
			continue
		}
		var attrs []color.Attribute
		for _, p := range strings.Split(sgr, ";") {
			n, _ := strconv.Atoi(p)
			attrs = append(attrs, color.Attribute(n))
		}
		colors[c] = color.New(attrs...)
		colors[c].EnableColor()
	}
	return func(c transcript.Class, s string) string {
		if int(c) >= len(colors) || colors[c] == nil {
			return s
		}
		return colors[c].Sprint(s)
	}
}
