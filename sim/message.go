package sim

import (
	"encoding/base64"
	"mime"
	"strconv"
	"strings"
	"time"
)

// composeMessage builds an RFC 5322 message: the header fields a mail client
// writes, a blank line, the body, CRLF line ends throughout.
func composeMessage(from, headerFrom string, to []string, subject, body string, date time.Time, msgID string) string {
	if headerFrom == "" {
		headerFrom = from
	}
	var b strings.Builder
	b.Grow(256 + len(body))
	writeMessageHead(&b, headerFrom, to, subject)
	b.WriteString("Date: ")
	b.WriteString(date.Format(time.RFC1123Z))
	b.WriteString("\r\nMessage-ID: <")
	b.WriteString(msgID)
	b.WriteString(">\r\n")
	writeBodyFields(&b, body)
	writeBody(&b, body)
	return b.String()
}

// foldAt is where an address field is folded: RFC 5322 2.1.1 asks for
// lines of at most 78 characters (and allows 998).
const foldAt = 78

// writeAddressField writes a header field listing addresses, folded before
// an address that would take the line past foldAt (RFC 5322 2.2.3: a CRLF
// followed by white space), so that a message to many recipients keeps
// every line within the limits of RFC 5322 2.1.1 and RFC 5321 4.5.3.1.6.
func writeAddressField(b *strings.Builder, name string, addrs []string) {
	b.WriteString(name)
	n := len(name)
	for i, a := range addrs {
		if i > 0 {
			b.WriteByte(',')
			n++
			if n+1+len(a) > foldAt {
				b.WriteString("\r\n")
				n = 0
			}
			b.WriteByte(' ')
			n++
		}
		b.WriteString(a)
		n += len(a)
	}
	b.WriteString("\r\n")
}

// maxTextLine is the longest line of a message, CRLF excluded (RFC 5322
// 2.1.1, RFC 5321 4.5.3.1.6).
const maxTextLine = 998

// writeUnstructured writes an unstructured header field such as Subject:,
// folded at white space before a word that would take the line past
// foldAt (RFC 5322 2.2.3). RFC 5322 2.2: header fields are ASCII, so other
// text goes in RFC 2047 encoded-words, base64 as Japanese mail clients
// write them; so does a word too long for any line, as RFC 2047 words are
// at most 75 characters and can be folded between (RFC 2047 2, 6.2: the
// white space between two encoded-words is not part of the text).
func writeUnstructured(b *strings.Builder, name, text string) {
	value := text
	if !isASCII(text) {
		value = mime.BEncoding.Encode("UTF-8", text)
	} else if longestWord(text) > maxTextLine-len(name) {
		value = encodeASCIIWords(text)
	}
	// name ends in ": "; the space before each word is where a fold may
	// go, also before the first (RFC 5322 3.2.2: FWS after the colon).
	b.WriteString(name[:len(name)-1])
	n := len(name) - 1
	for w := range strings.SplitSeq(value, " ") {
		if n+1+len(w) > foldAt {
			b.WriteString("\r\n")
			n = 0
		}
		b.WriteByte(' ')
		b.WriteString(w)
		n += 1 + len(w)
	}
	b.WriteString("\r\n")
}

// longestWord is the length of the longest run of s without a space.
func longestWord(s string) int {
	most := 0
	for w := range strings.SplitSeq(s, " ") {
		most = max(most, len(w))
	}
	return most
}

// encodeASCIIWords writes ASCII text as RFC 2047 B encoded-words of 45
// octets each (60 base64 characters, 72 with the delimiters), which
// mime.BEncoding leaves unencoded.
func encodeASCIIWords(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		chunk := s[:min(45, len(s))]
		s = s[len(chunk):]
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("=?UTF-8?B?")
		b.WriteString(base64.StdEncoding.EncodeToString([]byte(chunk)))
		b.WriteString("?=")
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// writeMessageHead writes the header fields of a composed message that
// come before its Date: field (composer.go keeps them for a campaign).
func writeMessageHead(b *strings.Builder, headerFrom string, to []string, subject string) {
	b.WriteString("From: ")
	b.WriteString(headerFrom)
	b.WriteString("\r\n")
	writeAddressField(b, "To: ", to)
	writeUnstructured(b, "Subject: ", subject)
}

// writeBodyFields writes what a composed message has between its
// Message-ID: field and its body: the MIME fields a body that is not
// ASCII needs, and the blank line.
func writeBodyFields(b *strings.Builder, body string) {
	if !isASCII(body) {
		// RFC 2045 5.2: without these a body is US-ASCII; 8bit text needs
		// BODY=8BITMIME on the wire, which the client adds (RFC 6152).
		b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n")
	}
	b.WriteString("\r\n")
}

// writeBody writes text with CRLF line ends, ending in a line break.
func writeBody(b *strings.Builder, body string) {
	body = strings.TrimRight(body, "\n")
	for len(body) > 0 {
		line := body
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = ""
		}
		b.WriteString(strings.TrimSuffix(line, "\r"))
		b.WriteString("\r\n")
	}
}

// composeBounce builds a non-delivery report the way Postfix does: a
// multipart/report (RFC 6522) with a note for people, a
// message/delivery-status part for programs (RFC 3464) and the header of
// the message that failed (text/rfc822-headers).
func (w *World) composeBounce(h *Host, id string, it *item, fs []failure) string {
	date := w.Date()
	boundary := id + "." + strconv.FormatInt(date.Unix(), 10) + "/" + h.Name
	var b strings.Builder
	line := func(ss ...string) {
		for _, s := range ss {
			b.WriteString(s)
		}
		b.WriteString("\r\n")
	}
	line("From: Mail Delivery System <MAILER-DAEMON@", h.Name, ">")
	line("To: ", it.from)
	line("Subject: Undelivered Mail Returned to Sender")
	line("Date: ", date.Format(time.RFC1123Z))
	line("Message-ID: <", id, "@", h.Name, ">")
	line("Auto-Submitted: auto-replied")
	line("MIME-Version: 1.0")
	line("Content-Type: multipart/report; report-type=delivery-status;")
	line("\tboundary=\"", boundary, "\"")
	line("")
	line("This is a MIME-encapsulated message.")
	line("")

	line("--", boundary)
	line("Content-Description: Notification")
	line("Content-Type: text/plain; charset=us-ascii")
	line("")
	line("This is the mail system at host ", h.Name, ".")
	line("")
	line("I'm sorry to have to inform you that your message could not")
	line("be delivered to one or more recipients.")
	line("")
	for _, f := range fs {
		line("<", f.rcpt, ">: ", f.reason)
	}
	line("")

	line("--", boundary)
	line("Content-Description: Delivery report")
	line("Content-Type: message/delivery-status")
	line("")
	line("Reporting-MTA: dns; ", h.Name)
	line("Arrival-Date: ", w.opts.Start.Add(it.first).Format(time.RFC1123Z))
	for _, f := range fs {
		line("")
		line("Final-Recipient: rfc822; ", f.rcpt)
		line("Action: failed")
		line("Status: ", f.status)
		switch {
		case f.remote != "":
			line("Remote-MTA: dns; ", f.remote)
			line("Diagnostic-Code: smtp; ", f.diag)
		case f.diag != "":
			line("Diagnostic-Code: X-Postfix; ", f.diag)
		}
	}
	line("")

	line("--", boundary)
	line("Content-Description: Undelivered Message Headers")
	line("Content-Type: text/rfc822-headers")
	line("")
	hdr := it.data
	if it.head != "" {
		hdr = it.head + it.data // a bounce is rare: the copy does not matter
	}
	if i := strings.Index(hdr, "\r\n\r\n"); i >= 0 {
		hdr = hdr[:i+2]
	}
	b.WriteString(hdr)
	line("")
	line("--", boundary, "--")
	return b.String()
}
