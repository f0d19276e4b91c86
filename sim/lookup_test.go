package sim

import (
	"net/netip"
	"slices"
	"testing"

	"github.com/mailsim/mailsim/sim/dns"
)

// TestLookupAnswersFromZoneOnArrival: the server answers from the zone as
// it is when the query reaches it, not as it was when the query left, and
// a look-up of a question asked before answers as the zone is now.
func TestLookupAnswersFromZoneOnArrival(t *testing.T) {
	tw := newTestWorld(t, nil)
	addr := netip.MustParseAddr("192.0.2.80")
	var first, second dns.Answer
	tw.resolve(tw.alice, "www.example.jp", dns.TypeA, func(a dns.Answer, ok bool) { first = a })
	tw.Zone().Add("www.example.jp", dns.Records{A: []netip.Addr{addr}}) // while the query is in flight
	tw.Settle()
	if first.RCode != dns.RCodeNoError || !slices.Equal(first.A, []netip.Addr{addr}) {
		t.Errorf("answer to a query in flight when the record was added: %s %v, want NOERROR %v", first.RCode, first.A, addr)
	}
	tw.resolve(tw.alice, "www.example.jp", dns.TypeA, func(a dns.Answer, ok bool) { second = a })
	tw.Settle()
	if !slices.Equal(second.A, first.A) {
		t.Errorf("second look-up: %v, want %v", second.A, first.A)
	}
}

// TestTruncatedLookupInSummaryMode: summary mode does not copy a query
// for the trace, but a truncated answer still sends the query again over
// TCP (RFC 7766 5) and gets the records.
func TestTruncatedLookupInSummaryMode(t *testing.T) {
	var txt []string
	for i := range 40 {
		txt = append(txt, "v=spf1 include:_spf"+itoa(i)+".example.jp ~all padding padding padding")
	}
	for _, summary := range []bool{false, true} {
		tw := newTestWorld(t, nil)
		tw.SetSummary(summary)
		tw.Zone().Add("big.example.jp", dns.Records{TXT: txt})
		var got dns.Answer
		var ok bool
		tw.resolve(tw.alice, "big.example.jp", dns.TypeTXT, func(a dns.Answer, k bool) { got, ok = a, k })
		tw.Settle()
		if !ok || got.Truncated || !slices.Equal(got.TXT, txt) {
			t.Errorf("summary %v: ok %v, truncated %v, %d TXT records, want all %d", summary, ok, got.Truncated, len(got.TXT), len(txt))
		}
	}
}
