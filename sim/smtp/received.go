package smtp

import (
	"strings"
	"time"
)

// Received builds the trace header field (RFC 5321 4.4) the receiving server
// prepends to m.Data, in Postfix's layout:
//
//	Received: from <helo> (<peer name> [<ip>])
//		by <by> with ESMTP id <id>
//		for <rcpt>; <RFC 5322 date>
//
// The protocol is SMTP after HELO, ESMTP after EHLO, with "S" for TLS and
// "A" after AUTH (RFC 3848: ESMTPA, ESMTPS, ESMTPSA); "for" appears only
// with exactly one recipient, as it would otherwise disclose the others. An
// unknown peer name or HELO shows as "unknown"; an empty id is left out. The
// result ends with CRLF.
func Received(m *Message, by, id string, now time.Time) string {
	var buf [64]byte
	date := string(ReceivedDate(buf[:0], now))
	var b strings.Builder
	b.Grow(ReceivedSize(m, by, id, date))
	WriteReceived(&b, m, by, id, date)
	return b.String()
}

// ReceivedDate appends now as Received: writes it (RFC 5322 3.3, in
// Postfix's layout) to dst.
func ReceivedDate(dst []byte, now time.Time) []byte {
	return now.AppendFormat(dst, "Mon, 2 Jan 2006 15:04:05 -0700")
}

// ReceivedSize is room enough for what WriteReceived writes: a caller
// that builds more around the field grows its builder once.
func ReceivedSize(m *Message, by, id, date string) int {
	return 128 + len(m.Helo) + len(m.Peer.Name) + len(by) + len(id) + len(date)
}

// WriteReceived writes the field Received returns to b, with date as
// ReceivedDate formats it: an MTA accepting many messages in one second
// formats the date once and builds more around the field in one builder.
func WriteReceived(b *strings.Builder, m *Message, by, id, date string) {
	b.WriteString("Received: from ")
	b.WriteString(orUnknown(m.Helo))
	b.WriteString(" (")
	b.WriteString(orUnknown(m.Peer.Name))
	if ip := m.Peer.IP.Unmap(); ip.IsValid() {
		// RFC 5321 4.1.3: an IPv6 address literal is tagged "IPv6:".
		b.WriteString(" [")
		if ip.Is6() {
			b.WriteString("IPv6:")
		}
		var buf [64]byte
		b.Write(ip.AppendTo(buf[:0]))
		b.WriteByte(']')
	}
	b.WriteString(")\r\n\tby ")
	b.WriteString(by)
	b.WriteString(" with ")
	b.WriteString(withProtocol(m))
	if id != "" {
		b.WriteString(" id ")
		b.WriteString(id)
	}
	if len(m.To) == 1 {
		b.WriteString("\r\n\tfor <")
		b.WriteString(m.To[0])
		b.WriteString(">; ")
	} else {
		b.WriteString(";\r\n\t")
	}
	b.WriteString(date)
	b.WriteString("\r\n")
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// withProtocol is the "with" keyword of RFC 3848.
func withProtocol(m *Message) string {
	switch {
	case !m.ESMTP:
		return "SMTP"
	case m.TLS && m.User != "":
		return "ESMTPSA"
	case m.TLS:
		return "ESMTPS"
	case m.User != "":
		return "ESMTPA"
	}
	return "ESMTP"
}

// CountReceived returns the number of Received: header fields in the header
// section of data (RFC 5321 6.3 counts them to detect a loop). The header
// section ends at the first empty line, or at the first line that is neither
// a header field nor its continuation. It does not allocate.
func CountReceived(data string) int {
	n := 0
	for len(data) > 0 {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // RFC 5322 2.2.3: a folded continuation line
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 {
			break // not a header field: the body has begun
		}
		// RFC 5322 4.5.3 (obsolete syntax): white space may precede the colon.
		if name := trimRightWSP(line[:colon], false); len(name) == len("Received") && strings.EqualFold(name, "Received") {
			n++
		}
	}
	return n
}
