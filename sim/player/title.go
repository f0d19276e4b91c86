package player

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// The title screen's words.
var (
	lGoal         = i18n.T("Goal: ", "ねらい: ")
	lCast         = i18n.T("Who is who", "登場するホスト")
	lSettings     = i18n.T("Settings that matter", "注目する設定")
	lStartShort   = i18n.T("Press Enter to start.", "Enterキーで開始します。")
	lMXRecords    = i18n.T("MX ", "MX ")
	lNullMX       = i18n.T("(null MX: accepts no mail)", "(ヌルMX: メールを受け付けない)")
	lNoMX         = i18n.T(": no MX record, so mail goes to its A record (implicit MX)", ": MXレコードがないので、Aレコードのアドレスへ配送(暗黙のMX)")
	lOpenRelay    = i18n.T("relay: anyone (an open relay)", "「relay: anyone」(第三者中継を許す設定)")
	lRelayPolicy  = i18n.T("relay: ", "relay: ")
	lBackupMX     = i18n.T("backup MX, relays for ", "バックアップMX、中継するドメイン: ")
	lAuthRequired = i18n.T("SMTP-AUTH required", "SMTP-AUTH必須")
	lAuthOffered  = i18n.T("SMTP-AUTH offered", "SMTP-AUTHを提供")
	lStartTLS     = i18n.T("STARTTLS", "STARTTLS")
	lImplicitTLS  = i18n.T("TLS from the first byte", "接続直後からTLS")
	lDownAtStart  = i18n.T(" is down at the start", "は開始時点で停止中")
	lSep          = i18n.T(", ", "、")
	lChecks       = i18n.T("sender domain checks (%s)", "送信ドメイン認証(%s)を検査")
	lDKIMKey      = i18n.T("public key", "公開鍵")
	lDKIMSigns    = i18n.T(" DKIM-signs mail from %s (selector %s)", "は%sのメールにDKIMで署名(セレクタ%s)")
	lDKIMNoKey    = i18n.T(", public key not in DNS", "、公開鍵はDNSにない")
	lBots         = i18n.T("bots", "ボット")
	lBotGroup     = i18n.T("%s: %s infected PCs (%s to %s", "%s: ボットに感染したPC %s台(%s〜%s")
	lBotNetwork   = i18n.T(", in %s", "、%s内")
	lBotsShown    = i18n.T("; shown: %s", "、うち表示は%s")
)

// title is the screen before the first beat: the scenario's title, its
// goal, the cast (which host is MUA, MSA, MTA, MX, MDA, DNS server,
// router, read from the world's services and MX table), the settings the
// lesson turns on, and how to start. Up and Down scroll it when it does not
// fit.
func (r *renderer) title(top, end int) {
	r.scrolled(top, end, r.titleRows(nil), r.v.Scroll)
}

func (r *renderer) titleRows(rows []row) []row {
	topo := r.m.topo
	rows = r.textRows(rows, "", r.t(topo.Title), stStep)
	if s := r.t(topo.Summary); s != "" {
		rows = r.textRows(rows, r.t(lGoal), s, stNarration)
	}
	if len(topo.Exams) > 0 {
		rows = r.textRows(rows, r.t(lExams), strings.Join(topo.Exams, " "), stPlain)
	}
	if cast := r.castRows(nil); len(cast) > 0 {
		rows = append(rows, row{})
		rows = r.textRows(rows, "", r.t(lCast), stBold)
		rows = append(rows, cast...)
	}
	if set := r.settingRows(nil); len(set) > 0 {
		rows = append(rows, row{})
		rows = r.textRows(rows, "", r.t(lSettings), stBold)
		rows = append(rows, set...)
	}
	rows = append(rows, row{})
	return r.textRows(rows, "", r.t(lStartShort), stBold)
}

// castRows are one row per role: "MSA  mail.isp.example:587".
func (r *renderer) castRows(rows []row) []row {
	topo := r.m.topo
	var who [numRoles][]string
	for i := range topo.Hosts {
		h := &topo.Hosts[i]
		if len(h.Roles) == 0 && slices.ContainsFunc(topo.Bots, func(b trace.BotGroup) bool { return b.Member(h.Name) }) {
			continue // in the bots' row
		}
		for _, role := range hostRoles(topo, h) {
			who[role] = append(who[role], r.castName(h, role))
		}
	}
	bots := r.botLines()
	for _, n := range topo.Networks {
		if n.Router != "" {
			who[RoleRouter] = append(who[RoleRouter], clean(n.Router)+r.t(lParen)+clean(n.Name)+")")
		}
	}
	width := 0
	for role, hs := range who {
		if len(hs) > 0 {
			width = max(width, textWidth(r.t(roleNames[role])))
		}
	}
	if len(bots) > 0 {
		width = max(width, textWidth(r.t(lBots)))
	}
	pad := func(name string) string { return "  " + name + strings.Repeat(" ", width-textWidth(name)+2) }
	for role, hs := range who {
		if len(hs) > 0 {
			rows = r.textRows(rows, pad(r.t(roleNames[role])), strings.Join(hs, r.t(lSep))+r.t(lParen)+r.t(roleWhat[role])+")", stPlain)
		}
		if Role(role) == RoleMUA {
			for _, b := range bots { // clients too, after the mail clients
				rows = r.textRows(rows, pad(r.t(lBots)), b, stPlain)
			}
		}
	}
	return rows
}

// botLines say what each group of bots is: how many, their names, their
// network, and which of them the player shows.
func (r *renderer) botLines() []string {
	topo := r.m.topo
	var lines []string
	for _, b := range topo.Bots {
		var shown []string
		for _, h := range topo.Hosts {
			if b.Member(h.Name) {
				shown = append(shown, clean(h.Name))
			}
		}
		s := fill(r.t(lBotGroup), clean(b.Group), group(b.Count), clean(b.HostName(1)), clean(b.HostName(b.Count)))
		if b.Network != "" {
			s += fill(r.t(lBotNetwork), clean(b.Network))
		}
		s += ")"
		if len(shown) > 0 {
			s += fill(r.t(lBotsShown), strings.Join(shown, r.t(lSep)))
		}
		lines = append(lines, s)
	}
	return lines
}

// group writes n with thousands separators: 2,000.
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// castName is a host as the cast lists it in a role: with the ports of the
// role's services, or the domains it receives mail for.
func (r *renderer) castName(h *trace.Host, role Role) string {
	name := clean(h.Name)
	var ports []string
	switch role {
	case RoleMSA:
		for _, s := range smtpPorts(h) {
			if s.Port == 587 || s.Port == 465 || s.AuthRequired {
				ports = append(ports, strconv.Itoa(int(s.Port)))
			}
		}
	case RoleMTA, RoleMX:
		for _, s := range smtpPorts(h) {
			if s.Port == 25 {
				ports = append(ports, "25")
			}
		}
	case RolePOP:
		for _, s := range h.Roles {
			if p, ok := strings.CutPrefix(s, "pop3:"); ok {
				ports = append(ports, p)
			} else if p, ok := strings.CutPrefix(s, "imap:"); ok {
				ports = append(ports, p)
			}
		}
	case RoleMDA:
		return name + r.t(lParen) + clean(strings.Join(h.Domains, " ")) + ")"
	}
	if len(ports) > 0 {
		return name + ":" + strings.Join(ports, ",")
	}
	return name
}

// settingRows are the settings a lesson turns on: the MX table, domains
// with no MX, the SPF, DKIM and DMARC records, open relays and backup MXs,
// AUTH, TLS and sender domain checks, DKIM signing, the routers' filters
// (OP25B, IP25B) and hosts down at the start.
func (r *renderer) settingRows(rows []row) []row {
	topo := r.m.topo
	add := func(s string) { rows = r.textRows(rows, "  "+r.g.bullet+" ", s, stPlain) }
	mx := slices.Clone(topo.MX)
	slices.SortStableFunc(mx, func(a, b trace.MX) int {
		if c := strings.Compare(a.Domain, b.Domain); c != 0 {
			return c
		}
		return int(a.Pref) - int(b.Pref)
	})
	for i := 0; i < len(mx); {
		j := i
		var recs []string
		for ; j < len(mx) && mx[j].Domain == mx[i].Domain; j++ {
			if mx[j].Host == "" {
				recs = append(recs, strconv.Itoa(int(mx[j].Pref))+" . "+r.t(lNullMX))
				continue
			}
			recs = append(recs, strconv.Itoa(int(mx[j].Pref))+" "+clean(mx[j].Host))
		}
		add(r.t(lMXRecords) + clean(mx[i].Domain) + ": " + strings.Join(recs, r.t(lSep)))
		i = j
	}
	for _, h := range topo.Hosts {
		for _, d := range h.Domains {
			if !slices.ContainsFunc(mx, func(m trace.MX) bool { return strings.EqualFold(m.Domain, d) }) {
				add(clean(d) + r.t(lNoMX))
			}
		}
	}
	for _, x := range authTXT(topo.TXT) {
		add(x.label + " " + clean(x.name) + ": " + clean(x.text(r)))
	}
	for _, h := range topo.Hosts {
		for _, s := range h.SMTP {
			var what []string
			switch s.Relay {
			case "anyone":
				what = append(what, r.t(lOpenRelay))
			case "mynetworks", "pop-before-smtp":
				what = append(what, r.t(lRelayPolicy)+s.Relay)
			}
			if len(s.RelayDomains) > 0 {
				what = append(what, r.t(lBackupMX)+strings.Join(s.RelayDomains, " "))
			}
			switch {
			case s.AuthRequired:
				what = append(what, r.t(lAuthRequired))
			case s.AuthOffered && s.Port != 25:
				what = append(what, r.t(lAuthOffered))
			}
			if s.StartTLS {
				what = append(what, r.t(lStartTLS))
			}
			if s.ImplicitTLS {
				what = append(what, r.t(lImplicitTLS))
			}
			if len(s.Checks) > 0 {
				what = append(what, fill(r.t(lChecks), strings.ToUpper(strings.Join(s.Checks, r.t(lSep)))))
			}
			if len(what) > 0 {
				add(clean(h.Name) + ":" + strconv.Itoa(int(s.Port)) + ": " + clean(strings.Join(what, r.t(lSep))))
			}
		}
		if d := h.DKIM; d != nil {
			s := clean(h.Name) + fill(r.t(lDKIMSigns), clean(d.Domain), clean(d.Selector))
			if d.Unpublished {
				s += r.t(lDKIMNoKey)
			}
			add(s)
		}
	}
	for _, n := range topo.Networks {
		for _, f := range n.Filters {
			add(clean(n.Router) + ": " + clean(r.t(f)))
		}
	}
	for _, h := range topo.Hosts {
		if h.Down {
			add(clean(h.Name) + r.t(lDownAtStart))
		}
	}
	return rows
}

// fill puts args in place of the %s of a title screen's words, in order.
func fill(s string, args ...string) string {
	for _, a := range args {
		s = strings.Replace(s, "%s", a, 1)
	}
	return s
}

// authRecord is a TXT record a sender domain authentication check reads.
type authRecord struct {
	label  string // "SPF", "DKIM", "DMARC"
	rank   int    // the order of label on the title screen
	name   string // where the record is in DNS
	domain string // the mail domain it is about
	rec    string
}

// text is what the title screen shows of the record: SPF and DMARC as
// published, a DKIM key as its algorithm (the base64 key says nothing).
func (a authRecord) text(r *renderer) string {
	if a.label != "DKIM" {
		return a.rec
	}
	s := r.t(lDKIMKey)
	for tag := range strings.SplitSeq(a.rec, ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(tag), "="); ok && strings.TrimSpace(k) == "k" {
			s += r.t(lParen) + "k=" + strings.TrimSpace(v) + ")"
		}
	}
	return s
}

// authTXT picks the TXT records of SPF (RFC 7208 4.5: "v=spf1" at the
// domain), DKIM keys (RFC 6376 3.6.2.1: at <selector>._domainkey.<domain>)
// and DMARC (RFC 7489 6.1: at _dmarc.<domain>), ordered by the domain they
// are about and then SPF, DKIM, DMARC: the order a receiver checks them in.
func authTXT(txt []trace.TXT) []authRecord {
	var recs []authRecord
	for _, t := range txt {
		name := strings.TrimSuffix(strings.ToLower(t.Name), ".")
		a := authRecord{name: name, domain: name, rec: t.Text}
		lower := strings.ToLower(strings.TrimSpace(t.Text))
		switch _, dom, dkim := strings.Cut(name, "._domainkey."); {
		case strings.HasPrefix(name, "_dmarc."):
			a.label, a.rank, a.domain = "DMARC", 2, strings.TrimPrefix(name, "_dmarc.")
		case dkim:
			a.label, a.rank, a.domain = "DKIM", 1, dom
		case lower == "v=spf1" || strings.HasPrefix(lower, "v=spf1 "):
			a.label = "SPF"
		default:
			continue
		}
		recs = append(recs, a)
	}
	slices.SortStableFunc(recs, func(a, b authRecord) int {
		if c := strings.Compare(a.domain, b.domain); c != 0 {
			return c
		}
		if c := a.rank - b.rank; c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	return recs
}
