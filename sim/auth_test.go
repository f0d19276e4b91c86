package sim

import (
	"bytes"
	"net"
	"strings"
	"testing"

	"blitiri.com.ar/go/spf"
	"github.com/emersion/go-msgauth/authres"
	"github.com/emersion/go-msgauth/dkim"

	"github.com/mailsim/mailsim/sim/dns"
)

// newZoneCache is a cache that already holds the TXT records given;
// completeRun answers NXDOMAIN for the rest.
func newZoneCache(txt map[string][]string) *dnsCache {
	c := newDNSCache()
	for name, recs := range txt {
		c.answers[dnsKey{name, dns.TypeTXT}] = &cachedAnswer{ans: dns.Answer{RCode: dns.RCodeNoError, TXT: recs}, ok: true}
	}
	return c
}

// complete fills every miss of a run with NXDOMAIN and runs again, as the
// world would with a zone that has nothing more.
func completeRun(checks AuthChecks, in *AuthInput, c *dnsCache) AuthOutcome {
	for range maxAuthRounds {
		c.misses = c.misses[:0]
		o := evaluate(checks, in, c)
		if len(c.misses) == 0 {
			return o
		}
		for _, k := range c.misses {
			c.answers[k] = &cachedAnswer{ans: dns.Answer{RCode: dns.RCodeNXDomain}, ok: true}
		}
	}
	panic("no end")
}

var testSigner = &DKIMSigner{Domain: "bank.example", Selector: "s1", key: dkimKey("mail.bank.example", "s1", "bank.example")}

func testMessage(from string) []byte {
	return []byte("From: " + from + "\r\nTo: alice@isp.example\r\nSubject: Statement\r\n" +
		"Date: Wed, 01 Apr 2026 09:00:00 +0900\r\nMessage-ID: <1@bank.example>\r\n\r\nYour statement  is ready.\r\n\r\n")
}

func signed(from string) []byte {
	m := testMessage(from)
	return append([]byte(testSigner.sign(string(m), DefaultStart)), m...)
}

func TestAuthOutcomes(t *testing.T) {
	zone := map[string][]string{
		"bank.example":               {"v=spf1 ip4:198.51.100.25 -all"},
		"s1._domainkey.bank.example": {testSigner.KeyRecord()},
		"_dmarc.bank.example":        {"v=DMARC1; p=reject"},
		"soft.example":               {"v=spf1 ip4:198.51.100.0/24 ~all"},
		"_dmarc.soft.example":        {"v=DMARC1; p=quarantine"},
		"spam.example":               {"v=spf1 ip4:203.0.113.0/24 -all"},
		"watch.example":              {"v=spf1 -all"},
		"_dmarc.watch.example":       {"v=DMARC1; p=none"},
	}
	bank, bot := net.ParseIP("198.51.100.25"), net.ParseIP("203.0.113.66")
	tampered := signed("notice@bank.example")
	tampered = bytes.Replace(tampered, []byte("is ready"), []byte("is locked"), 1)
	tests := []struct {
		name             string
		ip               net.IP
		mailFrom         string
		data             []byte
		spf              spf.Result
		dkim, dmarc      authres.ResultValue
		action           Action
		aligned, results string
	}{
		{"genuine: all pass", bank, "notice@bank.example", signed("notice@bank.example"),
			spf.Pass, authres.ResultPass, authres.ResultPass, Deliver, "SPF DKIM",
			"spf=pass smtp.mailfrom=bank.example;\r\n\tdkim=pass header.d=bank.example;\r\n\tdmarc=pass header.from=bank.example"},
		{"forged: spf fail, no dkim", bot, "notice@bank.example", testMessage("notice@bank.example"),
			spf.Fail, authres.ResultNone, authres.ResultFail, Reject, "", "dkim=none"},
		{"misaligned: spf pass for another domain", bot, "mailer@spam.example", testMessage("notice@bank.example"),
			spf.Pass, authres.ResultNone, authres.ResultFail, Reject, "", "spf=pass smtp.mailfrom=spam.example"},
		{"dkim alone aligns (forwarded: spf fail)", bot, "notice@bank.example", signed("notice@bank.example"),
			spf.Fail, authres.ResultPass, authres.ResultPass, Deliver, "DKIM", "dmarc=pass"},
		{"tampered body: dkim fail", bank, "x@spam.example", tampered,
			spf.Fail, authres.ResultFail, authres.ResultFail, Reject, "", "dkim=fail header.d=bank.example"},
		{"softfail, quarantine", bot, "news@soft.example", testMessage("news@soft.example"),
			spf.SoftFail, authres.ResultNone, authres.ResultFail, Quarantine, "", "spf=softfail"},
		{"p=none only monitors", bot, "a@watch.example", testMessage("a@watch.example"),
			spf.Fail, authres.ResultNone, authres.ResultFail, Deliver, "", "dmarc=fail header.from=watch.example"},
		{"no records at all", bot, "a@nowhere.example", testMessage("a@nowhere.example"),
			spf.None, authres.ResultNone, authres.ResultNone, Deliver, "", "dmarc=none header.from=nowhere.example"},
		{"subdomain: organizational policy", bot, "a@mail.bank.example", testMessage("a@mail.bank.example"),
			spf.None, authres.ResultNone, authres.ResultFail, Reject, "", "header.from=mail.bank.example"},
		{"null sender: helo identity", bank, "", testMessage("notice@bank.example"),
			spf.None, authres.ResultNone, authres.ResultFail, Reject, "", "smtp.helo=mail.bank.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &AuthInput{IP: tt.ip, Helo: "mail.bank.example", From: tt.mailFrom, Data: string(tt.data)}
			o := completeRun(CheckSPF|CheckDKIM|CheckDMARC, in, newZoneCache(zone))
			if o.SPF != tt.spf || o.DKIM != tt.dkim || o.DMARC != tt.dmarc || o.Action() != tt.action {
				t.Errorf("spf=%s dkim=%s (%s) dmarc=%s action=%d, want spf=%s dkim=%s dmarc=%s action=%d",
					o.SPF, o.DKIM, o.DKIMWhy, o.DMARC, o.Action(), tt.spf, tt.dkim, tt.dmarc, tt.action)
			}
			if got := strings.Join(o.Aligned, " "); got != tt.aligned {
				t.Errorf("aligned = %q, want %q", got, tt.aligned)
			}
			if ar := o.AuthResults("mx.isp.example"); !strings.Contains(ar, tt.results) || !strings.HasPrefix(ar, "Authentication-Results: mx.isp.example;\r\n\t") {
				t.Errorf("AuthResults =\n%s\nwant it to contain %q", ar, tt.results)
			}
		})
	}
}

// TestDKIMSignVerifies checks our signer against go-msgauth's verifier,
// and that the signature is the same every time.
func TestDKIMSignVerifies(t *testing.T) {
	msg := testMessage("notice@bank.example")
	sig := testSigner.sign(string(msg), DefaultStart)
	if again := testSigner.sign(string(msg), DefaultStart); again != sig {
		t.Fatalf("two signatures differ:\n%s\n%s", sig, again)
	}
	if !strings.Contains(sig, "t=1775001600;") || !strings.Contains(sig, "h=from:to:subject:date:message-id;") {
		t.Errorf("signature lacks the virtual time or the field list:\n%s", sig)
	}
	for _, line := range strings.Split(strings.TrimSuffix(sig, "\r\n"), "\r\n") {
		if len(line) > 998 {
			t.Errorf("line over 998 octets: %q", line)
		}
	}
	// A relay that re-folds the header and adds trailing spaces does not
	// break relaxed canonicalization.
	refolded := strings.Replace(string(msg), "Subject: Statement", "Subject:   Statement  ", 1)
	for name, data := range map[string]string{"as signed": string(msg), "refolded": refolded} {
		vs, err := dkim.VerifyWithOptions(strings.NewReader(sig+data), &dkim.VerifyOptions{
			LookupTXT: func(string) ([]string, error) { return []string{testSigner.KeyRecord()}, nil },
		})
		if err != nil || len(vs) != 1 || vs[0].Err != nil {
			t.Errorf("%s: go-msgauth does not verify: %v %v", name, err, vs)
			continue
		}
		if !vs[0].Time.Equal(DefaultStart) {
			t.Errorf("%s: t= is %v, want %v", name, vs[0].Time, DefaultStart)
		}
	}
	other := &DKIMSigner{Domain: "bank.example", Selector: "s1", key: dkimKey("other.example", "s1", "bank.example")}
	if other.KeyRecord() == testSigner.KeyRecord() {
		t.Error("two hosts got the same key")
	}
}

func TestDNSCacheMisses(t *testing.T) {
	c := newDNSCache()
	in := &AuthInput{IP: net.ParseIP("192.0.2.1"), Helo: "a.example", From: "x@a.example", Data: string(testMessage("x@a.example"))}
	evaluate(CheckSPF|CheckDKIM|CheckDMARC, in, c)
	if len(c.misses) != 2 || c.misses[0] != (dnsKey{"a.example", dns.TypeTXT}) || c.misses[1] != (dnsKey{"_dmarc.a.example", dns.TypeTXT}) {
		t.Errorf("first run missed %v, want a.example and _dmarc.a.example TXT", c.misses)
	}
}
