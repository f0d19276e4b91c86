package scenario

import "time"

// The limits below are the whole of what a scenario file may ask of
// mailsim. A file comes from anyone (a colleague, a forum, a student), so
// every count and every duration it can set is bounded here, in one place,
// and the loader refuses a file that passes one with the file:line:col
// where it did and the name of the limit. They are far above what a lesson
// needs: the bundled scenarios use a few percent of each.
//
// Together they bound a run. CPU: at most MaxTotalRecipients queue items
// (plus one bounce each) retried every 30 virtual minutes for at most
// MaxTotalWait, each attempt trying at most MaxRecords MX hosts, and a run
// stops at MaxEvents events (about three seconds of CPU). Memory: `run`
// streams its transcript and keeps no event, and the views that keep the
// whole trace (play, export) keep at most MaxKeptEvents (a run that passes
// that limit peaked at 83 MB before Engine 2 and 110 MB after it, measured
// with /usr/bin/time). check plays the scenario too, so what check accepts
// run runs without passing it.
const (
	// MaxFileBytes is the largest scenario file read, in bytes. Only
	// regular files are read at all: not directories, FIFOs or devices.
	MaxFileBytes = 1 << 20

	// MaxDepth is the deepest nesting of YAML mappings and lists. The
	// schema itself needs six levels.
	MaxDepth = 32

	// MaxSteps is the most steps a scenario may have: enough for a load
	// test of 10,000 messages written out one step each (MaxFileBytes
	// bounds the parsing either way).
	MaxSteps = 20_000

	// MaxHosts, MaxNetworks and MaxZones bound the world: hosts, networks
	// and DNS names.
	MaxHosts    = 256
	MaxNetworks = 64
	MaxZones    = 256

	// MaxRecords bounds each list inside one definition: the MX, A and TXT
	// records of a DNS name, a host's users, domains and servers, a
	// network's OP25B exceptions, a server's domain and network lists.
	MaxRecords = 32

	// MaxRecipients is the most addresses one send step may name, and
	// MaxTotalRecipients the most over all the send steps of a scenario:
	// each can become a queue item that is retried for days, until the run
	// passes MaxEvents.
	MaxRecipients      = 100
	MaxTotalRecipients = 20_000

	// MaxBodyBytes and MaxBodyLines bound a message body written in a send
	// step.
	MaxBodyBytes = 64 << 10
	MaxBodyLines = 2000

	// MaxTalkLines is the most lines one talk step may type.
	MaxTalkLines = 200

	// MaxLineBytes is the longest single-line string: names, addresses,
	// subjects, passwords, talk lines. RFC 5322 2.1.1 allows 998 octets in a
	// line of a message, so this lets a talk step show what a server does
	// with a line that is too long.
	MaxLineBytes = 2000

	// MaxTextBytes is the longest narration or title in one language.
	MaxTextBytes = 16 << 10

	// MaxWait is the longest single wait step and MaxTotalWait the most
	// virtual time all wait steps may add up to. The queue lifetime is
	// five days (RFC 5321 4.5.4.1), so a wait of a week shows every bounce;
	// and the virtual clock (a time.Duration, 292 years) can never
	// overflow.
	MaxWait      = 30 * 24 * time.Hour
	MaxTotalWait = 90 * 24 * time.Hour

	// MaxEvents is the most trace events one run of a scenario may produce.
	// A step that passes it is an error at that step, from check as well as
	// from run. The bundled scenarios produce at most about 250; a world of
	// 10,000 messages about a million.
	MaxEvents = 2_000_000

	// MaxKeptEvents is the most events a view that keeps the whole trace
	// (play, export: about 360 bytes an event) will keep. A step that
	// passes it is an error at that step from those views only: run,
	// which streams, plays the file.
	MaxKeptEvents = 50_000
)

// The range of start: times a scenario may set. The zero time (year 1) is
// what an unset start means inside mailsim, and times near the ends of
// time.Time cannot have virtual time added to them; neither makes sense for
// e-mail, which did not exist before 1971.
var (
	MinStart = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxStart = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)
