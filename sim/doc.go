// Package sim is mailsim's virtual internet: hosts with addresses on named
// networks, routers with egress filters (OP25B), a DNS server, mail servers
// with their mailboxes and relay queues, and a virtual clock, all driven by
// one deterministic event loop in a single goroutine.
//
// The protocol cores (sim/smtp, sim/pop3, sim/dns) are sans-I/O state
// machines; this package is the network that carries their lines between
// hosts, applying routing and filters, and it records every line, handshake,
// drop and delivery as a trace.Event. Nothing here opens a socket or reads
// the wall clock: the same seed and the same calls give the same trace.
//
// TLS (STARTTLS, STLS, implicit TLS on 465 and 995) is real crypto/tls,
// each end in a goroutine run in lockstep with the world (tls.go), so the
// trace stays deterministic: the records on the wire as Record events, the
// dialogue inside them as Line events marked Encrypted.
//
// Sender domain authentication (auth.go, auth_dns.go, auth_world.go,
// dkim.go): a host may DKIM-sign what it relays (RFC 6376, Ed25519 keys
// of RFC 8463 made from the names), and an SMTP service may check SPF
// (RFC 7208), DKIM and DMARC (RFC 7489) before it answers the final dot,
// every DNS look-up of the libraries that do the checking made through
// the world's own DNS server and traced.
package sim
