package smtp

import (
	"net/netip"
	"testing"
	"time"
)

func TestReceived(t *testing.T) {
	jst := time.FixedZone("JST", 9*60*60)
	now := time.Date(2024, 3, 5, 9, 4, 5, 0, jst)
	for _, tc := range []struct {
		name string
		m    Message
		id   string
		want string
	}{
		{"submission with AUTH, one recipient",
			Message{Helo: "pc10", ESMTP: true, User: "alice", To: []string{"bob@example.jp"}, Peer: homePeer}, "1A2B3C",
			"Received: from pc10 (pc10.home.isp.example [203.0.113.10])\r\n" +
				"\tby mail.isp.example with ESMTPA id 1A2B3C\r\n" +
				"\tfor <bob@example.jp>; Tue, 5 Mar 2024 09:04:05 +0900\r\n"},
		{"relay, two recipients: no for",
			Message{Helo: "mail.isp.example", ESMTP: true, To: []string{"bob@example.jp", "carol@example.jp"}, Peer: Peer{IP: ispIP, Name: "mail.isp.example"}}, "9F",
			"Received: from mail.isp.example (mail.isp.example [192.0.2.25])\r\n" +
				"\tby mail.isp.example with ESMTP id 9F;\r\n" +
				"\tTue, 5 Mar 2024 09:04:05 +0900\r\n"},
		{"HELO, unknown peer name, IPv6, no id",
			Message{Helo: "old", To: []string{"bob@example.jp"}, Peer: Peer{IP: netip.MustParseAddr("2001:db8::25")}}, "",
			"Received: from old (unknown [IPv6:2001:db8::25])\r\n" +
				"\tby mail.isp.example with SMTP\r\n" +
				"\tfor <bob@example.jp>; Tue, 5 Mar 2024 09:04:05 +0900\r\n"},
		{"TLS, with and without AUTH; IPv4-mapped address",
			Message{Helo: "h", ESMTP: true, TLS: true, Peer: Peer{IP: netip.MustParseAddr("::ffff:192.0.2.1"), Name: "h"}}, "1",
			"Received: from h (h [192.0.2.1])\r\n" +
				"\tby mail.isp.example with ESMTPS id 1;\r\n" +
				"\tTue, 5 Mar 2024 09:04:05 +0900\r\n"},
		{"ESMTPSA, no peer address",
			Message{ESMTP: true, TLS: true, User: "u"}, "1",
			"Received: from unknown (unknown)\r\n" +
				"\tby mail.isp.example with ESMTPSA id 1;\r\n" +
				"\tTue, 5 Mar 2024 09:04:05 +0900\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Received(&tc.m, "mail.isp.example", tc.id, now); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestCountReceived(t *testing.T) {
	for _, tc := range []struct {
		data string
		want int
	}{
		{"", 0},
		{"Received: a\r\n", 1},
		{"Received: a\r\nreceived: b\r\n\tcontinued\r\nRECEIVED : c\r\nSubject: x\r\n\r\nReceived: in body\r\n", 3},
		{"Received: a\nReceived: b\n\nReceived: c\n", 2}, // LF line ends
		{"Received-SPF: pass\r\nX-Received: a\r\nReceivedX: b\r\n", 0},
		{"Subject: x\r\nnot a header line\r\nReceived: after the body began\r\n", 0},
		{": no name\r\nReceived: a\r\n", 0},
		{"Received: a", 1}, // no final line end
	} {
		if got := CountReceived(tc.data); got != tc.want {
			t.Errorf("CountReceived(%q) = %d, want %d", tc.data, got, tc.want)
		}
	}
}

// TestReceivedIsCounted ties the two together: each hop's Received: field is
// one more for the next hop's loop check.
func TestReceivedIsCounted(t *testing.T) {
	m := &Message{Helo: "a", ESMTP: true, To: []string{"b@example.jp"}, Data: "Subject: x\r\n\r\nbody\r\n"}
	data := m.Data
	for hop := 1; hop <= 3; hop++ {
		data = Received(m, "mx", "1", time.Unix(0, 0).UTC()) + data
		if got := CountReceived(data); got != hop {
			t.Fatalf("after %d hops CountReceived = %d", hop, got)
		}
	}
}

var fixedTime = time.Date(2024, 3, 5, 9, 4, 5, 0, time.UTC)
