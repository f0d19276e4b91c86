package player

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestGoldenTitles: the title screens of the scenarios whose settings are more than an MX
// table: spoofing (SPF, DKIM and DMARC records, the checking MX, the
// signing MTA) and botnet (bots, OP25B, an open relay), at 80x24 and
// 160x45, in both languages.
func TestGoldenTitles(t *testing.T) {
	// At 80x24 the settings are below the fold: "scrolled" shows them.
	sizes := []struct {
		w, h int
		view string
		keys string
	}{{80, 24, "title", ""}, {80, 24, "title-scrolled", strings.Repeat("\x1b[B", 12)}, {160, 45, "title", ""}}
	for _, id := range []string{"spoofing", "botnet"} {
		for _, sz := range sizes {
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
				name := id + "-" + sz.view + "-" + itoa(sz.w) + "x" + itoa(sz.h) + "-" + string(lang)
				t.Run(name, func(t *testing.T) {
					cfg := Config{Width: sz.w, Height: sz.h, Lang: lang, NoAnim: true}
					p := playBundled(t, id, cfg, nil, "")
					// A frame first: how far the screen scrolls is known
					// once it has been drawn, as on a terminal.
					p.Frame()
					ks, _ := DecodeKeys(nil, []byte(sz.keys))
					for _, k := range ks {
						p.Key(k)
					}
					frame := p.Frame()
					checkUncut(t, frame, sz.w, sz.h)
					checkGolden(t, filepath.Join("frames", name+".txt"), frameText(frame))
				})
			}
		}
	}
}

// TestSpoofingSettings: the title screen of spoofing lists every sender
// domain authentication setting of its world, in both languages, whatever
// fits on one screen.
func TestSpoofingSettings(t *testing.T) {
	want := map[i18n.Lang][]string{
		i18n.EN: {
			"SPF bank.example: v=spf1 ip4:198.51.100.25 -all",
			"DKIM s1._domainkey.bank.example: public key (k=ed25519)",
			"DMARC _dmarc.bank.example: v=DMARC1; p=reject; rua=mailto:dmarc-reports@bank.example",
			"SPF spam.example: v=spf1 ip4:203.0.113.0/24 -all",
			"mx.isp.example:25: sender domain checks (SPF, DKIM, DMARC)",
			"mail.bank.example DKIM-signs mail from bank.example (selector s1)",
		},
		i18n.JA: {
			"SPF bank.example: v=spf1 ip4:198.51.100.25 -all",
			"DKIM s1._domainkey.bank.example: 公開鍵(k=ed25519)",
			"mx.isp.example:25: 送信ドメイン認証(SPF、DKIM、DMARC)を検査",
			"mail.bank.exampleはbank.exampleのメールにDKIMで署名(セレクタs1)",
		},
	}
	for lang, lines := range want {
		p := playBundled(t, "spoofing", Config{Width: 200, Height: 60, Lang: lang, NoAnim: true}, nil, "")
		screen := strings.Join(p.Frame(), "\n")
		for _, l := range lines {
			if !strings.Contains(screen, l) {
				t.Errorf("%s: title screen lacks %q:\n%s", lang, l, screen)
			}
		}
	}
}

// TestAuthTXT: which TXT records the title screen shows as SPF, DKIM and
// DMARC, and in what order.
func TestAuthTXT(t *testing.T) {
	got := authTXT([]trace.TXT{
		{Name: "_dmarc.b.example", Text: "v=DMARC1; p=none"},
		{Name: "b.example", Text: "google-site-verification=x"},
		{Name: "b.example", Text: "V=SPF1 -all"},
		{Name: "a.example", Text: "v=spf10 -all"},
		{Name: "s2._domainkey.b.example", Text: "v=DKIM1; k=rsa; p=AAAA"},
		{Name: "a.example", Text: "v=spf1"},
	})
	var labels []string
	for _, a := range got {
		labels = append(labels, a.label+" "+a.name+" "+a.domain)
	}
	want := []string{
		"SPF a.example a.example",
		"SPF b.example b.example",
		"DKIM s2._domainkey.b.example b.example",
		"DMARC _dmarc.b.example b.example",
	}
	if strings.Join(labels, "\n") != strings.Join(want, "\n") {
		t.Errorf("authTXT:\n%s\nwant\n%s", strings.Join(labels, "\n"), strings.Join(want, "\n"))
	}
}
