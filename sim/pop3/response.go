package pop3

import (
	"errors"
	"strings"
)

// Response is one POP3 response: the status line and, for multi-line
// responses, the body.
type Response struct {
	OK    bool
	Text  string   // text after "+OK " / "-ERR "
	Multi bool     // a multi-line response (terminated by ".")
	Lines []string // multi-line body lines, NOT dot-stuffed
}

// NumLines returns the number of wire lines: 1, or 1 + len(Lines) + 1 for a
// multi-line response (status, body, terminating ".").
func (r Response) NumLines() int {
	if !r.Multi {
		return 1
	}
	return len(r.Lines) + 2
}

// Line returns wire line i without CRLF: the status line, the dot-stuffed body
// lines, then ".". An i out of range gives "".
func (r Response) Line(i int) string {
	switch {
	case i == 0:
		return r.StatusLine()
	case !r.Multi || i < 0 || i > len(r.Lines)+1:
		return ""
	case i == len(r.Lines)+1:
		return "."
	}
	l := r.Lines[i-1]
	// RFC 1939 3: a body line that begins with the termination octet is
	// byte-stuffed by pre-pending it with another ".".
	if len(l) > 0 && l[0] == '.' {
		return "." + l
	}
	return l
}

// Status returns the status indicator, StatusOK or StatusErr.
func (r Response) Status() string {
	if r.OK {
		return StatusOK
	}
	return StatusErr
}

// StatusLine returns the first wire line: "+OK text", "-ERR text", or the
// status indicator alone when Text is empty.
func (r Response) StatusLine() string {
	if r.Text == "" {
		return r.Status()
	}
	return r.Status() + " " + r.Text
}

// Code returns the extended response code at the start of Text ("AUTH" for
// "-ERR [AUTH] invalid user name or password"), or "" (RFC 2449 8: a code is
// the text between "[" and "]" at the very start of the text).
func (r Response) Code() string {
	if len(r.Text) < 2 || r.Text[0] != '[' {
		return ""
	}
	if end := strings.IndexByte(r.Text, ']'); end > 1 {
		return r.Text[1:end]
	}
	return ""
}

// ErrStatus means a line that should begin a response starts with neither
// "+OK" nor "-ERR".
var ErrStatus = errors.New("pop3: response does not start with +OK or -ERR")

// ParseStatus parses a status line (with or without CRLF) into a single-line
// Response. RFC 2449 3: status [SP text]. The indicator is matched without
// regard to case, to be liberal in what is accepted.
func ParseStatus(line string) (Response, error) {
	line = trimEOL(line)
	var r Response
	var rest string
	switch {
	case len(line) >= 3 && strings.EqualFold(line[:3], StatusOK):
		r.OK, rest = true, line[3:]
	case len(line) >= 4 && strings.EqualFold(line[:4], StatusErr):
		rest = line[4:]
	default:
		return Response{}, ErrStatus
	}
	switch {
	case rest == "":
	case rest[0] == ' ':
		r.Text = rest[1:]
	default:
		return Response{}, ErrStatus
	}
	// One line ends at its CRLF: a CR or LF left inside is not a status
	// line (RFC 1939 3) but two lines run together.
	if strings.IndexByte(r.Text, '\r') >= 0 || strings.IndexByte(r.Text, '\n') >= 0 {
		return Response{}, ErrStatus
	}
	return r, nil
}

// MultiLine reports whether a positive response to the command line is
// multi-line: RETR and TOP (RFC 1939 5, 7), CAPA (RFC 2449 5), and LIST and
// UIDL without an argument (RFC 1939 5, 7). Negative responses are always a
// single line.
func MultiLine(command string) bool {
	command = trimEOL(command)
	verb, args := command, ""
	if i := strings.IndexByte(command, ' '); i >= 0 {
		verb, args = command[:i], strings.TrimLeft(command[i+1:], " ")
	}
	cmd := lookupCommand(verb)
	if cmd == nil {
		return false
	}
	switch cmd.multi {
	case alwaysMulti:
		return true
	case multiWithout:
		return args == ""
	}
	return false
}

// Assembler turns the wire lines of responses back into Responses, undoing
// dot-stuffing: the client side of a real connection. Tell it which command a
// response answers with Expect, then Feed it lines until done. The zero value
// expects a single-line response, such as the greeting.
//
// The Lines of a multi-line Response it returns are valid until the next
// call to Expect: the Assembler keeps their array for the next body, so
// that a session of many messages grows it once.
type Assembler struct {
	multi bool // a +OK to the expected command opens a multi-line body
	body  bool // inside a multi-line body
	r     Response
	buf   []string // the array of the last body's lines, reused by the next
}

// Reset makes a a zero Assembler for a new session, keeping the array of
// body lines (emptied, so that it holds no text of the last session): a
// client reused session after session then grows it once.
func (a *Assembler) Reset() {
	clear(a.buf[:cap(a.buf)])
	*a = Assembler{buf: a.buf[:0]}
}

// Expect prepares for the response to the command line (MultiLine decides
// whether a +OK will have a body). Use "" for the greeting.
func (a *Assembler) Expect(command string) {
	*a = Assembler{multi: MultiLine(command), buf: a.buf}
}

// Feed takes one wire line (with or without CRLF). It returns the whole
// Response and done=true when the line completes it. A line that is not a
// status line where one is due gives ErrStatus with done=true; either way the
// Assembler then expects a single-line response until Expect is called again.
func (a *Assembler) Feed(line string) (r Response, done bool, err error) {
	line = trimEOL(line)
	if !a.body {
		r, err = ParseStatus(line)
		if err != nil || !r.OK || !a.multi {
			*a = Assembler{buf: a.buf}
			return r, true, err
		}
		r.Multi = true
		if a.buf == nil {
			// Room for a short message, or a LIST of a dozen: most
			// bodies then take this one allocation.
			a.buf = make([]string, 0, 16)
		}
		r.Lines = a.buf[:0]
		a.r, a.body = r, true
		return Response{}, false, nil
	}
	// RFC 1939 3: a line of "." alone ends the response; otherwise a leading
	// "." is the byte-stuffing and is stripped.
	if line == "." {
		r = a.r
		*a = Assembler{buf: r.Lines[:0]}
		if len(r.Lines) == 0 {
			r.Lines = nil // as before: an empty body has no lines
		}
		return r, true, nil
	}
	if len(line) > 0 && line[0] == '.' {
		line = line[1:]
	}
	a.r.Lines = append(a.r.Lines, line)
	return Response{}, false, nil
}

// trimEOL removes one trailing CRLF or LF.
func trimEOL(s string) string {
	if n := len(s); n > 0 && s[n-1] == '\n' {
		s = s[:n-1]
		if n := len(s); n > 0 && s[n-1] == '\r' {
			s = s[:n-1]
		}
	}
	return s
}
