package campaign

import (
	"slices"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Outcome is one thing a summary counts.
type Outcome uint8

// The outcomes, in the order tables show them.
const (
	Sessions     Outcome = iota // SMTP connections attempted (the first SYN)
	Blocked                     // a router dropped the SYN (OP25B, IP25B)
	Unreachable                 // the connect timer ran out without a router drop (the host is down)
	Refused                     // nothing listened on the port (RST)
	AuthRequired                // 530: the port takes mail only after AUTH (RFC 4954 6, RFC 6409 4.3)
	AuthFailed                  // 535: the login failed (RFC 4954 6)
	RelayDenied                 // a 5xx reply with 5.7.1: relay access denied, once per recipient (RFC 3463 3.8)
	NoMailbox                   // a 5xx reply with 5.1.1: no such mailbox, once per recipient (RFC 3463 3.2)
	Rejected                    // any other 5xx reply
	Deferred                    // a 4xx reply: try again later
	Delivered                   // a message put into a mailbox
	Queued                      // a message queued for relay or retry
	Bounced                     // a non-delivery report generated
	NumOutcomes
)

var outcomeNames = [NumOutcomes]string{
	Sessions: "sessions", Blocked: "blocked", Unreachable: "unreachable", Refused: "refused",
	AuthRequired: "auth_required", AuthFailed: "auth_failed", RelayDenied: "relay_denied",
	NoMailbox: "no_mailbox", Rejected: "rejected", Deferred: "deferred",
	Delivered: "delivered", Queued: "queued", Bounced: "bounced",
}

// String is the outcome's name in JSON and in --format output: "relay_denied".
func (o Outcome) String() string {
	if o < NumOutcomes {
		return outcomeNames[o]
	}
	return "outcome?"
}

// OutcomeNames returns the names of the outcomes, in table order.
func OutcomeNames() []string { return slices.Clone(outcomeNames[:]) }

var outcomeTexts = [NumOutcomes]i18n.Text{
	Sessions:     i18n.T("SMTP sessions attempted", "試みられたSMTPセッション"),
	Blocked:      i18n.T("blocked by a router (OP25B/IP25B)", "ルータで遮断(OP25B/IP25B)"),
	Unreachable:  i18n.T("timed out (host down)", "タイムアウト(ホスト停止)"),
	Refused:      i18n.T("connection refused (RST)", "接続拒否(RST)"),
	AuthRequired: i18n.T("authentication required (530)", "認証が必要(530)"),
	AuthFailed:   i18n.T("authentication failed (535)", "認証失敗(535)"),
	RelayDenied:  i18n.T("relay denied (5.7.1)", "中継拒否(5.7.1)"),
	NoMailbox:    i18n.T("no such mailbox (5.1.1)", "宛先のメールボックスなし(5.1.1)"),
	Rejected:     i18n.T("other permanent errors (5xx)", "その他の恒久的エラー(5xx)"),
	Deferred:     i18n.T("temporary errors (4xx)", "一時的エラー(4xx)"),
	Delivered:    i18n.T("messages delivered to a mailbox", "メールボックスに配送されたメール"),
	Queued:       i18n.T("messages queued for relay", "中継のためキューに入ったメール"),
	Bounced:      i18n.T("bounce messages generated", "生成されたバウンスメール"),
}

// Text is the outcome as a table heading says it, in both languages.
func (o Outcome) Text() i18n.Text {
	if o < NumOutcomes {
		return outcomeTexts[o]
	}
	return i18n.T(o.String(), o.String())
}

// Counts holds one counter per outcome.
type Counts [NumOutcomes]int64

// Add adds c2 to c.
func (c *Counts) Add(c2 *Counts) {
	for i := range c {
		c[i] += c2[i]
	}
}

// classify says what e counts as, and false if it counts as nothing. It
// reads only the events sim.Summarised keeps. A drop, a reset or a timeout
// is told apart from the others by the event alone; whether a timeout
// followed a drop is the caller's to know (see Summary.blocked).
func classify(e *trace.Event) (Outcome, bool) {
	switch e.Kind {
	case trace.Connect:
		if e.TCP.Try == 0 && (e.Proto == trace.SMTP || e.Proto == trace.TCP) {
			return Sessions, true
		}
	case trace.Drop:
		if e.TCP.Try == 0 {
			return Blocked, true
		}
	case trace.Timeout:
		return Unreachable, true
	case trace.Refused:
		return Refused, true
	case trace.Line:
		if e.Proto != trace.SMTP || e.Tag.Kind != trace.Reply || !e.Tag.Last {
			break
		}
		switch {
		case e.Tag.Code == smtp.C530AuthRequired:
			return AuthRequired, true
		case e.Tag.Code == smtp.C535AuthInvalid:
			return AuthFailed, true
		case e.Tag.Code >= 500 && e.Tag.Enhanced == smtp.E571NotAuthorized:
			return RelayDenied, true
		case e.Tag.Code >= 500 && e.Tag.Enhanced == smtp.E511BadMailbox:
			return NoMailbox, true
		case e.Tag.Code >= 500 && e.Tag.Code < 600:
			return Rejected, true
		case e.Tag.Code >= 400:
			return Deferred, true
		}
	case trace.Deliver:
		return Delivered, true
	case trace.Queue:
		return Queued, true
	case trace.Bounce:
		return Bounced, true
	}
	return 0, false
}
