package sim

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/smtp"
)

// composer writes the messages SendAsync submits. A campaign submits a
// million messages that differ only in To:, Date: and Message-ID:, so the
// parts before and after those two fields are made once per sender,
// recipients, subject and body (a few per campaign), and the dates once
// per second of virtual time; each message is then one allocation.
// What it writes is byte for byte what composeMessage writes.
type composer struct {
	parts [composerParts]messageParts
	next  int // the entry the next new parts replace

	// The current second of virtual time in the three ways messages
	// write it: as in a Message-ID, as RFC 1123Z (Date:) and as a
	// Received: field writes it. A path writes all of them within a
	// second, so each is formatted once per second.
	sec                  int64
	haveDates            bool
	stamp, rfc, received string
}

// dates makes c's dates those of date's second.
func (c *composer) dates(date time.Time) {
	if sec := date.Unix(); !c.haveDates || sec != c.sec {
		var buf [64]byte
		c.sec, c.haveDates = sec, true
		c.stamp, c.rfc = date.Format("20060102150405"), date.Format(time.RFC1123Z)
		c.received = string(smtp.ReceivedDate(buf[:0], date))
	}
}

// receivedDate returns date as smtp.Received writes it: every server on a
// path stamps a message.
func (c *composer) receivedDate(date time.Time) string {
	c.dates(date)
	return c.received
}

// composerParts is how many sets of parts a composer keeps: a campaign
// sends to a handful of recipients.
const composerParts = 8

// messageParts is what a composed message has around its Date: and
// Message-ID: fields, and what it was made from.
type messageParts struct {
	from, headerFrom, subject, body string
	to                              []string
	head, tail                      string
}

// compose returns composeMessage's text of a message from the given parts,
// dated date, with the Message-ID <stamp.seq@client>, where stamp is date
// as YYYYMMDDhhmmss.
func (c *composer) compose(from, headerFrom string, to []string, subject, body string, date time.Time, seq int, client string) string {
	p := c.partsFor(from, headerFrom, to, subject, body)
	c.dates(date)
	const date0, id0, id1 = "Date: ", "\r\nMessage-ID: <", ">\r\n"
	var seqBuf [20]byte
	seqText := strconv.AppendInt(seqBuf[:0], int64(seq), 10)
	var b strings.Builder
	b.Grow(len(p.head) + len(date0) + len(c.rfc) + len(id0) + len(c.stamp) + 1 + len(seqText) + 1 + len(client) + len(id1) + len(p.tail))
	b.WriteString(p.head)
	b.WriteString(date0)
	b.WriteString(c.rfc)
	b.WriteString(id0)
	b.WriteString(c.stamp)
	b.WriteByte('.')
	b.Write(seqText)
	b.WriteByte('@')
	b.WriteString(client)
	b.WriteString(id1)
	b.WriteString(p.tail)
	return b.String()
}

// partsFor returns the parts of a message from these fields, made now if
// the composer does not have them.
func (c *composer) partsFor(from, headerFrom string, to []string, subject, body string) *messageParts {
	for i := range c.parts {
		p := &c.parts[i]
		if p.head != "" && p.from == from && p.headerFrom == headerFrom && p.subject == subject && p.body == body && slices.Equal(p.to, to) {
			return p
		}
	}
	var head, tail strings.Builder
	hf := headerFrom
	if hf == "" {
		hf = from // as composeMessage does
	}
	writeMessageHead(&head, hf, to, subject)
	writeBodyFields(&tail, body)
	writeBody(&tail, body)
	p := &c.parts[c.next]
	c.next = (c.next + 1) % composerParts
	*p = messageParts{from: from, headerFrom: headerFrom, subject: subject, body: body,
		to: slices.Clone(to), head: head.String(), tail: tail.String()}
	return p
}
