package smtp

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
)

// RelayPolicy says for whom a server relays: accepts recipients in domains it
// is not the final destination for (RFC 5321 3.6, RFC 2505).
type RelayPolicy uint8

// Relay policies, from the safest to the misconfiguration.
const (
	RelayNone          RelayPolicy = iota // relay for nobody: only final-destination domains accepted
	RelayMyNetworks                       // relay for clients whose IP is in Config.MyNetworks
	RelayAuthenticated                    // relay for clients that did AUTH
	RelayAnyone                           // open relay (the misconfiguration 第三者中継 exploits)
	// RelayPOPBeforeSMTP relays for a client whose address logged in over
	// POP3 a short while ago (Config.RecentPOP decides): the answer to
	// roaming users before SMTP AUTH and the submission port.
	RelayPOPBeforeSMTP
)

var relayNames = [...]string{
	RelayNone: "none", RelayMyNetworks: "mynetworks", RelayAuthenticated: "authenticated", RelayAnyone: "anyone",
	RelayPOPBeforeSMTP: "pop-before-smtp",
}

// String returns the policy's scenario spelling: "none", "mynetworks",
// "authenticated" or "anyone".
func (p RelayPolicy) String() string {
	if int(p) < len(relayNames) {
		return relayNames[p]
	}
	return "relay(" + strconv.Itoa(int(p)) + ")"
}

// ParseRelayPolicy parses a scenario's relay setting: "none", "mynetworks",
// "authenticated", "anyone" ("open" is accepted for "anyone") or
// "pop-before-smtp", in any case.
func ParseRelayPolicy(s string) (RelayPolicy, error) {
	t := strings.TrimSpace(s)
	for p, name := range relayNames {
		if strings.EqualFold(t, name) {
			return RelayPolicy(p), nil
		}
	}
	if strings.EqualFold(t, "open") {
		return RelayAnyone, nil
	}
	return 0, errors.New("smtp: unknown relay policy " + strconv.Quote(s) + " (want none, mynetworks, authenticated, anyone or pop-before-smtp)")
}

// MarshalText implements encoding.TextMarshaler, so that scenario files and
// JSON exports carry the policy by name.
func (p RelayPolicy) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseRelayPolicy.
func (p *RelayPolicy) UnmarshalText(b []byte) error {
	v, err := ParseRelayPolicy(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Config is a server's policy. A Server only reads it; one Config may be
// shared by many sessions as long as nobody changes it while they run.
type Config struct {
	Hostname     string                 // server's name: in the 220 greeting, the EHLO reply
	Domains      []string               // domains this server is final destination for (compared case-insensitively)
	Mailbox      func(addr string) bool // reports whether a mailbox exists for addr (a recipient in Domains, spelled as the client did: compare case-insensitively); nil = all exist
	Relay        RelayPolicy
	RelayDomains []string       // domains accepted from anyone and passed on to their MX: a backup MX (Postfix's relay_domains)
	MyNetworks   []netip.Prefix // used by RelayMyNetworks
	// RecentPOP reports whether the client at ip logged in over POP3
	// recently enough to relay (RelayPOPBeforeSMTP); nil: never.
	RecentPOP func(ip netip.Addr) bool
	// QueueFull reports whether the mail system has no room for another
	// message: MAIL then gets "452 4.3.1 Insufficient system storage"
	// (Postfix's queue_minfree); nil: never.
	QueueFull     func() bool
	AuthRequired  bool              // RFC 6409 4.3: MAIL before AUTH gets 530 5.7.0
	Users         map[string]string // AUTH user -> password; AUTH is advertised iff len(Users) > 0
	StartTLS      bool              // advertise STARTTLS (the TLS handshake comes later; the command answers 454 4.7.0 TLS not available)
	MaxSize       int               // advertised as SIZE and enforced at end of DATA (552 5.3.4); 0 means 10240000
	MaxRecipients int               // 0 means 100 (RFC 5321 4.5.3.1.8 minimum); over it: 452 4.5.3 Too many recipients
	MaxHops       int               // Received: fields allowed before rejection; 0 means 50; over it: 554 5.4.6 Too many hops (RFC 5321 6.3)
	// HoldData makes the final "." of an acceptable message return it
	// with Result.Hold and no reply: the driver checks the content first
	// (SPF, DKIM, DMARC need DNS look-ups the core cannot make) and ends
	// the transaction with Accept or Refuse. Like a Postfix milter, the
	// verdict comes before the reply (RFC 5321 4.2.5: the 250 is the
	// moment of responsibility).
	HoldData bool
	// DisableVRFY answers every VRFY with "502 5.5.1 VRFY command is
	// disabled" (Postfix's disable_vrfy_command = yes); otherwise VRFY
	// confirms a local mailbox with 252 and denies an unknown one with 550.
	DisableVRFY bool
	NextID      func() string // queue id for "250 2.0.0 Ok: queued as <ID>"; nil gives "250 2.0.0 Ok"
	// MaxErrors is how many 4xx/5xx replies to commands a client may collect
	// before the server answers its next command with "421 4.7.0 <host>
	// Error: too many errors" and closes (Postfix's smtpd_hard_error_limit);
	// 0 means 20, a negative value means no limit.
	MaxErrors int
}

// Defaults for the zero values of Config.
const (
	DefaultMaxSize       = 10240000 // Postfix's message_size_limit
	DefaultMaxRecipients = 100      // RFC 5321 4.5.3.1.8: at least 100 recipients must be accepted
	DefaultMaxHops       = 50       // Postfix's hopcount_limit
	DefaultMaxErrors     = 20       // Postfix's smtpd_hard_error_limit
	// RecipientOvershoot is how many RCPTs past the recipient limit a
	// session may send before each further 452 counts toward MaxErrors
	// (Postfix's smtpd_recipient_overshoot_limit).
	RecipientOvershoot = 1000
)

func (c *Config) maxSize() int {
	if c.MaxSize > 0 {
		return c.MaxSize
	}
	return DefaultMaxSize
}

func (c *Config) maxRecipients() int {
	if c.MaxRecipients > 0 {
		return c.MaxRecipients
	}
	return DefaultMaxRecipients
}

func (c *Config) maxHops() int {
	if c.MaxHops > 0 {
		return c.MaxHops
	}
	return DefaultMaxHops
}

func (c *Config) maxErrors() int {
	switch {
	case c.MaxErrors > 0:
		return c.MaxErrors
	case c.MaxErrors < 0:
		return int(^uint(0) >> 1)
	}
	return DefaultMaxErrors
}

func (c *Config) hostname() string {
	if c.Hostname != "" {
		return c.Hostname
	}
	return "localhost"
}

func (c *Config) authEnabled() bool { return len(c.Users) > 0 }

// isLocal reports whether domain is one this server is the final
// destination for.
func (c *Config) isLocal(domain string) bool {
	for _, d := range c.Domains {
		if strings.EqualFold(d, domain) {
			return true
		}
	}
	return false
}

// isRelayDomain reports whether domain is one this server accepts mail for
// and passes on, as a backup MX does.
func (c *Config) isRelayDomain(domain string) bool {
	for _, d := range c.RelayDomains {
		if strings.EqualFold(d, domain) {
			return true
		}
	}
	return false
}

// State is a server session's state, explicit so that the player can show it
// and a test can assert it.
type State uint8

// Server session states (RFC 5321 4.1.4 command order).
const (
	StateConnected State = iota // greeting sent, no HELO/EHLO yet
	StateReady                  // after HELO/EHLO (or RSET), no transaction
	StateMail                   // MAIL accepted, no recipient yet
	StateRcpt                   // at least one RCPT accepted
	StateData                   // after 354, receiving the message text
	StateAuth                   // inside an AUTH exchange, waiting for a 334 response
	StateClosed                 // after 221 or 421
)

var stateNames = [...]string{
	StateConnected: "CONNECTED", StateReady: "READY", StateMail: "MAIL", StateRcpt: "RCPT",
	StateData: "DATA", StateAuth: "AUTH", StateClosed: "CLOSED",
}

// String returns the state's name in upper case ("READY"); it does not
// allocate for the defined states.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "STATE(" + strconv.Itoa(int(s)) + ")"
}
