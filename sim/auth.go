package sim

import (
	"errors"
	"net"
	"net/mail"
	"slices"
	"strings"

	"blitiri.com.ar/go/spf"
	"github.com/emersion/go-msgauth/authres"
	"github.com/emersion/go-msgauth/dkim"
	"github.com/emersion/go-msgauth/dmarc"
	"golang.org/x/net/publicsuffix"
)

// Sender domain authentication (送信ドメイン認証) at a receiving MTA:
// SPF (RFC 7208) on the MAIL FROM domain, DKIM (RFC 6376) signatures,
// and the DMARC policy (RFC 7489) of the header From domain. The record
// formats and the crypto are the libraries' (blitiri.com.ar/go/spf,
// emersion/go-msgauth); what is the world's own is DNS. The libraries
// ask a synchronous LookupTXT, while the world's resolver answers on the
// virtual clock, so a check runs against a cache of the answers it has:
// each name the cache does not hold yet is recorded as a miss and
// answered as a temporary failure, the world looks the misses up (each
// query and answer in the trace), and the check runs again, until it
// misses nothing. The final run sees only real answers, so the outcome
// is the library's, and the order of the look-ups is the library's too.

// AuthChecks says which checks a receiving SMTP service runs on what it
// is handed; the zero value runs none.
type AuthChecks uint8

// The checks. DMARC needs the results of the other two.
const (
	CheckSPF AuthChecks = 1 << iota
	CheckDKIM
	CheckDMARC
)

// Has reports whether c includes every check of x.
func (c AuthChecks) Has(x AuthChecks) bool { return c&x == x }

// names spells c as a scenario does, in the order the checks run:
// ["spf", "dkim", "dmarc"]; nil for none.
func (c AuthChecks) names() []string {
	var n []string
	for _, x := range []struct {
		check AuthChecks
		name  string
	}{{CheckSPF, "spf"}, {CheckDKIM, "dkim"}, {CheckDMARC, "dmarc"}} {
		if c.Has(x.check) {
			n = append(n, x.name)
		}
	}
	return n
}

// AuthInput is what the checks look at: the client's address, the
// envelope and the message as received.
type AuthInput struct {
	IP   net.IP
	Helo string
	From string // MAIL FROM, "" for <>
	Data string
}

// AuthOutcome is what the checks found.
type AuthOutcome struct {
	Checks AuthChecks

	SPF       spf.Result
	SPFDomain string // the domain SPF checked: MAIL FROM's, or HELO's for <>
	SPFHelo   bool   // SPF checked the HELO name (MAIL FROM was <>)

	DKIM       authres.ResultValue // pass, fail, permerror, temperror or none
	DKIMDomain string              // d= of the signature the result is about
	DKIMWhy    string              // the library's reason for a failure
	DKIMPassed []string            // d= of every signature that verified

	DMARC      authres.ResultValue // pass, fail, none, temperror or permerror
	FromDomain string              // the header From domain, "" if none could be read
	Policy     dmarc.Policy        // the policy that applies (sp= for a subdomain), "" without a record
	Aligned    []string            // "SPF", "DKIM": the aligned passes that made DMARC pass
}

// Action is what the receiver does with the message (RFC 7489 6.3 p=,
// 6.6.3): deliver, deliver as spam, or refuse.
type Action uint8

// Actions.
const (
	Deliver Action = iota
	Quarantine
	Reject
)

// Action returns what the outcome's DMARC policy asks for.
func (o *AuthOutcome) Action() Action {
	if o.DMARC != authres.ResultFail {
		return Deliver
	}
	switch o.Policy {
	case dmarc.PolicyReject:
		return Reject
	case dmarc.PolicyQuarantine:
		return Quarantine
	}
	return Deliver
}

// runSPF is one SPF run (RFC 7208 2.4: the MAIL FROM identity, or the
// HELO identity when MAIL FROM is <>).
func runSPF(in *AuthInput, c *dnsCache, o *AuthOutcome) {
	sender := in.From
	o.SPFHelo = sender == ""
	if o.SPFHelo {
		sender = "postmaster@" + in.Helo // RFC 7208 2.4
	}
	o.SPFDomain = strings.ToLower(domainPart(sender))
	o.SPF, _ = spf.CheckHostWithSender(in.IP, in.Helo, sender, spf.WithResolver(c))
}

// runDKIM is one run of DKIM verification (RFC 6376 6). With several
// signatures, a passing one decides; otherwise the first.
func runDKIM(in *AuthInput, c *dnsCache, o *AuthOutcome) {
	o.DKIM, o.DKIMDomain, o.DKIMWhy, o.DKIMPassed = authres.ResultNone, "", "", nil
	vs, err := dkim.VerifyWithOptions(strings.NewReader(in.Data), &dkim.VerifyOptions{LookupTXT: c.txt, MaxVerifications: 5})
	if err != nil && len(vs) == 0 {
		o.DKIM, o.DKIMWhy = authres.ResultPermError, err.Error()
		return
	}
	for _, v := range vs {
		if v.Err == nil {
			o.DKIMPassed = append(o.DKIMPassed, strings.ToLower(v.Domain))
		}
	}
	for i, v := range vs {
		res := dkimValue(v.Err)
		if i == 0 || res == authres.ResultPass && o.DKIM != authres.ResultPass {
			o.DKIM, o.DKIMDomain = res, strings.ToLower(v.Domain)
			o.DKIMWhy = ""
			if v.Err != nil {
				o.DKIMWhy = strings.TrimPrefix(v.Err.Error(), "dkim: ")
			}
		}
	}
}

func dkimValue(err error) authres.ResultValue {
	switch {
	case err == nil:
		return authres.ResultPass
	case dkim.IsTempFail(err):
		return authres.ResultTempError
	case dkim.IsPermFail(err):
		return authres.ResultPermError
	}
	return authres.ResultFail
}

// runDMARC is one DMARC run (RFC 7489 6.6): find the header From domain,
// its policy record (or the organizational domain's), and whether an SPF
// or DKIM pass is aligned with it.
func runDMARC(in *AuthInput, c *dnsCache, o *AuthOutcome) {
	o.DMARC, o.Policy, o.Aligned = authres.ResultNone, "", nil
	o.FromDomain = headerFromDomain(in.Data)
	if o.FromDomain == "" {
		// RFC 7489 6.6.1: no single From domain, no DMARC evaluation.
		o.DMARC = authres.ResultPermError
		return
	}
	org := orgDomain(o.FromDomain)
	rec, err := dmarc.LookupWithOptions(o.FromDomain, &dmarc.LookupOptions{LookupTXT: c.txt})
	sub := false
	if errors.Is(err, dmarc.ErrNoPolicy) && org != o.FromDomain {
		// RFC 7489 6.6.3: no record at the From domain; ask the
		// organizational domain, whose sp= then applies.
		rec, err = dmarc.LookupWithOptions(org, &dmarc.LookupOptions{LookupTXT: c.txt})
		sub = true
	}
	switch {
	case errors.Is(err, dmarc.ErrNoPolicy):
		return
	case dmarc.IsTempFail(err):
		o.DMARC = authres.ResultTempError
		return
	case err != nil:
		o.DMARC = authres.ResultPermError
		return
	}
	o.Policy = rec.Policy
	if sub && rec.SubdomainPolicy != "" {
		o.Policy = rec.SubdomainPolicy
	}
	// RFC 7489 3.1.2: SPF counts when it passed for a domain aligned
	// with the header From; 3.1.1 likewise for a DKIM signature's d=.
	if o.SPF == spf.Pass && aligned(o.SPFDomain, o.FromDomain, rec.SPFAlignment) {
		o.Aligned = append(o.Aligned, "SPF")
	}
	if slices.ContainsFunc(o.DKIMPassed, func(d string) bool { return aligned(d, o.FromDomain, rec.DKIMAlignment) }) {
		o.Aligned = append(o.Aligned, "DKIM")
	}
	o.DMARC = authres.ResultFail
	if len(o.Aligned) > 0 {
		o.DMARC = authres.ResultPass
	}
}

// aligned is identifier alignment (RFC 7489 3.1): strict asks for the same
// domain, relaxed (the default) for the same organizational domain.
func aligned(d, from string, mode dmarc.AlignmentMode) bool {
	if strings.EqualFold(d, from) {
		return true
	}
	return mode != dmarc.AlignmentStrict && d != "" && orgDomain(d) == orgDomain(from)
}

// orgDomain is the organizational domain (RFC 7489 3.2): one label below
// the public suffix. The world's names end in reserved suffixes the list
// does not know (.example), which its default rule takes as one label.
func orgDomain(d string) string {
	d = strings.ToLower(d)
	if o, err := publicsuffix.EffectiveTLDPlusOne(d); err == nil {
		return o
	}
	return d
}

// headerFromDomain returns the domain of the message's one From field
// with one address (RFC 7489 6.6.1), or "".
func headerFromDomain(data string) string {
	head, _ := splitMessage(data)
	var from string
	n := 0
	for _, f := range headerFields(head) {
		if strings.EqualFold(fieldName(f), "from") {
			_, from, _ = strings.Cut(f, ":")
			n++
		}
	}
	if n != 1 {
		return ""
	}
	addrs, err := mail.ParseAddressList(strings.ReplaceAll(from, "\r\n", ""))
	if err != nil || len(addrs) != 1 {
		return ""
	}
	return domainPart(addrs[0].Address)
}

// evaluate runs the checks once against the cache; the caller looks up
// the misses and runs again until there are none.
func evaluate(checks AuthChecks, in *AuthInput, c *dnsCache) AuthOutcome {
	o := AuthOutcome{Checks: checks}
	if checks.Has(CheckSPF) {
		runSPF(in, c, &o)
	}
	if checks.Has(CheckDKIM) {
		runDKIM(in, c, &o)
	}
	if checks.Has(CheckDMARC) {
		runDMARC(in, c, &o)
	}
	return o
}

// AuthResults is the Authentication-Results field (RFC 8601) the
// receiver server adds, folded one result a line, ending in CRLF.
func (o *AuthOutcome) AuthResults(server string) string {
	var rs []authres.Result
	if o.Checks.Has(CheckSPF) {
		r := &authres.SPFResult{Value: authres.ResultValue(o.SPF), From: o.SPFDomain}
		if o.SPFHelo {
			r.From, r.Helo = "", o.SPFDomain
		}
		rs = append(rs, r)
	}
	if o.Checks.Has(CheckDKIM) {
		rs = append(rs, &authres.DKIMResult{Value: o.DKIM, Domain: o.DKIMDomain})
	}
	if o.Checks.Has(CheckDMARC) {
		rs = append(rs, &authres.DMARCResult{Value: o.DMARC, From: o.FromDomain})
	}
	parts := strings.Split(authres.Format(server, rs), "; ")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return "Authentication-Results: " + strings.Join(parts, ";\r\n\t") + "\r\n"
}
