package sim

import (
	"net/netip"
	"runtime"
	"strconv"
	"testing"
)

// idleWorld is a world of n idle hosts on one dynamic network: with
// servers false, as a botnet template makes them (a name, an address, no
// service and no account); with servers true, small mail servers, each the
// final destination of its own domain with one account, SMTP on 25 and POP3
// on 110.
func idleWorld(tb testing.TB, n int, servers bool) *World {
	w := New(Options{})
	net := &Network{Name: "home", Prefix: netip.MustParsePrefix("10.0.0.0/8"), Dynamic: true, OP25B: &OP25B{}}
	if err := w.AddNetwork(net); err != nil {
		tb.Fatal(err)
	}
	base := netip.MustParseAddr("10.0.0.0").As4()
	for i := range n {
		ip := base
		ip[1], ip[2], ip[3] = byte(i>>16), byte(i>>8), byte(i)
		h := &Host{Name: "bot-" + strconv.Itoa(i), IP: netip.AddrFrom4(ip), Network: net}
		if servers {
			h.Name = "mx.d" + strconv.Itoa(i) + ".example"
			h.Domains = []string{"d" + strconv.Itoa(i) + ".example"}
			h.Users = []*User{{Name: "u", Password: "p"}}
			h.SMTP = []*SMTPService{{Port: 25}}
			h.POP3 = []*POP3Service{{Port: 110}}
		}
		if err := w.AddHost(h); err != nil {
			tb.Fatal(err)
		}
	}
	return w
}

// BenchmarkIdleHosts builds worlds of 100,000 idle hosts and reports what
// each host costs in live heap (issue 11: 100,000 idle hosts in under 1 GB).
func BenchmarkIdleHosts(b *testing.B) {
	const n = 100_000
	for _, c := range []struct {
		name    string
		servers bool
	}{{"bots", false}, {"mailservers", true}} {
		b.Run(c.name, func(b *testing.B) {
			var perHost float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				w := idleWorld(b, n, c.servers)
				runtime.GC()
				runtime.ReadMemStats(&after)
				perHost = float64(after.HeapAlloc-before.HeapAlloc) / n
				runtime.KeepAlive(w)
			}
			b.ReportMetric(perHost, "bytes/host")
			b.ReportMetric(perHost*n/(1<<20), "MB/100k")
		})
	}
}
