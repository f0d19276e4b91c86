package scenario

import (
	"net/netip"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/campaign"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
)

// Scenario is one scripted lesson: a world and the steps played on it.
type Scenario struct {
	File    string // where it was loaded from, for messages
	ID      string
	Title   i18n.Text
	Summary i18n.Text
	Exams   []string
	Seed    uint64
	Start   time.Time // zero: sim.DefaultStart
	World   World
	Steps   []*Step
	Recap   *Recap // nil: the scenario has none
}

// Recap is what a scenario ends with: what happened, in three to five
// lines, and the exam facts it showed.
type Recap struct {
	Node  *yaml.Node
	Lines []i18n.Text
	Facts []i18n.Text
}

// World is the scenario's virtual internet.
type World struct {
	Networks []*Network
	Hosts    []*Host
	DNS      []*Zone
	Bots     []*Bots // groups of hosts made from a template (campaign.go)
}

// Ref is a name that must refer to something defined elsewhere in the file,
// with the node it was written at.
type Ref struct {
	Name string
	Node *yaml.Node
}

// Network is a named network behind a router.
type Network struct {
	Name    string
	Node    *yaml.Node
	CIDR    netip.Prefix
	Dynamic bool
	Router  string
	OP25B   []Ref // hosts port 25 may still reach; nil = no OP25B
	HasOP25 bool
	// IP25B are the provider's own dynamic networks that may still reach
	// its servers on port 25; HasIP25B says the network has the rule.
	IP25B    []Ref
	HasIP25B bool
}

// Host is one machine.
type Host struct {
	Name    string
	Node    *yaml.Node
	IP      netip.Addr
	IPNode  *yaml.Node
	Network Ref
	Domains []string
	Users   []User
	SMTP    []SMTPService
	POP3    []POP3Service
	IMAP    []IMAPService
	DNS     bool // this host is the world's DNS server
	Down    bool
	PTR     string // reverse DNS name; "": the engine's default (its name if it runs SMTP)
	DKIM    *DKIM  // nil: the host signs nothing
}

// DKIM is a host's DKIM signing: the domain it signs for and the
// selector its key is published under (<selector>._domainkey.<domain>).
type DKIM struct {
	Node        *yaml.Node
	Domain      string
	Selector    string
	Unpublished bool // publish: false
}

// User is an account with a mailbox.
type User struct {
	Name, Password string
}

// SMTPService is an SMTP server on a port.
type SMTPService struct {
	Node    *yaml.Node
	Port    int
	Relay   *smtp.RelayPolicy // nil: the port's default
	Auth    *sim.AuthMode     // nil: the port's default
	Domains []string
	// RelayDomains are accepted from anyone and passed on: a backup MX.
	RelayDomains []string
	MyNetworks   []netip.Prefix
	StartTLS     bool
	MaxSize      int
	MaxHops      int
	// MaxRecipients is the most RCPTs one transaction takes (452 4.5.3
	// past it); 0: smtp.DefaultMaxRecipients, 100.
	MaxRecipients int
	// POPWindow is how long a POP3 login opens relaying (relay:
	// pop-before-smtp); 0: the engine's default.
	POPWindow     time.Duration
	POPWindowNode *yaml.Node
	// Checks are the sender domain authentication checks run before the
	// reply to the final ".": spf, dkim, dmarc.
	Checks     sim.AuthChecks
	ChecksNode *yaml.Node
}

// POP3Service is a POP3 server on a port.
type POP3Service struct {
	Node *yaml.Node
	Port int
	APOP bool
	STLS bool
}

// IMAPService is an IMAP server on a port.
type IMAPService struct {
	Node *yaml.Node
	Port int
	Rev2 bool
}

// Zone is the DNS data of one name.
type Zone struct {
	Name string
	Node *yaml.Node
	MX   []MX
	A    []netip.Addr
	TXT  []string
}

// MX is one MX record.
type MX struct {
	Pref int
	Host Ref
}

// Target is a server address in a step: host and port.
type Target struct {
	Host Ref
	Port int
}

// Step is one thing that happens in a scenario.
type Step struct {
	Node   *yaml.Node
	Kind   string    // "say", "send", "fetch", "imap", "talk", "wait", "configure", "campaign"
	Say    i18n.Text // narration shown before the step acts (the whole step for "say")
	Send   *Send
	Fetch  *Fetch
	IMAP   *IMAP
	Talk   *Talk
	Wait   time.Duration
	Config *Configure
	// Campaign has every bot of a group send many messages (campaign.go).
	Campaign *Campaign
	Expect   *Expect
	// Repeat is how many times the step is played, one after another: 1
	// unless the step says repeat: n.
	Repeat int
}

// Configure changes the world mid-scenario, the way an administrator would:
// a server's relay or AUTH policy, or a host going down or coming back.
type Configure struct {
	Server Target // for relay and auth
	Host   Ref    // for down
	Relay  *smtp.RelayPolicy
	Auth   *sim.AuthMode
	Down   *bool
}

// Send is a mail client submitting a message.
type Send struct {
	Client     Ref
	Server     Target
	Helo       string
	From       string
	HeaderFrom string
	To         []string
	Subject    string
	Body       string
	AuthUser   string
	AuthPass   string
	AuthMech   string
	HasAuth    bool
	TLS        TLS
}

// TLS is how a client step uses TLS: "starttls" (STARTTLS or STLS),
// "implicit" (465, 993, 995) or "none"; Mode is "" when the step does not say,
// and Node is where it says it.
type TLS struct {
	Mode string
	Node *yaml.Node
}

// Fetch is a mail client collecting mail over POP3.
type Fetch struct {
	Client Ref
	Server Target
	User   string
	Pass   string
	APOP   bool
	Keep   bool
	Drop   bool
	TLS    TLS
}

// IMAP is a mail client reading a mailbox over IMAP: it fetches every
// message, marks the unseen ones \Seen and, with Delete, deletes and
// expunges them.
type IMAP struct {
	Client Ref
	Server Target
	User   string
	Pass   string
	Delete bool
	TLS    TLS // "implicit" (993) or "none"; IMAP's STARTTLS is not simulated
}

// Talk sends raw protocol lines.
type Talk struct {
	Client Ref
	Server Target
	Lines  []string
}

// Expect is what a step must lead to. Nil fields are not checked.
type Expect struct {
	Node        *yaml.Node
	DeliveredTo []string // nil: unchecked; empty: nothing delivered
	HasDeliv    bool
	Rejected    string // "554" or "554 5.7.1"
	BlockedBy   string
	Refused     bool
	Replies     []string // "220", "+OK"
	HasReplies  bool
	Bounced     []string
	Queued      []string
	HasQueued   bool
	Retrieved   *int
	Left        *int
	Seen        *int         // IMAP: messages already \Seen when fetched
	Counts      []CountCheck // a campaign step's counters
}

// CountCheck is one counter a campaign step expects: the number of
// Outcome within the step between Min and Max, those that are Set; a
// number written alone sets both.
type CountCheck struct {
	Outcome  campaign.Outcome
	Min, Max Bound
}

// Bound is one end of a CountCheck: N outcomes, or N percent of the step's
// delivery attempts (bots times messages) when Pct.
type Bound struct {
	N   int64
	Pct bool
	Set bool
}

// String is the bound as the file says it: "9000" or "90%".
func (b Bound) String() string {
	if b.Pct {
		return strconv.FormatInt(b.N, 10) + "%"
	}
	return strconv.FormatInt(b.N, 10)
}

// Of is the bound as a count for a step of attempts attempts: a
// percentage rounded up for a lower bound (at least 90% of 15 is 14) and
// down for an upper one (at most 10% of 15 is 1).
func (b Bound) Of(attempts int64, lower bool) int64 {
	if !b.Pct {
		return b.N
	}
	n := b.N * attempts
	if lower {
		return (n + 99) / 100
	}
	return n / 100
}

// Times is how many times the step is played: Repeat, at least once.
func (st *Step) Times() int { return max(st.Repeat, 1) }
