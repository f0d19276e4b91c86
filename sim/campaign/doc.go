// Package campaign summarises the trace of a mail campaign too large to
// keep event by event: thousands of bots, a million delivery attempts.
//
// A Summary is a trace.Sink. It counts outcomes (SMTP sessions attempted,
// SYNs dropped by a router under OP25B or IP25B, recipients refused as
// relay denied, failed logins, messages delivered, queued and bounced) in
// total, per network of the client, per server and over virtual time in
// buckets, from a few kinds of event only (the ones sim.Summarised lists),
// so that a run in the engine's summary mode and a run with the full trace
// count the same. While sampling is on it also keeps the first few full
// sessions of each kind of ending, with the scenario's steps and
// narration, as a trace the player can animate.
//
// Its memory does not grow with the size of the campaign: counters, a
// fixed number of time buckets, one entry per network and server, and a
// sample of at most PerKind sessions of each kind.
package campaign
