package imap

import (
	"errors"
	"strings"
)

// Response is one server response (RFC 9051 2.2.2): untagged ("*"), a
// continuation request ("+") or the tagged completion of a command. Text
// is everything after the tag and its space, literals inline with their
// CRLFs exactly as on the wire, so a response that carries a message body
// ("* 1 FETCH (BODY[] {342}\r\n...\r\n)") is one Response of several
// wire lines.
type Response struct {
	Tag  string // "*", "+", or the tag of the command it completes
	Text string
}

// Untagged reports whether r is an untagged response.
func (r Response) Untagged() bool { return r.Tag == "*" }

// Continuation reports whether r is a continuation request.
func (r Response) Continuation() bool { return r.Tag == "+" }

// Tagged reports whether r completes a command.
func (r Response) Tagged() bool { return r.Tag != "*" && r.Tag != "+" && r.Tag != "" }

// NumLines is the number of wire lines of r.
func (r Response) NumLines() int { return strings.Count(r.Text, "\r\n") + 1 }

// Line returns wire line i without its CRLF; "" out of range.
func (r Response) Line(i int) string {
	rest := r.Text
	for k := 0; ; k++ {
		line, after, more := strings.Cut(rest, "\r\n")
		if k == i {
			if k == 0 {
				return r.Tag + " " + line
			}
			return line
		}
		if !more {
			return ""
		}
		rest = after
	}
}

// Wire returns the response's bytes on the wire, the final CRLF included.
func (r Response) Wire() string {
	return r.Tag + " " + r.Text + "\r\n"
}

// Cond returns the condition of a status response (OK, NO, BAD, BYE,
// PREAUTH), or "" for a data response such as "* 3 EXISTS".
func (r Response) Cond() string {
	w, _, _ := strings.Cut(r.Text, " ")
	switch strings.ToUpper(w) {
	case CondOK, CondNO, CondBAD, CondBYE, CondPREAUTH:
		return strings.ToUpper(w)
	}
	return ""
}

// Name returns the name of an untagged data response, upper case:
// "EXISTS" for "* 3 EXISTS", "CAPABILITY" for "* CAPABILITY IMAP4rev1";
// the condition for a status response; "" for a continuation.
func (r Response) Name() string {
	if r.Continuation() {
		return ""
	}
	if c := r.Cond(); c != "" {
		return c
	}
	w, rest, _ := strings.Cut(r.Text, " ")
	if _, ok := number(w); ok {
		w, _, _ = strings.Cut(rest, " ")
	}
	w, _, _ = strings.Cut(w, "\r")
	return strings.ToUpper(w)
}

// Number returns the number of a numbered data response ("3" of
// "* 3 EXISTS"), and false for others.
func (r Response) Number() (uint32, bool) {
	if !r.Untagged() {
		return 0, false
	}
	w, _, _ := strings.Cut(r.Text, " ")
	return number(w)
}

// Code returns the response code of a status response, the text between
// "[" and "]" after the condition ("UIDVALIDITY 1"), or "".
func (r Response) Code() string {
	c := r.Cond()
	if c == "" {
		return ""
	}
	rest := r.Text[len(c):]
	if !strings.HasPrefix(rest, " [") {
		return ""
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return ""
	}
	return rest[2:end]
}

// Info returns the human-readable text of a status response, after the
// condition and the response code.
func (r Response) Info() string {
	c := r.Cond()
	if c == "" {
		return ""
	}
	rest := strings.TrimPrefix(r.Text[len(c):], " ")
	if strings.HasPrefix(rest, "[") {
		if end := strings.IndexByte(rest, ']'); end >= 0 {
			rest = strings.TrimPrefix(rest[end+1:], " ")
		}
	}
	return rest
}

// Errors of the Parser.
var (
	// ErrMalformed: a line that does not begin a response ("*", "+" or a
	// tag, then a space).
	ErrMalformed = errors.New("imap: malformed response")
	// ErrTooLarge: a response longer than the Parser's limit.
	ErrTooLarge = errors.New("imap: response too large")
)

// MaxResponse bounds a response the Parser assembles, literals included.
const MaxResponse = 32 << 20

// Parser assembles responses from wire lines, following literals: the
// client side of a connection. A line reader hands it each line without its
// CRLF; a literal is counted in octets, each line it spans counting its
// CRLF. The zero value is ready.
type Parser struct {
	buf  strings.Builder
	need int // octets of a literal still to come; -1: none
	open bool
}

// Feed takes one wire line and returns a whole response when the line
// completes one. After an error the Parser starts afresh with the next
// line.
func (p *Parser) Feed(line string) (r Response, done bool, err error) {
	line = trimEOL(line)
	if !p.open {
		if !validStart(line) {
			return Response{}, true, ErrMalformed
		}
		p.buf.Reset()
		p.open, p.need = true, 0
		return p.text(line)
	}
	if p.buf.Len()+len(line)+2 > MaxResponse {
		p.reset()
		return Response{}, true, ErrTooLarge
	}
	p.buf.WriteString("\r\n")
	k := p.need
	switch {
	case k >= len(line)+2:
		// The whole line and its CRLF are literal octets.
		p.buf.WriteString(line)
		p.need -= len(line) + 2
		if p.need == 0 {
			// The literal ended with this CRLF: the response goes on with
			// the next line (RFC 9051 4.3).
			p.need = -1
		}
		return Response{}, false, nil
	case k == len(line)+1:
		// The literal would end between CR and LF: not a line we can keep.
		p.reset()
		return Response{}, true, ErrMalformed
	}
	if k < 0 {
		k = 0
	}
	p.buf.WriteString(line[:k])
	return p.text(line[k:])
}

// text takes the part of a line outside any literal: it either ends the
// response or announces a literal.
func (p *Parser) text(s string) (Response, bool, error) {
	if p.buf.Len()+len(s) > MaxResponse {
		p.reset()
		return Response{}, true, ErrTooLarge
	}
	p.buf.WriteString(s)
	if n, _, ok := trailingLiteral(s); ok {
		if n > MaxResponse {
			p.reset()
			return Response{}, true, ErrTooLarge
		}
		p.need = n
		if n == 0 {
			// "{0}": an empty literal, the response goes on after its CRLF.
			p.need = -1
		}
		return Response{}, false, nil
	}
	all := p.buf.String()
	p.reset()
	tag, text, _ := strings.Cut(all, " ")
	return Response{Tag: tag, Text: text}, true, nil
}

func (p *Parser) reset() {
	p.buf.Reset()
	p.open, p.need = false, 0
}

// validStart reports whether line can begin a response: "+" alone (which
// some servers send for "+ " with no text), or a
// tag (RFC 9051 9: tag, "*" or "+") followed by a space.
func validStart(line string) bool {
	if line == "+" {
		return true
	}
	tag, _, ok := strings.Cut(line, " ")
	if !ok {
		return false
	}
	return tag == "*" || tag == "+" || validTag(tag)
}

// validTag reports whether s is a tag: ASTRING-CHARs except "+" (RFC 9051
// 9), at most 64 of them here.
func validTag(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`(){%*"\+`, c) >= 0 {
			return false
		}
	}
	return true
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
