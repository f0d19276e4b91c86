package smtp

import (
	"strconv"
	"strings"
)

// Reply is one SMTP reply, possibly multi-line (RFC 5321 4.2).
//
// Replies returned by Server may share their Lines with other replies (the
// fixed texts are built once): treat Lines as read-only.
type Reply struct {
	Code     int
	Enhanced string   // RFC 3463 code such as "5.7.1"; "" for none (the 220 greeting, the 334 challenges, the 354, EHLO lines)
	Lines    []string // text after the code and the enhanced code, one entry per wire line; at least one
}

// NumLines is the number of wire lines the reply takes.
func (r Reply) NumLines() int { return len(r.Lines) }

// Line returns wire line i without CRLF: "250-mail.example.jp",
// "250 2.0.0 Ok: queued as 1A2B3C". It returns "" when i is out of range.
func (r Reply) Line(i int) string {
	if i < 0 || i >= len(r.Lines) {
		return ""
	}
	var b strings.Builder
	b.Grow(4 + len(r.Enhanced) + 1 + len(r.Lines[i]))
	r.write(&b, i)
	return b.String()
}

// AppendLine appends wire line i, without CRLF, to dst: a driver writing to a
// real connection uses it to send a reply without allocating. It appends
// nothing when i is out of range.
func (r Reply) AppendLine(dst []byte, i int) []byte {
	if i < 0 || i >= len(r.Lines) {
		return dst
	}
	dst = appendCode(dst, r.Code)
	// RFC 5321 4.2.1: every line but the last has "-" after the code.
	if i < len(r.Lines)-1 {
		dst = append(dst, '-')
	} else {
		dst = append(dst, ' ')
	}
	text := r.Lines[i]
	if r.Enhanced != "" {
		// RFC 2034 4: the enhanced code prefixes the text of every line.
		dst = append(dst, r.Enhanced...)
		if text == "" {
			return dst
		}
		dst = append(dst, ' ')
	}
	return append(dst, text...)
}

// appendCode appends a reply code. Every reply line of every session
// starts with one, nearly always three digits (RFC 5321 4.2), which are
// written directly: strconv formats a number of three digits or more in a
// loop of divisions.
func appendCode(dst []byte, code int) []byte {
	if code >= 100 && code <= 999 {
		return append(dst, byte('0'+code/100), byte('0'+code/10%10), byte('0'+code%10))
	}
	return strconv.AppendInt(dst, int64(code), 10)
}

func (r Reply) write(b *strings.Builder, i int) {
	var code [8]byte
	b.Write(appendCode(code[:0], r.Code))
	if i < len(r.Lines)-1 {
		b.WriteByte('-')
	} else {
		b.WriteByte(' ')
	}
	text := r.Lines[i]
	if r.Enhanced != "" {
		b.WriteString(r.Enhanced)
		if text == "" {
			return
		}
		b.WriteByte(' ')
	}
	b.WriteString(text)
}

// Error returns all wire lines joined by "\n", so that a Reply can be
// returned as an error.
func (r Reply) Error() string {
	if len(r.Lines) == 0 {
		return strconv.Itoa(r.Code)
	}
	var b strings.Builder
	for i := range r.Lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		r.write(&b, i)
	}
	return b.String()
}

// ReplySyntaxError says why a reply line could not be parsed.
type ReplySyntaxError struct {
	Line   string // the offending line, shortened to 80 octets
	Reason string
}

func (e *ReplySyntaxError) Error() string {
	return "smtp: malformed reply line " + strconv.Quote(e.Line) + ": " + e.Reason
}

func replyErr(line, reason string) error {
	return &ReplySyntaxError{Line: clip(line, 80), Reason: reason}
}

// ParseReplyLine parses one wire line of a reply (without CRLF): the code,
// the enhanced status code if the text starts with one whose class matches
// the code's (RFC 2034 4), the remaining text, and whether this is the last
// line of the reply ("250 " rather than "250-").
func ParseReplyLine(line string) (code int, enhanced string, text string, last bool, err error) {
	// RFC 5321 4.2: Reply-code = %x32-35 %x30-35 %x30-39.
	if len(line) < 3 {
		return 0, "", "", false, replyErr(line, "shorter than a reply code")
	}
	if line[0] < '2' || line[0] > '5' || line[1] < '0' || line[1] > '5' || line[2] < '0' || line[2] > '9' {
		return 0, "", "", false, replyErr(line, "no reply code")
	}
	code = int(line[0]-'0')*100 + int(line[1]-'0')*10 + int(line[2]-'0')
	if len(line) == 3 {
		// RFC 5321 4.2: Reply-code [ SP textstring ] CRLF: the text is optional.
		return code, "", "", true, nil
	}
	switch line[3] {
	case ' ':
		last = true
	case '-':
	default:
		return 0, "", "", false, replyErr(line, "code not followed by space or hyphen")
	}
	text = line[4:]
	if n := enhancedLen(text, line[0]); n > 0 {
		enhanced = text[:n]
		text = strings.TrimPrefix(text[n:], " ")
	}
	return code, enhanced, text, last, nil
}

// enhancedLen returns the length of the RFC 3463 status code at the start of
// s (class "." 1*3digit "." 1*3digit, followed by a space or the end), or 0.
// The class must equal the reply code's first digit (RFC 2034 4).
func enhancedLen(s string, class byte) int {
	if len(s) < 5 || s[0] != class || (class != '2' && class != '4' && class != '5') || s[1] != '.' {
		return 0
	}
	i := 2
	for part := 0; part < 2; part++ {
		start := i
		for i < len(s) && i-start < 4 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if n := i - start; n < 1 || n > 3 {
			return 0
		}
		if part == 0 {
			if i >= len(s) || s[i] != '.' {
				return 0
			}
			i++
		}
	}
	if i < len(s) && s[i] != ' ' {
		return 0
	}
	return i
}

// ReplyParser assembles the wire lines of a possibly multi-line reply into a
// Reply, for a client driver reading from a connection. The zero value is
// ready to use.
type ReplyParser struct {
	// The reply being assembled. The fields are written only when they
	// change, and lines is resliced in place: a store of a pointer into
	// the heap costs a write barrier while the collector marks, and a
	// client feeds every line of every reply through here.
	code     int
	enhanced string
	started  bool
	lines    []string // reused for every reply
}

// Feed adds one wire line (without CRLF). It returns the complete reply and
// true after the last line; the parser is then ready for the next reply.
// The reply's Lines are the parser's own until the next Feed: a caller that
// keeps the reply keeps a clone.
// RFC 5321 4.2.1: every line of a multi-line reply carries the same code.
func (p *ReplyParser) Feed(line string) (Reply, bool, error) {
	code, enh, text, last, err := ParseReplyLine(line)
	if err != nil {
		p.Reset()
		return Reply{}, false, err
	}
	if !p.started {
		if p.lines == nil {
			p.lines = make([]string, 0, 8) // an EHLO reply has about eight lines
		}
		p.lines = p.lines[:0]
		p.code, p.started = code, true
		if p.enhanced != enh {
			p.enhanced = enh
		}
	} else if code != p.code {
		p.Reset()
		return Reply{}, false, replyErr(line, "code differs from the earlier lines of the reply")
	} else if enh != p.enhanced && enh != "" {
		// A later line with a different enhanced code keeps it in its text.
		text = enh + " " + text
	}
	p.lines = append(p.lines, text)
	if !last {
		return Reply{}, false, nil
	}
	p.started = false
	return Reply{Code: p.code, Enhanced: p.enhanced, Lines: p.lines}, true, nil
}

// Reset drops a partly assembled reply.
func (p *ReplyParser) Reset() { p.started = false }

// clone returns r with Lines of its own.
func (r Reply) clone() Reply {
	r.Lines = append([]string(nil), r.Lines...)
	return r
}

// clip shortens s to at most n octets without splitting a UTF-8 sequence.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
