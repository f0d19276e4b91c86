package explain

import "github.com/mailsim/mailsim/sim/i18n"

// tcpEntries explains the TCP events of a connection (RFC 9293) and the
// router drop of OP25B, which is operational practice, not an RFC.
var tcpEntries = []Entry{
	{
		Key:   keySYN,
		Title: i18n.T(`SYN: opening a TCP connection`, `SYN: TCP接続の開始`),
		Text: i18n.T(
			`The client sends a SYN to the server's port to start the three-way handshake (SYN, SYN-ACK, ACK). The port chooses the service: 25 for server-to-server mail, 587 for submission, 110 for POP3.`,
			`クライアントがサーバのポートへSYNを送り、3ウェイハンドシェイク(SYN、SYN-ACK、ACK)を始める。宛先ポート番号でサービスが決まる。25番ポートはサーバ間のメールの中継に、サブミッションポート(587番ポート)はメールソフトからの送信に、110番ポートはPOP3に使う。`),
		RFC: "RFC 9293 3.5",
	},
	{
		Key:   keySYNACK,
		Title: i18n.T(`SYN-ACK: the connection is established`, `SYN-ACK: 接続の確立`),
		Text: i18n.T(
			`The server answered the SYN, so something listens on that port. After the client's ACK the connection is open and the server speaks first: 220 for SMTP, +OK for POP3.`,
			`サーバがSYNに応えたので、そのポートで待ち受けているサービスがある。クライアントのACKで接続が確立し、サーバが先にあいさつする(SMTPなら220、POP3なら+OK)。`),
		RFC: "RFC 9293 3.5",
	},
	{
		Key:   keyDrop,
		Title: i18n.T(`SYN dropped by a router (OP25B)`, `ルータがSYNを破棄(OP25B)`),
		Text: i18n.T(
			`A router's egress filter discarded the SYN, so the server never saw it and the client waits until it times out. OP25B (Outbound Port 25 Blocking) drops TCP port 25 from an ISP's dynamic IP addresses to outside mail servers; the block is in the network before SMTP starts, so SMTP-AUTH on port 25 cannot get past it.`,
			`ルータの出口フィルタがSYNを捨てたため、サーバには届かず、クライアントはタイムアウトまで待つ。OP25B(Outbound Port 25 Blocking)は、ISPの動的IPアドレスから外部のメールサーバの25番ポートへの通信を遮断する。遮断はSMTPが始まる前にネットワークで行われるので、25番ポートではSMTP-AUTHを使っても通れない。`),
		Cause: i18n.T(
			`A PC on a home (dynamic IP) connection tried to send directly to another domain's mail server on port 25, the way spam-sending malware does.`,
			`家庭向け(動的IPアドレス)回線のPCが、他ドメインのメールサーバの25番ポートへ直接送ろうとした(ボットに感染したPCがスパムメールを送るのと同じ経路)。`),
		Fix: i18n.T(
			`Send through your provider's mail server on the submission port 587 with SMTP-AUTH; OP25B does not block port 587.`,
			`送信メールサーバのサブミッションポート(587番ポート)へ、SMTP-AUTHを使って送る。OP25Bは587番ポートを遮断しない。`),
		RFC: Practice + " (OP25B); RFC 5068 3",
	},
	{
		Key:   keyTimeout,
		Title: i18n.T(`Connection timed out`, `接続タイムアウト`),
		Text: i18n.T(
			`The client sent SYN, got no answer at all and gave up. Silence means the packet was lost or dropped on the way (a filter such as OP25B, or a host that is down); a closed port would have answered at once with RST.`,
			`クライアントはSYNを送ったが何の応答もなく、あきらめた。無応答は途中でパケットが失われたか捨てられた(OP25Bのようなフィルタや、停止したホスト)ことを示し、ポートが閉じているだけならすぐにRSTが返る。`),
		Cause: i18n.T(
			`The server is down or unreachable, or a filter such as a firewall or OP25B drops the packets without answering.`,
			`サーバが停止しているか到達できない、またはファイアウォールやOP25Bなどのフィルタが応答せずにパケットを捨てている。`),
		Fix: i18n.T(
			`Check the address and the port. An MTA keeps the message queued, tries the next MX host and retries later.`,
			`宛先のアドレスとポートを確かめる。MTAはメールをキューに残し、次のMXホストを試し、後で再送する。`),
		RFC: "RFC 9293 3.8.1; the time limit is " + Practice,
	},
	{
		Key:   keyRefused,
		Title: i18n.T(`Connection refused (RST)`, `接続拒否(RST)`),
		Text: i18n.T(
			`The host is up but nothing listens on that port, so its TCP answers the SYN with RST. Unlike a timeout, the answer comes at once.`,
			`ホストは動いているがそのポートで待ち受けるサービスがないため、TCPがSYNにRSTで答えた。タイムアウトと違い、応答はすぐに返る。`),
		Cause: i18n.T(
			`A wrong port number (such as 587 on a server that offers only 25), or the mail server program is not running.`,
			`ポート番号の誤り(25番ポートしか提供していないサーバへの587番ポートなど)か、メールサーバのプログラムが動いていない。`),
		Fix: i18n.T(
			`Check the port in the mail software's settings, and check that the server is running.`,
			`メールソフトの設定のポート番号と、サーバが動いているかを確かめる。`),
		RFC: "RFC 9293 3.5.2",
	},
	{
		Key:   keyFIN,
		Title: i18n.T(`Connection closed (FIN)`, `接続の終了(FIN)`),
		Text: i18n.T(
			`One side closes the TCP connection with FIN after the dialogue ends (after 221 in SMTP, after the reply to QUIT in POP3). A POP3 connection that closes before QUIT deletes nothing.`,
			`対話が終わると、片方がFINでTCP接続を閉じる(SMTPなら221の後、POP3ならQUITへの応答の後)。QUITの前に閉じたPOP3の接続では何も削除されない。`),
		RFC: "RFC 9293 3.6; RFC 1939 6",
	},
}

// portEntries explains the well-known ports of mail, which CompTIA Network+
// and the IPA exams ask about.
var portEntries = []Entry{
	{
		Key:   "port 25",
		Title: i18n.T(`Port 25: SMTP between servers`, `25番ポート: サーバ間のSMTP`),
		Text: i18n.T(
			`The port MTAs use to relay mail to each other and to deliver to a domain's MX. Servers do not log in to each other here, which is why ISPs block it from home connections (OP25B).`,
			`MTA同士がメールを中継し、ドメインのMXへ届けるためのポートである。サーバ間では認証しないため、ISPは家庭向け回線からの利用を遮断している(OP25B)。`),
		RFC: "RFC 5321 4.5.4.2",
	},
	{
		Key:   "port 587",
		Title: i18n.T(`Port 587: submission`, `587番ポート: サブミッションポート`),
		Text: i18n.T(
			`The port a mail program (MUA) uses to hand new mail to its own provider's server. The server requires SMTP-AUTH before it accepts mail, OP25B leaves the port open, and the session usually switches to TLS with STARTTLS.`,
			`メールソフト(MUA)が、自分の送信メールサーバへ新しいメールを送信するためのポートである。サーバはメールを受け付ける前にSMTP-AUTHを求める。OP25Bでも遮断されず、通常はSTARTTLSでTLSに切り替えて使う。`),
		RFC: "RFC 6409 3.1, 4.3",
	},
	{
		Key:   "port 465",
		Title: i18n.T(`Port 465: submission over TLS`, `465番ポート: 暗黙のTLSによる送信(SMTPS)`),
		Text: i18n.T(
			`Submission with TLS from the first byte (implicit TLS, often called SMTPS); otherwise the same as port 587, with SMTP-AUTH required. RFC 8314 recommends it over STARTTLS on 587.`,
			`最初からTLSで接続してメールを送信するためのポートである(暗黙のTLS、SMTPSとも呼ばれる)。それ以外は587番ポートと同じく、SMTP-AUTHが必要である。RFC 8314は、587番ポートでのSTARTTLSよりこちらを推奨している。`),
		RFC: "RFC 8314 3",
	},
	{
		Key:   "port 110",
		Title: i18n.T(`Port 110: POP3`, `110番ポート: POP3`),
		Text: i18n.T(
			`The port for POP3, which downloads mail from the mailbox on the server to the client. Without STLS, USER, PASS and the messages all travel in clear text.`,
			`サーバのメールボックスからクライアントへメールを受信するPOP3のポートである。STLSを使わなければ、USER、PASSもメールもすべて平文で流れる。`),
		RFC: "RFC 1939 3",
	},
	{
		Key:   "port 995",
		Title: i18n.T(`Port 995: POP3S`, `995番ポート: POP3S`),
		Text: i18n.T(
			`POP3 with TLS from the start (implicit TLS), so both the password and the mail are encrypted. APOP, by contrast, protects only the password.`,
			`最初からTLSで接続するPOP3(暗黙のTLS)で、パスワードもメールも暗号化される。APOPが守るのはパスワードだけである。`),
		RFC: "RFC 8314 3",
	},
	{
		Key:   "port 143",
		Title: i18n.T(`Port 143: IMAP`, `143番ポート: IMAP`),
		Text: i18n.T(
			`IMAP keeps mail on the server and lets several devices share folders and read flags, whereas POP3 downloads it. Without STARTTLS it travels in clear text.`,
			`IMAPはメールをサーバに置いたまま扱い、複数の端末でフォルダや既読の状態を共有できる(POP3はメールを受信して手元に移す)。STARTTLSを使わなければ平文で流れる。`),
		RFC: "RFC 9051",
	},
	{
		Key:   "port 993",
		Title: i18n.T(`Port 993: IMAPS`, `993番ポート: IMAPS`),
		Text: i18n.T(
			`IMAP with TLS from the start (implicit TLS): the login and the mail are encrypted.`,
			`最初からTLSで接続するIMAP(暗黙のTLS)で、認証情報もメールも暗号化される。`),
		RFC: "RFC 8314 3",
	},
	{
		Key:   "port 53",
		Title: i18n.T(`Port 53: DNS`, `53番ポート: DNS`),
		Text: i18n.T(
			`DNS queries such as MX, A and TXT go to port 53, usually over UDP. A mail server asks DNS before each delivery to find the recipient domain's MX.`,
			`MX、A、TXTなどのDNS問い合わせは53番ポートへ送られ、通常はUDPを使う。メールサーバは配送のたびにDNSで宛先ドメインのMXを調べる。`),
		RFC: "RFC 1035 4.2",
	},
}

// mtaEntries explains what an MTA does with a message between dialogues.
var mtaEntries = []Entry{
	{
		Key:   keyQueue,
		Title: i18n.T(`Queued for delivery or retry`, `キューに格納(配送待ち・再送待ち)`),
		Text: i18n.T(
			`The MTA keeps the message in its queue, to relay it to the next server or to try again after a 4xx reply or a timeout. Retries go on for days before the MTA gives up and sends a bounce.`,
			`MTAがメールをキューに保持する。次のサーバへ中継するため、または4xxの応答やタイムアウトの後で再送するためである。再送は何日も続き、それでも届かなければ、MTAは配送をあきらめてバウンスメールを返す。`),
		RFC: "RFC 5321 4.5.4.1",
	},
	{
		Key:   keyDeliver,
		Title: i18n.T(`Delivered to the mailbox`, `メールボックスへ配送`),
		Text: i18n.T(
			`The final server stored the message in the recipient's mailbox and added a Return-Path: header with the envelope sender. The recipient fetches it later with POP3 or IMAP, so the two PCs never need to be on at the same time.`,
			`最終のサーバがメールを宛先のメールボックスに格納し、エンベロープFromを記したReturn-Path:ヘッダを加えた。受信者は後でPOP3やIMAPで取り出すので、送信者と受信者のPCが同時に動いている必要はない。`),
		RFC: "RFC 5321 4.4",
	},
	{
		Key:   keyBounce,
		Title: i18n.T(`Bounce (non-delivery report)`, `バウンスメール(エラーメール)`),
		Text: i18n.T(
			`The MTA could not deliver the message and sends a report to the envelope sender (MAIL FROM), not to the header From. The bounce itself is sent with MAIL FROM:<>, so no bounce is ever sent about a bounce. It is a multipart/report: a note for people, a delivery status for programs (Status: 5.1.1, Diagnostic-Code) and the header of the lost message.`,
			`MTAがメールを配送できず、ヘッダFromではなくエンベロープFrom(MAIL FROM)へ通知を送る。バウンスメール自身は空のエンベロープFrom(MAIL FROM:<>)で送られるので、バウンスメールに対するバウンスメールは発生しない。形式はmultipart/reportで、人間向けの説明、プログラム向けの配送状態(「Status: 5.1.1」、Diagnostic-Code)、届かなかったメールのヘッダからなる。`),
		Cause: i18n.T(
			`A permanent (5xx) reply from the next server, or retries that ran out of time.`,
			`次のサーバからの恒久的エラー(5xx)か、再送期限切れ。`),
		Fix: i18n.T(
			`Read the status code quoted in the report, fix the address or the sending path, and send again.`,
			`通知に書かれたステータスコードを読み、アドレスや送信経路を直して送り直す。`),
		RFC: "RFC 5321 6.1, 4.5.5; RFC 3464 2",
	},
}
