package player

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// The fixture world is the OP25B lesson: a home network behind an ISP router
// that blocks TCP/25 to the outside, the ISP's submission server, the
// recipient's MX with POP3, and a DNS server.
func fixtureTopology() *trace.Topology {
	ip := netip.MustParseAddr
	return &trace.Topology{
		ID:    "op25b",
		Title: i18n.T("OP25B: why a home PC cannot send on port 25", "OP25B: 家庭のPCから25番ポートで送信できない理由"),
		Exams: []string{"FE", "AP", "SC"},
		Hosts: []trace.Host{
			{Name: "alice-pc", IP: ip("203.0.113.10"), Network: "isp-home"},
			{Name: "bot-pc", IP: ip("203.0.113.66"), Network: "isp-home"},
			{Name: "mail.isp.example", IP: ip("198.51.100.25"), Roles: []string{"smtp:25", "smtp:587"}},
			{Name: "mx.example.jp", IP: ip("192.0.2.25"), Roles: []string{"smtp:25", "pop3:110"}},
			{Name: "ns.example", IP: ip("192.0.2.53"), Roles: []string{"dns:53"}},
			{Name: "bob-pc", IP: ip("192.0.2.100")},
		},
		Networks: []trace.Network{{
			Name: "isp-home", CIDR: netip.MustParsePrefix("203.0.113.0/24"), Dynamic: true, Router: "isp-gw",
			Filters: []i18n.Text{i18n.T("OP25B: TCP/25 out only to mail.isp.example", "OP25B: 外向きTCP/25はmail.isp.exampleのみ許可")},
		}},
		Steps: []i18n.Text{
			i18n.T("Why OP25B exists", "OP25Bがある理由"),
			i18n.T("bot-pc sends straight to mx.example.jp:25", "bot-pcがmx.example.jp:25へ直接送信"),
			i18n.T("alice-pc submits on port 587 with SMTP-AUTH", "alice-pcがサブミッションポート(587番ポート)へSMTP-AUTHを使って送信"),
			i18n.T("bob-pc fetches with POP3", "bob-pcがPOP3で受信"),
			i18n.T("alice-pc tries port 587 on the MX", "alice-pcがMXの587番ポートに接続を試みる"),
		},
	}
}

// builder makes events the way the engine does, in order, with virtual time.
type builder struct {
	topo   *trace.Topology
	events []trace.Event
	at     time.Duration
	step   int
	conn   int
	port   uint16
}

func (b *builder) emit(e trace.Event) {
	e.Seq, e.At, e.Step = len(b.events), b.at, b.step
	b.events = append(b.events, e)
}

func (b *builder) wait(d time.Duration) { b.at += d }

func (b *builder) ep(host string, port uint16) trace.Endpoint {
	h, _ := b.topo.HostByName(host)
	return trace.Endpoint{Host: host, IP: h.IP, Port: port}
}

func (b *builder) beginStep(n int) {
	b.step = n
	b.emit(trace.Event{Kind: trace.Step, Text: i18n.Literal(b.topo.Steps[n])})
}

// connect opens a connection from client to server:port and returns its
// ends and number, with the SYN (and, when accepted, the SYN-ACK and the
// client's ACK) emitted.
func (b *builder) connect(client, server string, port uint16, accept bool) (c, s trace.Endpoint, conn int) {
	b.conn++
	b.port++
	c, s = b.ep(client, 49151+b.port), b.ep(server, port)
	b.wait(time.Millisecond)
	b.emit(trace.Event{Kind: trace.Connect, Conn: b.conn, Proto: serviceProto(s.Port), Dir: trace.ClientToServer, Src: c, Dst: s})
	if accept {
		b.wait(time.Millisecond)
		b.emit(trace.Event{Kind: trace.Accept, Conn: b.conn, Proto: serviceProto(s.Port), Dir: trace.ServerToClient, Src: s, Dst: c})
		b.emit(trace.Event{Kind: trace.Ack, Conn: b.conn, Proto: serviceProto(s.Port), Dir: trace.ClientToServer, Src: c, Dst: s})
	}
	return c, s, b.conn
}

// snap states the server's session after a reply, as the engine records it
// from the server core: it follows the reply's last line in a dialogue and
// says what changed since the previous snapshot.
type snap struct {
	state   string
	changes []func(*trace.Session)
}

// after makes the snapshot in state with the changes applied.
func after(state string, changes ...func(*trace.Session)) snap { return snap{state, changes} }

// What the server cores report, one fact at a time.
func helo(name string) func(*trace.Session)  { return func(s *trace.Session) { s.Helo = name } }
func authUser(u string) func(*trace.Session) { return func(s *trace.Session) { s.AuthUser = u } }
func mailFrom(a string) func(*trace.Session) {
	return func(s *trace.Session) { s.InMail, s.From = true, a }
}
func rcpt(a string) func(*trace.Session) {
	return func(s *trace.Session) { s.Rcpts = append(s.Rcpts, a) }
}
func rejected(a string) func(*trace.Session) {
	return func(s *trace.Session) { s.Rejected = append(s.Rejected, a) }
}

// accepted: RFC 5321 4.2.5, the server took the message and the transaction ends.
func accepted(s *trace.Session) {
	s.Accepted++
	s.InMail, s.From, s.Rcpts, s.Rejected = false, "", nil, nil
}
func user(u string) func(*trace.Session) { return func(s *trace.Session) { s.User = u } }
func login(msgs, octets int) func(*trace.Session) {
	return func(s *trace.Session) { s.LoggedIn, s.Messages, s.Octets = true, msgs, octets }
}
func retrieved(n int) func(*trace.Session) {
	return func(s *trace.Session) { s.Retrieved = append(s.Retrieved, n) }
}
func marked(n int) func(*trace.Session) {
	return func(s *trace.Session) { s.Marked = append(s.Marked, n) }
}
func deleted(n int) func(*trace.Session) { return func(s *trace.Session) { s.Deleted = n } }

// dialogue emits an SMTP or POP3 session. Each string starts "C: " or "S: ";
// a client line after 354 is message text until ".". The last line of every
// reply is followed by a snap: the server's session state after it.
func (b *builder) dialogue(proto trace.Proto, c, s trace.Endpoint, conn int, lines ...any) {
	verb, inData, multi := "", false, false
	var sess trace.Session
	needSnap := false
	for _, item := range lines {
		if sn, ok := item.(snap); ok {
			last := &b.events[len(b.events)-1]
			if !needSnap || last.Dir != trace.ServerToClient || !last.Tag.Last {
				panic("a snap follows the last line of a reply, once")
			}
			sess = copySession(sess)
			sess.State = sn.state
			for _, f := range sn.changes {
				f(&sess)
			}
			snapshot := sess
			last.Session = &snapshot
			needSnap = false
			continue
		}
		l := item.(string)
		if needSnap {
			panic("no snap after the reply before " + strconv.Quote(l))
		}
		text := l[3:]
		if strings.HasPrefix(l, "C: ") {
			b.wait(2 * time.Millisecond)
			e := trace.Event{Kind: trace.Line, Conn: conn, Proto: proto, Dir: trace.ClientToServer, Src: c, Dst: s, Line: text}
			e.Tag.Last = true
			switch {
			case inData:
				e.Tag.Kind = trace.MessageText
				if text == "." {
					inData = false
				}
			default:
				verb = strings.ToUpper(firstField(text))
				e.Tag.Kind, e.Tag.Verb = trace.Command, verb
			}
			b.emit(e)
			continue
		}
		b.wait(time.Millisecond)
		e := trace.Event{Kind: trace.Line, Conn: conn, Proto: proto, Dir: trace.ServerToClient, Src: s, Dst: c, Line: text}
		if proto == trace.SMTP {
			code, enh, _, last, err := smtp.ParseReplyLine(text)
			if err != nil {
				panic(err)
			}
			e.Tag.Kind, e.Tag.Code, e.Tag.Enhanced, e.Tag.Last = trace.Reply, code, enh, last
			if e.Tag.Code == 354 {
				inData = true
			}
		} else {
			e.Tag.Kind = trace.Body
			switch {
			case strings.HasPrefix(text, "+OK") && !multi:
				e.Tag.Kind, e.Tag.Status = trace.StatusLine, trace.OK
				multi = verb == "LIST" || verb == "RETR" || verb == "UIDL" || verb == "TOP"
			case strings.HasPrefix(text, "-ERR") && !multi:
				e.Tag.Kind, e.Tag.Status = trace.StatusLine, trace.Err
			}
			e.Tag.Last = !multi || text == "."
			if text == "." {
				multi = false
			}
		}
		b.emit(e)
		needSnap = e.Tag.Last
	}
	if needSnap {
		panic("no snap after the last reply")
	}
}

// copySession copies a snapshot, its lists included: snapshots are never
// changed once emitted.
func copySession(s trace.Session) trace.Session {
	s.Rcpts = slices.Clone(s.Rcpts)
	s.Rejected = slices.Clone(s.Rejected)
	s.Retrieved = slices.Clone(s.Retrieved)
	s.Marked = slices.Clone(s.Marked)
	return s
}

func (b *builder) close(from, to trace.Endpoint, conn int) {
	b.wait(time.Millisecond)
	b.emit(trace.Event{Kind: trace.Close, Conn: conn, Proto: serviceProto(min(to.Port, from.Port)), Src: from, Dst: to})
}

func (b *builder) expect(ok bool, text i18n.Text) {
	b.emit(trace.Event{Kind: trace.Expect, OK: ok, Text: i18n.Literal(text)})
}

// fixtureEvents is a whole run of the OP25B scenario.
func fixtureEvents(topo *trace.Topology) []trace.Event {
	b := &builder{topo: topo}

	b.beginStep(0)
	b.emit(trace.Event{Kind: trace.Narration, Text: i18n.Literal(i18n.T(
		"A bot on a home line tries to deliver spam straight to the recipient's MX. The ISP's router stands in the way: OP25B drops TCP port 25 leaving its dynamic IP range.",
		"ボットに感染した家庭のPCが、受信者のMXへ直接スパムメールを送ろうとします。ISPのルータがそれを止めます。OP25Bは、動的IPアドレスの範囲から外部の25番ポートへ向かう通信を遮断します。"))})

	b.beginStep(1)
	c, s, conn := b.connect("bot-pc", "mx.example.jp", 25, false)
	b.emit(trace.Event{Kind: trace.Drop, Conn: conn, Proto: serviceProto(s.Port), Dir: trace.ClientToServer, Src: c, Dst: s, Router: "isp-gw", Rule: trace.OP25B,
		Text: i18n.Literal(i18n.T("isp-gw dropped the SYN: OP25B blocks TCP/25 from the dynamic range to outside hosts",
			"isp-gwがSYNを破棄: OP25Bにより動的IPから外部への25番ポート宛て通信は遮断"))})
	b.wait(30 * time.Second)
	b.emit(trace.Event{Kind: trace.Timeout, Conn: conn, Proto: serviceProto(s.Port), Dir: trace.ClientToServer, Src: c, Dst: s,
		Text: i18n.Literal(i18n.T("bot-pc gave up after 30 s: no answer to its SYN", "bot-pcは30秒であきらめた: SYNに応答なし"))})
	b.expect(true, i18n.T("blocked by isp-home's router", "isp-homeのルータで遮断"))

	b.beginStep(2)
	c, s, conn = b.connect("alice-pc", "mail.isp.example", 587, true)
	b.dialogue(trace.SMTP, c, s, conn,
		"S: 220 mail.isp.example ESMTP ready", after("CONNECTED"),
		"C: EHLO alice-pc",
		"S: 250-mail.isp.example",
		"S: 250-AUTH PLAIN LOGIN",
		"S: 250-SIZE 10240000",
		"S: 250 ENHANCEDSTATUSCODES", after("READY", helo("alice-pc")),
		"C: AUTH PLAIN AGFsaWNlAHNlY3JldA==",
		"S: 235 2.7.0 Authentication successful", after("READY", authUser("alice")),
		"C: MAIL FROM:<alice@isp.example>",
		"S: 250 2.1.0 Ok", after("MAIL", mailFrom("alice@isp.example")),
		"C: RCPT TO:<bob@example.jp>",
		"S: 250 2.1.5 Ok", after("RCPT", rcpt("bob@example.jp")),
		"C: RCPT TO:<carol@example.jp>",
		"S: 250 2.1.5 Ok", after("RCPT", rcpt("carol@example.jp")),
		"C: DATA",
		"S: 354 End data with <CR><LF>.<CR><LF>", after("DATA"),
		"C: From: Alice <alice@isp.example>",
		"C: To: Bob <bob@example.jp>",
		"C: Subject: Hello",
		"C: ",
		"C: Hi Bob, this went through the submission port.",
		"C: .",
		"S: 250 2.0.0 Ok: queued as 1A2B3C", after("READY", accepted),
		"C: QUIT",
		"S: 221 2.0.0 Bye", after("CLOSED"),
	)
	b.close(s, c, conn)
	b.emit(trace.Event{Kind: trace.Queue, Src: b.ep("mail.isp.example", 0), Line: "<bob@example.jp>, <carol@example.jp>",
		Text: i18n.Literal(i18n.T("queued for relay to example.jp", "example.jp宛てに中継キューへ格納"))})
	// DNS over UDP: a connection number for the exchange, no handshake.
	b.conn++
	mta, ns := b.ep("mail.isp.example", 53001), b.ep("ns.example", 53)
	b.wait(time.Millisecond)
	b.emit(trace.Event{Kind: trace.Line, Conn: b.conn, Proto: trace.DNS, Dir: trace.ClientToServer, Src: mta, Dst: ns,
		Line: "QUERY MX example.jp.", Tag: trace.Tag{Kind: trace.Query, Verb: "QUERY", Query: "MX example.jp", Last: true}})
	b.wait(time.Millisecond)
	b.emit(trace.Event{Kind: trace.Line, Conn: b.conn, Proto: trace.DNS, Dir: trace.ServerToClient, Src: ns, Dst: mta,
		Line: "ANSWER NOERROR 1 record", Tag: trace.Tag{Kind: trace.Answer, Query: "MX example.jp", RCode: "NOERROR"}})
	b.emit(trace.Event{Kind: trace.Line, Conn: b.conn, Proto: trace.DNS, Dir: trace.ServerToClient, Src: ns, Dst: mta,
		Line: "example.jp. 3600 IN MX 10 mx.example.jp.", Tag: trace.Tag{Kind: trace.Answer, Query: "MX example.jp", Last: true}})
	c, s, conn = b.connect("mail.isp.example", "mx.example.jp", 25, true)
	b.dialogue(trace.SMTP, c, s, conn,
		"S: 220 mx.example.jp ESMTP", after("CONNECTED"),
		"C: EHLO mail.isp.example",
		"S: 250-mx.example.jp",
		"S: 250 ENHANCEDSTATUSCODES", after("READY", helo("mail.isp.example")),
		"C: MAIL FROM:<alice@isp.example>",
		"S: 250 2.1.0 Ok", after("MAIL", mailFrom("alice@isp.example")),
		"C: RCPT TO:<bob@example.jp>",
		"S: 250 2.1.5 Ok", after("RCPT", rcpt("bob@example.jp")),
		"C: RCPT TO:<carol@example.jp>",
		"S: 550 5.1.1 <carol@example.jp>: Recipient address rejected: User unknown in local recipient table",
		after("RCPT", rejected("<carol@example.jp> 550")),
		"C: DATA",
		"S: 354 End data with <CR><LF>.<CR><LF>", after("DATA"),
		"C: Received: from alice-pc (alice-pc [203.0.113.10]) by mail.isp.example with ESMTPA id 1A2B3C for <bob@example.jp>",
		"C: From: Alice <alice@isp.example>",
		"C: Subject: Hello",
		"C: ",
		"C: Hi Bob, this went through the submission port.",
		"C: .",
		"S: 250 2.0.0 Ok: queued as 9Z8Y7X", after("READY", accepted),
		"C: QUIT",
		"S: 221 2.0.0 Bye", after("CLOSED"),
	)
	b.close(s, c, conn)
	b.emit(trace.Event{Kind: trace.Deliver, Src: b.ep("mx.example.jp", 0), Line: "bob@example.jp",
		Text: i18n.Literal(i18n.T("delivered to bob's mailbox", "bobのメールボックスに配送"))})
	b.emit(trace.Event{Kind: trace.Bounce, Src: b.ep("mail.isp.example", 0), Line: "alice@isp.example",
		Text: i18n.Literal(i18n.T("bounce for <carol@example.jp> sent to the envelope From <alice@isp.example>",
			"carol@example.jp宛てのバウンスメールをエンベロープFrom(alice@isp.example)へ送信"))})
	b.expect(true, i18n.T("delivered to bob@example.jp", "bob@example.jpのメールボックスへ配送"))
	b.expect(false, i18n.T("delivered to carol@example.jp", "carol@example.jpのメールボックスへ配送"))

	b.beginStep(3)
	c, s, conn = b.connect("bob-pc", "mx.example.jp", 110, true)
	b.dialogue(trace.POP3, c, s, conn,
		"S: +OK POP3 server ready", after("AUTHORIZATION"),
		"C: USER bob",
		"S: +OK", after("AUTHORIZATION", user("bob")),
		"C: PASS hunter2",
		"S: +OK bob's maildrop has 2 messages (640 octets)", after("TRANSACTION", login(2, 640)),
		"C: STAT",
		"S: +OK 2 640", after("TRANSACTION"),
		"C: LIST",
		"S: +OK 2 messages (640 octets)",
		"S: 1 320",
		"S: 2 320",
		"S: .", after("TRANSACTION"),
		"C: RETR 1",
		"S: +OK 320 octets",
		"S: Return-Path: <alice@isp.example>",
		"S: Subject: Hello",
		"S: ",
		"S: Hi Bob, this went through the submission port.",
		"S: .", after("TRANSACTION", retrieved(1)),
		"C: DELE 1",
		"S: +OK message 1 deleted", after("TRANSACTION", marked(1)),
		"C: DELE 2",
		"S: +OK message 2 deleted", after("TRANSACTION", marked(2)),
		"C: QUIT",
		"S: +OK bob POP3 server signing off (maildrop empty)", after("UPDATE", deleted(2)),
	)
	b.close(s, c, conn)
	b.expect(true, i18n.T("retrieved 1 message", "1通を受信"))

	b.beginStep(4)
	c, s, conn = b.connect("alice-pc", "mx.example.jp", 587, false)
	b.wait(time.Millisecond)
	b.emit(trace.Event{Kind: trace.Refused, Conn: conn, Proto: trace.TCP, Dir: trace.ServerToClient, Src: s, Dst: c,
		Text: i18n.Literal(i18n.T("connection refused: mx.example.jp does not listen on 587", "接続拒否: mx.example.jpは587番ポートで待ち受けていない"))})
	return b.events
}

// fixtureExplain stands in for sim/explain: a few entries keyed by verb,
// reply code and enhanced status code.
func fixtureExplain(e *trace.Event, cmd string) []Explanation {
	var out []Explanation
	if e.Kind != trace.Line || e.Tag.Kind == trace.MessageText {
		return nil
	}
	if e.Dir == trace.ClientToServer && cmd != "" {
		panic("a client line answers no command")
	}
	if e.Tag.Enhanced == "5.1.1" {
		out = append(out, Explanation{Key: "5.1.1",
			Title: i18n.T("5.1.1 Bad destination mailbox address", "5.1.1 宛先メールボックスのアドレス誤り"),
			Text:  i18n.T("The mailbox named in RCPT TO does not exist on this server.", "RCPT TOで指定したメールボックスは、このサーバに存在しない。"),
			Cause: i18n.T("A typo in the address, or the user left.", "アドレスの打ち間違い、または利用者の退職など。"),
			Fix:   i18n.T("Check the address with the recipient.", "受信者にアドレスを確かめる。"),
			RFC:   i18n.T("RFC 3463 3.2", "RFC 3463 3.2")})
	}
	switch {
	case e.Tag.Code == 550:
		out = append(out, Explanation{Key: "550",
			Title: i18n.T("550 Requested action not taken: mailbox unavailable", "550 メールボックス利用不可"),
			Text: i18n.T("A permanent failure: the client must not retry this recipient. The other recipients still get the message (RFC 5321 Appendix D.1).",
				"恒久的エラーである。クライアントはこの宛先に再送しないが、ほかの宛先には配送される(RFC 5321の付録D.1)。"),
			RFC: i18n.T("RFC 5321 4.2.2", "RFC 5321 4.2.2")})
	case e.Tag.Verb == "EHLO":
		out = append(out, Explanation{Key: "EHLO",
			Title: i18n.T("EHLO: open an ESMTP session", "EHLO: ESMTPセッションの開始"),
			Text:  i18n.T("The client names itself and asks which extensions the server offers.", "クライアントが自分の名前を名乗り、サーバが対応する拡張機能を尋ねる。"),
			RFC:   i18n.T("RFC 5321 4.1.1.1", "RFC 5321 4.1.1.1")})
	case e.Tag.Code == 250:
		out = append(out, Explanation{Key: "250",
			Title: i18n.T("250 Requested mail action okay, completed", "250 要求されたメール操作は完了"),
			Text:  i18n.T("Success.", "成功した。"), RFC: i18n.T("RFC 5321 4.2.2", "RFC 5321 4.2.2")})
	}
	// What the reply means for the command it answers.
	switch {
	case cmd == "RCPT" && e.Tag.Code == 550:
		out = append(out, Explanation{Key: "SMTP RCPT",
			Title:   i18n.T("RCPT TO: name one recipient", "RCPT TO: 宛先を1つ指定"),
			Text:    i18n.T("The client names one recipient of the envelope.", "クライアントがエンベロープToに宛先を1つ指定する。"),
			Outcome: i18n.T("This recipient is refused; the others stay in the transaction.", "この宛先は拒否された。ほかの宛先はトランザクションに残る。"),
			RFC:     i18n.T("RFC 5321 4.1.1.3", "RFC 5321 4.1.1.3")})
	case cmd == "DELE" && e.Tag.Status == trace.OK:
		out = append(out, Explanation{Key: "POP3 DELE",
			Title:   i18n.T("DELE: mark a message as deleted", "DELE: メールに削除マークを付ける"),
			Text:    i18n.T("The server marks the message; it is removed in the UPDATE state.", "サーバはメールに削除マークを付け、UPDATE状態で削除する。"),
			Outcome: i18n.T("Marked. Nothing is removed until QUIT.", "削除マークを付けた。QUITまでは削除されない。"),
			RFC:     i18n.T("RFC 1939 5", "RFC 1939 5")})
	}
	return out
}

// serviceProto is the protocol the engine states on the TCP events of a
// connection to port: the service that listens there in these fixtures.
func serviceProto(port uint16) trace.Proto {
	switch port {
	case 25, 587:
		return trace.SMTP
	case 110:
		return trace.POP3
	}
	return trace.TCP
}
