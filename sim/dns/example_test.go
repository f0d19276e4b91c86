package dns_test

import (
	"fmt"
	"math/rand/v2"
	"net/netip"

	"github.com/mailsim/mailsim/sim/dns"
)

// A sending MTA looks up where mail for example.jp goes: one MX query over
// the virtual network, answered from the zone, shown as the trace shows it,
// then the hosts in the order delivery is tried.
func Example() {
	zone := dns.NewZone()
	zone.Add("example.jp", dns.Records{MX: []dns.MX{{Pref: 20, Host: "mx2.example.jp"}, {Pref: 10, Host: "mx1.example.jp"}}})
	zone.Add("mx1.example.jp", dns.Records{A: []netip.Addr{netip.MustParseAddr("192.0.2.25")}})

	query, err := dns.NewQuery(1, "example.jp", dns.TypeMX)
	if err != nil {
		panic(err)
	}
	answer, err := dns.ParseAnswer(zone.Handle(query))
	if err != nil {
		panic(err)
	}
	fmt.Println(dns.QuestionLine("example.jp", dns.TypeMX))
	for _, l := range answer.Lines() {
		fmt.Println(l)
	}
	hosts, ok := dns.SortMX(answer.MX, rand.New(rand.NewPCG(1, 2)))
	fmt.Println(ok, hosts)
	// Output:
	// query example.jp. IN MX
	// example.jp. 3600 IN MX 20 mx2.example.jp.
	// example.jp. 3600 IN MX 10 mx1.example.jp.
	// true [{10 mx1.example.jp} {20 mx2.example.jp}]
}

// A domain that publishes the null MX accepts no mail (RFC 7505): the
// sender bounces at once instead of trying its A record.
func ExampleSortMX_nullMX() {
	_, ok := dns.SortMX([]dns.MX{{Pref: 0, Host: ""}}, nil)
	fmt.Println(ok)
	// Output: false
}
