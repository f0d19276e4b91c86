package sim

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// DKIM signing at a sending MTA (RFC 6376 5) with Ed25519 keys
// (RFC 8463). Verification is go-msgauth's (sim/auth.go); signing is
// written here because go-msgauth's signer stamps t= with the wall clock
// and offers no way to set or omit it (its maintainer declined to expose
// the time, emersion/go-msgauth#63), and a transcript must be
// byte-identical from run to run. Ed25519 signatures are deterministic
// (RFC 8032 5.1.6), so with t= taken from the virtual clock the whole
// DKIM-Signature is. Every signature made here is verified by go-msgauth
// at the receiver, and by the tests.

// DKIMSigner is a host's DKIM signing setup: what it signs for, with
// which selector, and the key made for it.
type DKIMSigner struct {
	Domain   string // the SDID, d= (RFC 6376 3.5); header From domains at or under it are signed
	Selector string // s=: the key is published at <selector>._domainkey.<domain>
	// Unpublished leaves the public key out of the world's DNS: a
	// signature nobody can verify (a scenario about a missing key).
	Unpublished bool
	key         ed25519.PrivateKey
}

// dkimKey makes the signing key of host for selector and domain from a
// seed derived from the three names: the same world always has the same
// keys, and no two hosts share one.
func dkimKey(host, selector, domain string) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("mailsim dkim\x00" + strings.ToLower(host) + "\x00" +
		strings.ToLower(selector) + "\x00" + strings.ToLower(domain)))
	return ed25519.NewKeyFromSeed(seed[:])
}

// KeyName is the DNS name the public key is published at (RFC 6376
// 3.6.2.1): "s1._domainkey.bank.example".
func (d *DKIMSigner) KeyName() string { return d.Selector + "._domainkey." + d.Domain }

// KeyRecord is the TXT record of the public key (RFC 6376 3.6.1,
// RFC 8463 4: k=ed25519, p= the raw 32-octet key in base64).
func (d *DKIMSigner) KeyRecord() string {
	pub := d.key.Public().(ed25519.PublicKey)
	return "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)
}

// signs reports whether the signer signs a message whose header From has
// domain from: the signing domain itself or one under it, as OpenDKIM's
// Domain list with subdomains does.
func (d *DKIMSigner) signs(from string) bool {
	from = strings.ToLower(from)
	dom := strings.ToLower(d.Domain)
	return from == dom || strings.HasSuffix(from, "."+dom)
}

// dkimSignedFields are the header fields signed when present, in the
// order of RFC 6376 5.4.1's recommendation; From is always there.
var dkimSignedFields = []string{"from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type"}

// sign returns the DKIM-Signature field, folded and ending in CRLF, for
// msg (header and body, CRLF line ends) signed at time at. It uses
// relaxed/relaxed canonicalization (RFC 6376 3.4.2, 3.4.4), which
// survives the re-folding relays do, and signs each field once.
func (d *DKIMSigner) sign(msg string, at time.Time) string {
	head, body := splitMessage(msg)
	fields := headerFields(head)
	var names []string
	h := sha256.New()
	for _, name := range dkimSignedFields {
		// RFC 6376 5.4.2: a field signed once is the last instance of it.
		for i := len(fields) - 1; i >= 0; i-- {
			if strings.EqualFold(fieldName(fields[i]), name) {
				h.Write([]byte(relaxedHeader(fields[i]) + "\r\n"))
				names = append(names, name)
				break
			}
		}
	}
	bh := sha256.Sum256([]byte(relaxedBody(body)))
	sig := "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=" + d.Domain + ";\r\n" +
		"\ts=" + d.Selector + "; t=" + strconv.FormatInt(at.Unix(), 10) + "; h=" + strings.Join(names, ":") + ";\r\n" +
		"\tbh=" + base64.StdEncoding.EncodeToString(bh[:]) + ";\r\n" +
		"\tb="
	// RFC 6376 3.7: the signature field itself, b= empty and without its
	// final CRLF, is hashed last.
	h.Write([]byte(relaxedHeader(sig)))
	// RFC 8463 3: Ed25519 signs the SHA-256 hash, "pure" (no prehash mode).
	b := ed25519.Sign(d.key, h.Sum(nil))
	return sig + base64.StdEncoding.EncodeToString(b) + "\r\n"
}

// splitMessage cuts a message at the blank line after its header; the
// header keeps the CRLF of its last field.
func splitMessage(msg string) (head, body string) {
	if strings.HasPrefix(msg, "\r\n") {
		return "", msg[2:]
	}
	if i := strings.Index(msg, "\r\n\r\n"); i >= 0 {
		return msg[:i+2], msg[i+4:]
	}
	return msg, ""
}

// headerFields splits a header into its fields, each with its folded
// continuation lines and without the final CRLF.
func headerFields(head string) []string {
	var fs []string
	for _, line := range strings.SplitAfter(head, "\r\n") {
		if line == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && len(fs) > 0 {
			fs[len(fs)-1] += "\r\n" + strings.TrimSuffix(line, "\r\n")
			continue
		}
		fs = append(fs, strings.TrimSuffix(line, "\r\n"))
	}
	return fs
}

func fieldName(f string) string {
	name, _, _ := strings.Cut(f, ":")
	return strings.Trim(name, wsp)
}

// wsp is RFC 5234's WSP, the white space of RFC 6376 3.4: space and tab.
const wsp = " \t"

// relaxedHeader is RFC 6376 3.4.2: the name in lower case, the value
// unfolded, runs of white space made one space, none around the colon or
// at the end.
func relaxedHeader(f string) string {
	name, value, _ := strings.Cut(f, ":")
	value = strings.ReplaceAll(value, "\r\n", "")
	// Only WSP (space and tab) is white space here: strings.TrimSpace
	// would also drop a vertical tab or form feed, which the verifier keeps.
	return strings.ToLower(strings.Trim(name, wsp)) + ":" + strings.Trim(compressWSP(value), wsp)
}

// relaxedBody is RFC 6376 3.4.4: trailing white space of each line gone,
// runs of it made one space, empty lines at the end gone, and a non-empty
// body ending in CRLF.
func relaxedBody(body string) string {
	lines := strings.Split(body, "\r\n")
	var b strings.Builder
	empty := 0
	for _, l := range lines {
		l = strings.TrimRight(compressWSP(l), " ")
		if l == "" {
			empty++
			continue
		}
		for ; empty > 0; empty-- {
			b.WriteString("\r\n")
		}
		b.WriteString(l)
		b.WriteString("\r\n")
	}
	return b.String()
}

// compressWSP turns each run of spaces and tabs into one space.
func compressWSP(s string) string {
	var b strings.Builder
	ws := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			if !ws {
				b.WriteByte(' ')
			}
			ws = true
			continue
		}
		ws = false
		b.WriteByte(c)
	}
	return b.String()
}
