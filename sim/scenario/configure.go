package scenario

import (
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
)

func reconfigure(w *sim.World, c *Configure) {
	if c.Server.Host.Name != "" {
		h := w.Host(c.Server.Host.Name)
		svc := h.SMTPService(uint16(c.Server.Port))
		if c.Relay != "" {
			svc.Config.Relay, _ = smtp.ParseRelayPolicy(c.Relay)
		}
		if c.Auth != "" {
			svc.Auth = authModes[c.Auth]
		}
		w.Rewire(h, svc)
	}
	if c.Down != nil {
		w.Host(c.Host.Name).Down = *c.Down
	}
}

var authModes = map[string]sim.AuthMode{"off": sim.AuthOff, "optional": sim.AuthOptional, "required": sim.AuthRequired}

// relayJA and authJA say the policy keywords in Japanese for the step title.
var (
	relayJA = map[string]string{
		"none": "中継しない", "mynetworks": "自ネットワークのみ",
		"authenticated": "SMTP-AUTH済みの利用者のみ", "anyone": "誰でも(第三者中継)", "open": "誰でも(第三者中継)",
	}
	authJA = map[string]string{"off": "使わない", "optional": "任意", "required": "必須"}
)

func configureSummary(c *Configure) i18n.Text {
	var en, ja []string
	if c.Server.Host.Name != "" {
		where := c.Server.Host.Name + ":" + strconv.Itoa(c.Server.Port)
		if c.Relay != "" {
			en = append(en, where+" now relays for: "+c.Relay)
			ja = append(ja, where+"の中継許可を「"+relayJA[c.Relay]+"」に変更")
		}
		if c.Auth != "" {
			en = append(en, where+" SMTP AUTH: "+c.Auth)
			ja = append(ja, where+"のSMTP-AUTHを「"+authJA[c.Auth]+"」に変更")
		}
	}
	if c.Down != nil {
		if *c.Down {
			en = append(en, c.Host.Name+" goes down")
			ja = append(ja, c.Host.Name+"が停止")
		} else {
			en = append(en, c.Host.Name+" is back up")
			ja = append(ja, c.Host.Name+"が復旧")
		}
	}
	return i18n.T("configure: "+strings.Join(en, "; "), "設定変更: "+strings.Join(ja, "、"))
}
