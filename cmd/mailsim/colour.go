package main

import (
	"fmt"

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

// classColors colour a transcript the way the player does: commands cyan,
// 2xx green, 3xx yellow, 4xx magenta, 5xx red, DNS blue, drops on red.
var classColors = [transcript.NumClasses][]color.Attribute{
	transcript.StepHead:   {color.Bold, color.Underline},
	transcript.Narration:  {color.Italic},
	transcript.Command:    {color.Bold, color.FgCyan},
	transcript.ClientText: {color.FgCyan},
	transcript.Reply2xx:   {color.FgGreen},
	transcript.Reply3xx:   {color.FgYellow},
	transcript.Reply4xx:   {color.FgMagenta},
	transcript.Reply5xx:   {color.Bold, color.FgRed},
	transcript.POPOK:      {color.FgHiGreen},
	transcript.POPErr:     {color.FgHiRed},
	transcript.POPText:    {color.FgWhite},
	transcript.DNS:        {color.FgBlue},
	transcript.TCP:        {color.Faint},
	transcript.Timeout:    {color.Bold, color.FgYellow},
	transcript.Drop:       {color.Bold, color.FgHiWhite, color.BgRed},
	transcript.Note:       {color.FgHiBlue},
	transcript.Deliver:    {color.Bold, color.FgHiGreen},
	transcript.Bounce:     {color.Bold, color.FgMagenta},
	transcript.ExpectOK:   {color.Bold, color.FgGreen},
	transcript.ExpectMiss: {color.Bold, color.FgHiRed},
}

// transcriptPaint returns a transcript.Writer Paint that colours each line by
// its class. It colours unconditionally: wantColor has already decided.
func transcriptPaint() func(transcript.Class, string) string {
	var colors [transcript.NumClasses]*color.Color
	for c, attrs := range classColors {
		if len(attrs) > 0 {
			colors[c] = color.New(attrs...)
			colors[c].EnableColor()
		}
	}
	return func(c transcript.Class, s string) string {
		if int(c) >= len(colors) || colors[c] == nil {
			return s
		}
		return colors[c].Sprint(s)
	}
}
