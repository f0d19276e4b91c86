package trace

import "testing"

func TestBotGroupMember(t *testing.T) {
	b := BotGroup{Group: "home-bots", Count: 2000, Name: "bot-{n}.isp"}
	for host, want := range map[string]bool{
		"bot-1.isp":    true,
		"bot-2000.isp": true,
		"bot-2001.isp": false,
		"bot-0.isp":    false,
		"bot-01.isp":   false,
		"bot-.isp":     false,
		"bot-1":        false,
		"bot--1.isp":   false,
		"xbot-1.isp":   false,
	} {
		if got := b.Member(host); got != want {
			t.Errorf("Member(%q) = %v, want %v", host, got, want)
		}
	}
	if got := b.HostName(7); got != "bot-7.isp" {
		t.Errorf("HostName(7) = %q", got)
	}
}
