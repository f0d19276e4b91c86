package explain

import (
	"strings"

	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Names ForReply takes for client lines that are not commands, and the key
// of the AUTH response entry: the SMTP core's own tags, spelled once.
const (
	verbDataLine = smtp.TagDataLine // a line of message text after 354 (trace.MessageText)
	verbAuthData = smtp.TagAuthData // a line answering a 334 challenge (trace.AuthData)
)

// ForEvent returns the entries that explain one trace event, most specific
// first: for an SMTP reply the enhanced code entry and the reply code entry
// (a code the table lacks falls back to its class, "5xx", because RFC 5321
// 4.2.1 lets a client act on the first digit alone); for a client command
// the verb entry; for POP3 the command entry, and for a +OK/-ERR status line
// the generic "+OK"/"-ERR" entry (ForReply adds the command it answers); for
// DNS the query-type entry, preceded by NXDOMAIN, NODATA, null MX, SPF, DKIM
// or DMARC when the line is one of those; for Connect, Accept, Drop,
// Timeout, Refused and Close the TCP entry (Connect adds the port's entry);
// for Queue, Deliver and Bounce the MTA entry.
//
// Lines of message text (Tag.Kind MessageText, except the final "."),
// continuation lines (an SMTP reply line that is not the last of its reply, a
// POP3 line without a status) and events with nothing to explain (narration,
// steps, notes, expectations) return nil. The event is not modified.
func ForEvent(e *trace.Event) []Entry {
	if e == nil {
		return nil
	}
	switch e.Kind {
	case trace.Line:
		switch e.Proto {
		case trace.SMTP:
			return smtpLine(e)
		case trace.POP3:
			return pop3Line(e)
		case trace.DNS:
			return dnsLine(e)
		case trace.IMAP:
			return imapLine(e)
		}
		return nil
	case trace.Connect:
		return at(pos(keySYN), lookupIn(idx.port, e.Dst.Port))
	case trace.Accept, trace.Ack:
		return at(pos(keySYNACK))
	case trace.Drop:
		if e.Rule == trace.IP25B {
			return at(pos(keyTermIP25B), pos(keyDrop))
		}
		return at(pos(keyDrop))
	case trace.Timeout:
		return at(pos(keyTimeout))
	case trace.Refused:
		return at(pos(keyRefused))
	case trace.Close:
		return at(pos(keyFIN))
	case trace.Record:
		if e.TLS.HandshakeType == 1 || e.TLS.HandshakeType == 2 {
			return at(pos(keyTLSHello), pos(keyTLSRecord))
		}
		return at(pos(keyTLSRecord))
	case trace.Queue:
		return at(pos(keyQueue))
	case trace.Deliver:
		return at(pos(keyDeliver))
	case trace.Bounce:
		return at(pos(keyBounce))
	case trace.Note:
		return at(authNote(e))
	}
	return nil
}

// ForReply is ForEvent for a server line whose command the caller knows (the
// player remembers the last client verb on each connection): it returns
// ForEvent's entries followed by the entry of cmd, the command the line
// answers. For POP3 that entry's OK or Err field says what this status means
// for that command. For SMTP, cmd "DATA-LINE" (the final "." is tagged so)
// gives the end-of-data entry. Continuation lines still return nil, and so
// does a line that is not a server line.
func ForReply(e *trace.Event, cmd string) []Entry {
	out := ForEvent(e)
	if len(out) == 0 || e.Dir != trace.ServerToClient {
		return out
	}
	if e.Proto == trace.SMTP && (cmd == verbDataLine || cmd == ".") {
		return append(out, entries[pos(keyEndData)])
	}
	if c, ok := ForCommand(e.Proto, cmd); ok {
		out = append(out, c)
	}
	return out
}

// isClientLine decides who sent a line: the direction when the engine set
// it, otherwise the tag (a verb is a command, a code or status a reply).
func isClientLine(e *trace.Event) bool {
	switch e.Dir {
	case trace.ClientToServer:
		return true
	case trace.ServerToClient:
		return false
	}
	return e.Tag.Verb != ""
}

func smtpLine(e *trace.Event) []Entry {
	if isClientLine(e) && e.Tag.Code == 0 {
		switch e.Tag.Kind {
		case trace.MessageText:
			if e.Line == "." {
				return at(pos(keyEndData))
			}
			return at(headerEntry(e.Line))
		case trace.AuthData:
			return at(lookupIn(idx.smtpVerb, verbAuthData))
		}
		verb := e.Tag.Verb
		if verb == "" {
			verb = firstWord(e.Line)
		}
		if c, ok := ForCommand(trace.SMTP, verb); ok {
			return []Entry{c}
		}
		return at(headerEntry(e.Line)) // message text pasted without its tag
	}
	code, enh, last := e.Tag.Code, e.Tag.Enhanced, e.Tag.Last
	if code == 0 {
		// A hand-built event without a tag: read the wire line.
		var ok bool
		if code, enh, last, ok = parseReply(e.Line); !ok {
			if e.Dir == trace.NoDir {
				if c, ok := ForCommand(trace.SMTP, firstWord(e.Line)); ok {
					return []Entry{c}
				}
			}
			return nil
		}
	}
	if !last {
		return nil // RFC 5321 4.2.1: "250-..." lines continue the reply
	}
	if isDMARCReject(e.Line) {
		return at(pos(keyDMARCReject), lookupIn(idx.enhanced, enh), codePos(code))
	}
	return at(lookupIn(idx.enhanced, enh), codePos(code))
}

// codePos returns the entry of an SMTP reply code, or of its class when the
// table has no entry for the code itself.
func codePos(code int) int {
	if i, ok := idx.code[code]; ok {
		return i
	}
	// RFC 5321 4.2.1 limits the second digit to 0-5, but servers in the
	// wild send others (qmail's 571); the class still holds.
	if code >= 200 && code < 600 {
		return pos(classKeys[code/100])
	}
	return -1
}

var classKeys = [...]string{2: "2xx", 3: "3xx", 4: "4xx", 5: "5xx"}

func pop3Line(e *trace.Event) []Entry {
	if isClientLine(e) && e.Tag.Status == trace.NoStatus {
		verb := e.Tag.Verb
		if verb == "" {
			verb = firstWord(e.Line)
		}
		if c, ok := ForCommand(trace.POP3, verb); ok {
			return []Entry{c}
		}
		return nil
	}
	// RFC 1939 3: only the first line of a response carries the status; the
	// engine tags continuation lines with Status "".
	switch e.Tag.Status {
	case trace.OK:
		return at(pos(keyOK))
	case trace.Err:
		return at(pos(keyERR))
	}
	return at(headerEntry(e.Line)) // a header field of a retrieved message
}

// firstWord returns the command verb of a line: up to the first space or
// colon ("MAIL FROM:<a>" gives "MAIL").
func firstWord(line string) string {
	if i := strings.IndexAny(line, " :"); i >= 0 {
		return line[:i]
	}
	return line
}

// imapLine explains an IMAP line: a client command by its name ("UID
// FETCH"); a status response by its response code, if any, then its
// condition; untagged data by its name (EXISTS, FETCH); a continuation
// request. Lines of a literal (Tag.Kind Body) return nil.
func imapLine(e *trace.Event) []Entry {
	switch e.Tag.Kind {
	case trace.Tagged, trace.Untagged:
		if e.Tag.Cond != trace.NoCond {
			return at(lookupIn(idx.imapVerb, imapCode(e.Line)), pos(prefixIMAP+e.Tag.Cond.String()))
		}
		if c, ok := ForCommand(trace.IMAP, e.Tag.Verb); ok {
			return []Entry{c}
		}
		return nil
	case trace.ContinueReq:
		return at(pos(keyIMAPCont))
	case trace.Body:
		return nil
	}
	if !isClientLine(e) {
		return nil
	}
	verb := e.Tag.Verb
	if verb == "" {
		verb = imap.VerbOf(e.Line)
	}
	if c, ok := ForCommand(trace.IMAP, verb); ok {
		return []Entry{c}
	}
	return nil
}

// imapCode returns the name of the response code of a status line ("tag
// OK [UIDVALIDITY 1] ..." gives "UIDVALIDITY"), or "".
func imapCode(line string) string {
	_, rest, _ := strings.Cut(line, " ")
	_, rest, _ = strings.Cut(rest, " ")
	if !strings.HasPrefix(rest, "[") {
		return ""
	}
	end := strings.IndexAny(rest, " ]")
	if end < 0 {
		return ""
	}
	return rest[1:end]
}
