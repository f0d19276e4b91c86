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
		if c.Relay != nil {
			svc.Config.Relay = *c.Relay
		}
		if c.Auth != nil {
			svc.Auth = *c.Auth
		}
		w.Rewire(h, svc)
	}
	if c.Down != nil {
		w.Host(c.Host.Name).Down = *c.Down
	}
}

// relayJA and authJA say the policy keywords in Japanese for the step title.
var (
	relayJA = map[smtp.RelayPolicy]string{
		smtp.RelayNone: "中継しない", smtp.RelayMyNetworks: "自ネットワークのみ",
		smtp.RelayAuthenticated: "SMTP-AUTH済みの利用者のみ", smtp.RelayAnyone: "誰でも(第三者中継)",
		smtp.RelayPOPBeforeSMTP: "POP before SMTP",
	}
	authJA = map[sim.AuthMode]string{sim.AuthOff: "使わない", sim.AuthOptional: "任意", sim.AuthRequired: "必須"}
)

func configureSummary(c *Configure) i18n.Text {
	var en, ja []string
	if c.Server.Host.Name != "" {
		where := c.Server.Host.Name + ":" + strconv.Itoa(c.Server.Port)
		if c.Relay != nil {
			en = append(en, where+" now relays for: "+c.Relay.String())
			ja = append(ja, where+"の中継許可を「"+relayJA[*c.Relay]+"」に変更")
		}
		if c.Auth != nil {
			en = append(en, where+" SMTP AUTH: "+authNames[*c.Auth])
			ja = append(ja, where+"のSMTP-AUTHを「"+authJA[*c.Auth]+"」に変更")
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
