// Package player is mailsim's animated terminal view of a trace: a title
// screen with the scenario's goal, cast and settings; the path of the
// current step with the current hop highlighted; the topology strip with the
// envelope travelling between hosts; the scrolling dialogue of every SMTP,
// POP3 and DNS line, each hop named as it begins and each line with the host
// that sends it; narration and waits between steps; and the panes a teacher
// opens with one key (explanation, session state, transcript so far, keys).
//
// It is split so that almost all of it is testable without a terminal:
//
//   - Model is a cursor over the trace's events, grouped into beats (one
//     protocol line, or one multi-line reply, or a step header with its
//     narration) and hops (one connection, or one DNS question, between two
//     hosts). Back and jump move the cursor; nothing is re-run.
//   - Connections reads each connection's state from the trace: the TCP
//     phase from its connection events and the server core's own session
//     snapshot (SMTP envelope, POP3 maildrop and deletion marks) from the
//     last line of each reply. The player runs no protocol state machine.
//   - Render turns a Model and a View (size, language, pane, animation
//     phase) into a frame: one string per screen row, with or without SGR
//     colour codes. Frames depend only on their inputs, never on wall time.
//   - Player is the controller: keys and ticks in, a new frame out.
//   - Run and RunTerminal are the thin driver: raw mode, key bytes, resize,
//     the ticker, and restoring the terminal on quit, Ctrl-C and panic.
//
// The player reads only the trace (sim/trace) and, through the Explainer
// callback, the explanations; it never reaches into the engine.
package player
