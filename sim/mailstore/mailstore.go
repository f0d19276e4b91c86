// Package mailstore holds the mailboxes of the virtual world's mail
// servers: what final delivery appends to, what POP3 (RFC 1939) reads and
// deletes from, and what IMAP (RFC 9051) will select. A message has a UID
// that never changes and is never reused within the mailbox's
// UIDVALIDITY (RFC 9051 2.3.1.1), flags, and its size; a mailbox can be
// locked by one session at a time (RFC 1939 8).
package mailstore

import (
	"slices"
	"strconv"
)

// Flags are a message's system flags (RFC 9051 2.3.2).
type Flags uint8

// System flags.
const (
	Seen Flags = 1 << iota
	Answered
	Flagged
	Deleted
	Draft
)

// Message is one message in a mailbox. Its text is Head followed by Body,
// CRLF line ends throughout: final delivery adds its header fields
// (Return-Path:, the Received: of the last hop) in front of the text the
// MTA accepted, which several mailboxes and the queue share rather than
// copy. Neither part ever changes once stored.
type Message struct {
	UID   uint32 // unique within the mailbox and its UIDVALIDITY, ascending
	ID    string // the queue id it was delivered under ("109E3779B1")
	Head  string // whole header lines delivery put in front: Return-Path:, Received:; may be ""
	Body  string // the rest of the message as accepted: header, blank line, body
	Flags Flags
	uidl  string
}

// Size is the message's size in octets.
func (m *Message) Size() int { return len(m.Head) + len(m.Body) }

// Text is the whole message, Head then Body. It costs a copy when Head is
// not empty: readers on a hot path take the two parts.
func (m *Message) Text() string {
	if m.Head == "" {
		return m.Body
	}
	return m.Head + m.Body
}

// UniqueID is the POP3 unique-id (RFC 1939 7, UIDL): the queue id and
// the UID, printable and never reused.
func (m *Message) UniqueID() string { return m.uidl }

// Mailbox is one user's mailbox. It is not safe for concurrent use: the
// world that owns it runs in one goroutine.
type Mailbox struct {
	validity uint32
	next     uint32
	msgs     []*Message
	locked   bool
	recent   uint32 // UIDs below this have been seen by a session that selected the mailbox
}

// New returns an empty mailbox with the given UIDVALIDITY.
func New(validity uint32) *Mailbox { return &Mailbox{validity: validity, next: 1} }

// UIDValidity is the mailbox's UIDVALIDITY value.
func (b *Mailbox) UIDValidity() uint32 { return b.validity }

// UIDNext is the UID the next message will get.
func (b *Mailbox) UIDNext() uint32 { return b.next }

// Len is the number of messages in the mailbox.
func (b *Mailbox) Len() int {
	if b == nil {
		return 0
	}
	return len(b.msgs)
}

// Size is the total size of the messages in octets.
func (b *Mailbox) Size() int {
	n := 0
	for _, m := range b.msgs {
		n += m.Size()
	}
	return n
}

// Messages returns the messages in UID order. The slice is the mailbox's
// own: read it, do not keep or change it.
func (b *Mailbox) Messages() []*Message { return b.msgs }

// Append stores a message, head followed by body, under the next UID and
// returns it. head is "" or whole lines, each ending in CRLF.
func (b *Mailbox) Append(id, head, body string) *Message {
	m := &Message{UID: b.next, ID: id, Head: head, Body: body, uidl: id + "." + strconv.FormatUint(uint64(b.next), 10)}
	b.next++
	b.msgs = append(b.msgs, m)
	return m
}

// Remove deletes the messages whose UIDs are given and reports how many
// it removed; their UIDs are not reused.
func (b *Mailbox) Remove(uids ...uint32) int {
	n := len(b.msgs)
	b.msgs = slices.DeleteFunc(b.msgs, func(m *Message) bool { return slices.Contains(uids, m.UID) })
	return n - len(b.msgs)
}

// Lock takes the mailbox for one session; it reports false if another
// session holds it (RFC 1939 8: the maildrop is locked at login).
func (b *Mailbox) Lock() bool {
	if b.locked {
		return false
	}
	b.locked = true
	return true
}

// Unlock gives the mailbox back.
func (b *Mailbox) Unlock() { b.locked = false }

// Locked reports whether a session holds the mailbox.
func (b *Mailbox) Locked() bool { return b.locked }

// Message returns the message with the given UID, or nil.
func (b *Mailbox) Message(uid uint32) *Message {
	for _, m := range b.msgs {
		if m.UID == uid {
			return m
		}
	}
	return nil
}

// SetFlags replaces the flags of the message with the given UID and
// reports whether it exists. Flags are the mailbox's, so every session
// (IMAP and POP3 alike) sees the change (RFC 9051 2.3.2).
func (b *Mailbox) SetFlags(uid uint32, f Flags) bool {
	m := b.Message(uid)
	if m == nil {
		return false
	}
	m.Flags = f
	return true
}

// TakeRecent returns how many messages arrived since the last call and
// counts them as seen from now on: the \Recent count of RFC 3501 2.3.2,
// which only the first session to select the mailbox after a message
// arrives reports.
func (b *Mailbox) TakeRecent() int {
	n := 0
	for _, m := range b.msgs {
		if m.UID >= b.recent {
			n++
		}
	}
	b.recent = b.next
	return n
}
