package sim

import (
	"strings"
	"time"
)

// composeMessage builds an RFC 5322 message: the header fields a mail client
// writes, a blank line, the body, CRLF line ends throughout.
func composeMessage(from, headerFrom string, to []string, subject, body string, date time.Time, msgID string) []byte {
	if headerFrom == "" {
		headerFrom = from
	}
	var b strings.Builder
	b.Grow(256 + len(body))
	b.WriteString("From: ")
	b.WriteString(headerFrom)
	b.WriteString("\r\nTo: ")
	b.WriteString(strings.Join(to, ", "))
	b.WriteString("\r\nSubject: ")
	b.WriteString(subject)
	b.WriteString("\r\nDate: ")
	b.WriteString(date.Format(time.RFC1123Z))
	b.WriteString("\r\nMessage-ID: <")
	b.WriteString(msgID)
	b.WriteString(">\r\n\r\n")
	writeBody(&b, body)
	return []byte(b.String())
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

// composeBounce builds a non-delivery report in the shape of Postfix's
// ("Undelivered Mail Returned to Sender"), quoting the original header.
func (w *World) composeBounce(h *Host, id string, it *item, fs []failure) []byte {
	var b strings.Builder
	b.WriteString("From: Mail Delivery System <MAILER-DAEMON@")
	b.WriteString(h.Name)
	b.WriteString(">\r\nTo: ")
	b.WriteString(it.from)
	b.WriteString("\r\nSubject: Undelivered Mail Returned to Sender\r\nDate: ")
	b.WriteString(w.Date().Format(time.RFC1123Z))
	b.WriteString("\r\nMessage-ID: <")
	b.WriteString(id)
	b.WriteString("@")
	b.WriteString(h.Name)
	b.WriteString(">\r\nAuto-Submitted: auto-replied\r\n\r\n")
	b.WriteString("This is the mail system at host " + h.Name + ".\r\n\r\n")
	b.WriteString("I'm sorry to have to inform you that your message could not\r\n")
	b.WriteString("be delivered to one or more recipients.\r\n\r\n")
	for _, f := range fs {
		b.WriteString("<" + f.rcpt + ">: " + f.reason + "\r\n")
	}
	b.WriteString("\r\n--- original message header ---\r\n")
	hdr := it.data
	if i := strings.Index(string(hdr), "\r\n\r\n"); i >= 0 {
		hdr = hdr[:i+2]
	}
	b.Write(hdr)
	return []byte(b.String())
}
