package sim

import (
	"net"
	"strings"
	"testing"

	"github.com/emersion/go-msgauth/dkim"
)

// FuzzDKIMSign: whatever the subject and body, go-msgauth verifies the
// signature our signer makes, so our relaxed canonicalization agrees
// with the library's (RFC 6376 3.4.2, 3.4.4).
func FuzzDKIMSign(f *testing.F) {
	f.Add("Statement", "Your statement  is ready.\n\n")
	f.Add("  spaced\t subject ", "\t\n \nline with trailing spaces   \n\n\n")
	f.Add("日本語の件名", "本文です。\n")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, subject, body string) {
		if strings.ContainsAny(subject, "\r\n") || strings.Contains(body, "\r") {
			return // a mail client writes neither
		}
		msg := composeMessage("notice@bank.example", "", []string{"alice@isp.example"}, subject, body, DefaultStart, "1@bank.example")
		sig := testSigner.sign(msg, DefaultStart)
		vs, err := dkim.VerifyWithOptions(strings.NewReader(sig+string(msg)), &dkim.VerifyOptions{
			LookupTXT: func(string) ([]string, error) { return []string{testSigner.KeyRecord()}, nil },
		})
		if err != nil || len(vs) != 1 || vs[0].Err != nil {
			t.Fatalf("does not verify: %v %+v\n%s%s", err, vs, sig, msg)
		}
	})
}

// FuzzAuthEvaluate: a message of any content, from any sender, gets an
// outcome and an Authentication-Results field without a panic, and the
// check ends within the look-up rounds.
func FuzzAuthEvaluate(f *testing.F) {
	f.Add("notice@bank.example", []byte("From: notice@bank.example\r\n\r\nb\r\n"))
	f.Add("", []byte("From: a@b.example, c@d.example\r\nFrom: x\r\n\r\n"))
	f.Add("x@y", append([]byte(testSigner.sign(string(testMessage("notice@bank.example")), DefaultStart)), "From: notice@bank.example\r\n\r\n"...))
	f.Fuzz(func(t *testing.T, from string, data []byte) {
		zone := map[string][]string{
			"bank.example":               {"v=spf1 ip4:198.51.100.25 include:other.example -all"},
			"other.example":              {"v=spf1 a mx ptr ~all"},
			"s1._domainkey.bank.example": {testSigner.KeyRecord()},
			"_dmarc.bank.example":        {"v=DMARC1; p=reject; sp=quarantine"},
		}
		in := &AuthInput{IP: net.ParseIP("203.0.113.66"), Helo: "bot.example", From: from, Data: string(data)}
		o := completeRun(CheckSPF|CheckDKIM|CheckDMARC, in, newZoneCache(zone))
		if ar := o.AuthResults("mx.isp.example"); !strings.HasPrefix(ar, "Authentication-Results: mx.isp.example;") {
			t.Fatalf("AuthResults = %q", ar)
		}
	})
}
