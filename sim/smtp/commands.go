package smtp

import (
	"strconv"
	"strings"
)

// ehlo answers EHLO (RFC 5321 4.1.1.1) with the Postfix-shaped list of
// extensions, one a line.
func (s *Server) ehlo(arg string) Result {
	if arg == "" {
		return Result{Reply: replySyntaxEHLO}
	}
	s.greeted(arg, true)
	return Result{Reply: Reply{Code: C250Completed, Lines: s.ehloReply()}}
}

// ehloReply returns the lines of the EHLO reply, made anew only when what
// they say has changed since the last time.
func (s *Server) ehloReply() []string {
	k := ehloKey{host: s.cfg.hostname(), size: s.cfg.maxSize(), startTLS: s.cfg.StartTLS && !s.tls, auth: s.offersAuth()}
	m := s.made
	if m != nil {
		for i := range m.ehlo {
			if e := &m.ehlo[i]; e.lines != nil && e.key == k {
				return e.lines
			}
		}
	}
	lines := make([]string, 0, 8)
	lines = append(lines, k.host,
		// RFC 2920: the core answers every line in order and keeps no input
		// buffer of its own, so pipelined commands are handled as if sent
		// one by one; a driver only has to send the replies in order.
		"PIPELINING",
		"SIZE "+strconv.Itoa(k.size)) // RFC 1870 4
	if k.startTLS {
		lines = append(lines, "STARTTLS") // RFC 3207 4; not again inside TLS (4.2)
	}
	if k.auth {
		lines = append(lines, "AUTH PLAIN LOGIN") // RFC 4954 3
	}
	lines = append(lines, "ENHANCEDSTATUSCODES", "8BITMIME", "SMTPUTF8") // RFC 2034, 6152, 6531
	// RFC 2034 4: no enhanced codes in the EHLO reply.
	if m != nil {
		m.ehlo[m.nextEHLO] = ehloReply{k, lines}
		m.nextEHLO = (m.nextEHLO + 1) % replyCache
	}
	return lines
}

// heloCmd answers HELO (RFC 5321 4.1.1.1): the old greeting, no extensions.
func (s *Server) heloCmd(arg string) Result {
	if arg == "" {
		return Result{Reply: replySyntaxHELO}
	}
	s.greeted(arg, false)
	return Result{Reply: Reply{Code: C250Completed, Lines: []string{s.cfg.hostname()}}}
}

// greeted records a HELO/EHLO. RFC 5321 4.1.4: a new EHLO/HELO resets any
// transaction, like RSET; an AUTH identity stays (RFC 4954 4 resets only
// when a security layer starts).
func (s *Server) greeted(helo string, esmtp bool) {
	s.resetTransaction()
	s.helo = helo
	s.esmtp = esmtp
	s.state = StateReady
}

// mail answers MAIL FROM (RFC 5321 4.1.1.2).
func (s *Server) mail(arg string) Result {
	switch s.state {
	case StateConnected:
		return Result{Reply: replySendHelo}
	case StateMail, StateRcpt:
		return Result{Reply: replyNestedMail}
	}
	rest, ok := cutPrefixFold(arg, "FROM:")
	if !ok {
		return Result{Reply: replySyntaxMAIL}
	}
	addr, params, ok := parsePath(rest)
	// RFC 5321 4.1.2: a reverse-path is <> or a full mailbox; only RCPT
	// may name a bare <Postmaster>.
	if !ok || (addr != "" && !strings.Contains(addr, "@")) {
		return Result{Reply: replyBadSender}
	}
	for params != "" {
		var p string
		p, params = nextParam(params)
		if r, bad := s.mailParam(p); bad {
			return Result{Reply: r}
		}
	}
	if s.cfg.QueueFull != nil && s.cfg.QueueFull() {
		// Postfix checks its queue's free space at MAIL, before the
		// client sends anything it could not keep (RFC 5321 4.2.2: 452).
		return Result{Reply: replyQueueFull}
	}
	s.from = addr
	s.state = StateMail
	return Result{Reply: replySenderOk}
}

// mailParam checks one ESMTP parameter of MAIL; bad is true when r is the
// rejection.
func (s *Server) mailParam(p string) (r Reply, bad bool) {
	key, value, hasValue := strings.Cut(p, "=")
	switch {
	case strings.EqualFold(key, "SIZE") && hasValue:
		// RFC 1870 6: size-value = 1*20DIGIT; over the limit is 552.
		n, ok := parseSize(value)
		if !ok {
			return replyBadSize, true
		}
		if n > uint64(s.cfg.maxSize()) {
			return replySizeExceeded, true
		}
	case strings.EqualFold(key, "BODY") && hasValue:
		// RFC 6152 2: BODY=7BIT or BODY=8BITMIME.
		if !strings.EqualFold(value, "7BIT") && !strings.EqualFold(value, "8BITMIME") {
			return replyBadBody, true
		}
	case strings.EqualFold(key, "SMTPUTF8") && !hasValue:
		// RFC 6531 3.4: the message may carry UTF-8 addresses and headers.
	case strings.EqualFold(key, "AUTH") && hasValue && s.cfg.authEnabled():
		// RFC 4954 5: a server that advertises AUTH MUST accept AUTH=
		// even from an unauthenticated client; treating every client as
		// insufficiently trusted, it is parsed and dropped.
	default:
		// RFC 5321 4.1.1.11: a parameter the server does not know is 555.
		return replyUnsupportedOption(p), true
	}
	return Reply{}, false
}

// parseSize parses RFC 1870's size-value; values past uint64 saturate.
func parseSize(v string) (uint64, bool) {
	if v == "" || len(v) > 20 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n > (^uint64(0)-9)/10 {
			n = ^uint64(0)
			continue
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// rcpt answers RCPT TO (RFC 5321 4.1.1.3): local domain and mailbox check,
// else the relay policy (RFC 5321 3.6, 7.9; RFC 2505).
func (s *Server) rcpt(arg string) Result {
	if s.state != StateMail && s.state != StateRcpt {
		return Result{Reply: replyNeedMail}
	}
	rest, ok := cutPrefixFold(arg, "TO:")
	if !ok {
		return Result{Reply: replySyntaxRCPT}
	}
	addr, params, ok := parsePath(rest)
	if !ok || addr == "" {
		return Result{Reply: replyBadRcpt}
	}
	if params != "" {
		// No RCPT parameter is supported (no DSN): RFC 5321 4.1.1.11.
		p, _ := nextParam(params)
		return Result{Reply: replyUnsupportedOption(p)}
	}
	// RFC 5321 4.5.3.1.10: too many recipients is 452, not 552.
	if len(s.to) >= s.cfg.maxRecipients() {
		// RFC 5321 3.3 has the client go on and send these recipients in
		// a later transaction, so like Postfix (smtpd_recipient_overshoot_limit)
		// the first RecipientOvershoot of them are not counted as errors.
		s.overshoot++
		s.excused = s.overshoot <= RecipientOvershoot
		return Result{Reply: replyTooManyRcpts}
	}
	var r Reply
	if strings.LastIndexByte(addr, '@') < 0 {
		// RFC 5321 4.1.1.3: <Postmaster> without a domain MUST be accepted;
		// parsePath lets no other bare local part through.
		addr = "postmaster@" + s.postmasterDomain()
	} else {
		r = s.rcptCheck(addr)
	}
	if r.Code != 0 {
		s.refused = append(s.refused, "<"+addr+"> "+strconv.Itoa(r.Code))
		return Result{Reply: r}
	}
	s.to = append(s.to, addr)
	s.state = StateRcpt
	return Result{Reply: replyRcptOk}
}

// rcptCheck decides whether the server takes a forward-path: a zero Reply
// when it does, the refusal otherwise.
func (s *Server) rcptCheck(addr string) Reply {
	at := strings.LastIndexByte(addr, '@')
	switch {
	case s.cfg.isLocal(addr[at+1:]):
		// RFC 5321 4.5.1: postmaster exists in every domain the server
		// delivers for, whatever the mailbox table says.
		if !strings.EqualFold(addr[:at], "postmaster") && s.cfg.Mailbox != nil && !s.cfg.Mailbox(addr) {
			return replyUnknownUser(addr)
		}
	case s.cfg.isRelayDomain(addr[at+1:]):
		// A backup MX takes mail for the domain from anyone and passes it
		// on; whether the mailbox exists is for the final server to say.
	case !s.relayAllowed():
		return replyRelayDenied(addr)
	}
	return Reply{}
}

func (s *Server) postmasterDomain() string {
	if len(s.cfg.Domains) > 0 {
		return s.cfg.Domains[0]
	}
	return s.cfg.hostname()
}

// relayAllowed applies the relay policy to this session's client.
func (s *Server) relayAllowed() bool {
	switch s.cfg.Relay {
	case RelayAnyone:
		return true
	case RelayAuthenticated:
		return s.user != ""
	case RelayMyNetworks:
		ip := s.peer.IP.Unmap()
		for _, p := range s.cfg.MyNetworks {
			if p.Contains(ip) {
				return true
			}
		}
	case RelayPOPBeforeSMTP:
		// The permission belongs to the address, not to a login in this
		// session: whoever shares the address (a NAT) shares it.
		return s.cfg.RecentPOP != nil && s.cfg.RecentPOP(s.peer.IP.Unmap())
	}
	return false
}

// dataCmd answers DATA (RFC 5321 4.1.1.4).
func (s *Server) dataCmd(arg string) Result {
	if s.state != StateRcpt {
		return Result{Reply: replyNeedRcpt}
	}
	if arg != "" {
		return Result{Reply: replySyntaxDATA}
	}
	s.state = StateData
	return Result{Reply: replyStartData}
}

// rset answers RSET (RFC 5321 4.1.1.5): the transaction is dropped, the
// greeting kept.
func (s *Server) rset(arg string) Result {
	if arg != "" {
		return Result{Reply: replySyntaxRSET}
	}
	s.resetTransaction()
	if s.state != StateConnected {
		s.state = StateReady
	}
	return Result{Reply: replyOk}
}

// noop answers NOOP (RFC 5321 4.1.1.9), whose argument is ignored.
func (s *Server) noop(string) Result { return Result{Reply: replyOk} }

// quit answers QUIT (RFC 5321 4.1.1.10) and closes; the transaction is
// dropped.
func (s *Server) quit(string) Result {
	s.resetTransaction()
	s.state = StateClosed
	return Result{Reply: replyBye, Close: true}
}

// vrfy answers VRFY (RFC 5321 3.5.3, 4.1.1.6) the way Postfix does: the
// address goes through the same checks as RCPT TO, so a local mailbox gets
// "252 2.0.0 <argument>" (RFC 5321 3.5.3: 252 when the server will not
// say more), an unknown one "550 5.1.1", a domain it will not relay to
// "554 5.7.1"; with DisableVRFY every VRFY gets 502 5.5.1 (RFC 5321 7.3:
// servers may disable it to stop address harvesting).
func (s *Server) vrfy(arg string) Result {
	if s.cfg.DisableVRFY {
		return Result{Reply: replyVRFYDisabled}
	}
	if arg == "" {
		return Result{Reply: replySyntaxVRFY}
	}
	addr := arg
	if strings.HasPrefix(addr, "<") {
		a, params, ok := parsePath(addr)
		if !ok || params != "" {
			return Result{Reply: replyBadRcpt}
		}
		addr = a
	}
	if addr != "" && strings.LastIndexByte(addr, '@') < 0 {
		// Postfix completes a bare local part with its own domain.
		addr += "@" + s.postmasterDomain()
	}
	if addr == "" || !validMailbox(addr) {
		return Result{Reply: replyBadRcpt}
	}
	if r := s.rcptCheck(addr); r.Code != 0 {
		return Result{Reply: r}
	}
	return Result{Reply: fixed(C252CannotVerify, E200Other, clip(arg, 200))}
}

// expn answers EXPN (RFC 5321 4.1.1.7): known, not implemented, since
// expanding a list gives its members' addresses away (RFC 5321 7.3).
func (s *Server) expn(string) Result { return Result{Reply: replyNoEXPN} }

// helpTopics is the syntax HELP <verb> shows, in the order HELP lists them.
var helpTopics = []struct{ verb, syntax string }{
	{VerbEHLO, "EHLO hostname"},
	{VerbHELO, "HELO hostname"},
	{VerbMAIL, "MAIL FROM:<address> [SIZE=n] [BODY=8BITMIME] [SMTPUTF8]"},
	{VerbRCPT, "RCPT TO:<address>"},
	{VerbDATA, "DATA"},
	{VerbRSET, "RSET"},
	{VerbNOOP, "NOOP"},
	{VerbQUIT, "QUIT"},
	{VerbVRFY, "VRFY address"},
	{VerbHELP, "HELP [command]"},
	{VerbAUTH, "AUTH mechanism [initial-response]"},
	{VerbSTARTTLS, "STARTTLS"},
}

// help answers HELP (RFC 5321 4.1.1.8) with 214, as Sendmail and Exim do
// (Postfix has no HELP): without an argument the commands this server
// takes, with one the syntax of that command, 504 for a topic it has none
// for.
func (s *Server) help(arg string) Result {
	offered := func(verb string) bool {
		switch verb {
		case VerbVRFY:
			return !s.cfg.DisableVRFY
		case VerbAUTH:
			return s.offersAuth()
		case VerbSTARTTLS:
			return s.cfg.StartTLS && !s.tls
		}
		return true
	}
	if arg != "" {
		for _, t := range helpTopics {
			if strings.EqualFold(arg, t.verb) && offered(t.verb) {
				return Result{Reply: fixed(C214Help, E200Other, t.syntax)}
			}
		}
		return Result{Reply: fixed(C504ParamNotImplemented, E554InvalidArguments, "HELP topic \""+clip(arg, 64)+"\" unknown")}
	}
	verbs := make([]string, 0, len(helpTopics))
	for _, t := range helpTopics {
		if offered(t.verb) {
			verbs = append(verbs, t.verb)
		}
	}
	return Result{Reply: Reply{Code: C214Help, Enhanced: E200Other,
		Lines: []string{"Commands supported:", strings.Join(verbs, " "), "End of HELP info"}}}
}

// startTLS answers STARTTLS (RFC 3207 4): 220, then the TLS handshake,
// which the driver runs when the Result says StartTLS.
func (s *Server) startTLS(arg string) Result {
	switch {
	case !s.cfg.StartTLS && !s.tls:
		return Result{Reply: replyNotImpl}
	case arg != "":
		// RFC 3207 4: "501 Syntax error (no parameters allowed)".
		return Result{Reply: replySyntaxTLS}
	case s.tls:
		// RFC 3207 4.2: STARTTLS is not advertised, nor accepted, inside TLS.
		return Result{Reply: replyTLSActive}
	case s.state == StateMail || s.state == StateRcpt:
		// Postfix will not start TLS in the middle of a transaction.
		return Result{Reply: replyTLSInTx}
	}
	return Result{Reply: replyReadyTLS, StartTLS: true}
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}
