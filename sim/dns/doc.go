// Package dns is mailsim's virtual DNS: a zone of names and their MX, A,
// AAAA and TXT records, a sans-I/O server that answers real RFC 1035 wire
// messages from it, the client side that builds queries and reads answers,
// the zone-file lines the transcript shows for an exchange, and the MX
// ordering a mail sender applies.
//
// The RFCs it follows:
//
//   - RFC 1035: message format (4.1), MX RDATA (3.3.9), TXT RDATA (3.3.14),
//     size limits (2.3.4), UDP 512 octets and truncation (4.2.1), the
//     master-file presentation format used by the trace lines (5.1).
//   - RFC 2181 5 and RFC 4343: a record set holds no duplicates; names
//     compare ASCII case-insensitively.
//   - RFC 3597 5: unknown types are shown as TYPEnnn.
//   - RFC 6891: EDNS(0), so a real `dig` query gets a well-formed answer.
//   - RFC 8020: a name with nothing at it but names below it (an empty
//     non-terminal) exists, so it is NOERROR, not NXDOMAIN.
//   - RFC 5321 5.1 and RFC 7505: how a sender orders MX hosts, and the
//     null MX "MX 0 ." of a domain that accepts no mail.
//
// Wire encoding and decoding go through golang.org/x/net/dns/dnsmessage.
// Nothing here opens a socket, reads a clock or draws randomness of its own:
// SortMX shuffles with the caller's seeded generator.
package dns
