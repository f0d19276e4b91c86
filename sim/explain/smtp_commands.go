package explain

import "github.com/mailsim/mailsim/sim/i18n"

// smtpCommands explains the SMTP command verbs (RFC 5321 4.1.1, RFC 4954,
// RFC 3207) and the two client lines that are not commands: an AUTH
// response and the "." that ends the message text.
var smtpCommands = []Entry{
	{
		Key:   "SMTP HELO",
		Title: i18n.T(`HELO: greet the server (basic SMTP)`, `HELO: サーバへのあいさつ(拡張なしのSMTP)`),
		Text: i18n.T(
			`The client opens the session and gives its own host name. HELO is the original greeting: the server answers with a single 250 line and lists no extensions, so the client cannot rely on SMTP-AUTH or STARTTLS.`,
			`クライアントがセッションを始め、自分のホスト名を名乗る。拡張機能を使わない従来のあいさつで、サーバは250を1行だけ返して拡張の一覧を示さないため、SMTP-AUTHやSTARTTLSは前提にできない。`),
		RFC: "RFC 5321 4.1.1.1",
	},
	{
		Key:   "SMTP EHLO",
		Title: i18n.T(`EHLO: greet the server and ask for its extensions`, `EHLO: あいさつと拡張機能の問い合わせ`),
		Text: i18n.T(
			`Extended HELLO: the client gives its host name and asks which SMTP extensions the server supports. The multi-line 250 reply lists them one per line (SIZE, STARTTLS, AUTH PLAIN LOGIN, ...); a new EHLO also cancels any transaction in progress.`,
			`EHLOは拡張SMTP(ESMTP)のあいさつで、クライアントが自分のホスト名を名乗り、サーバが対応する拡張機能を尋ねる。サーバは複数行の250でSIZE、STARTTLS、AUTH(SMTP-AUTH)などを1行ずつ返す。EHLOを送り直すと、途中のトランザクションは取り消される。`),
		RFC: "RFC 5321 4.1.1.1",
	},
	{
		Key:   "SMTP MAIL",
		Title: i18n.T(`MAIL FROM: the envelope sender`, `MAIL FROM: エンベロープFrom(送信者)`),
		Text: i18n.T(
			`MAIL FROM:<address> starts a mail transaction and gives the envelope sender (the reverse-path). Bounces go back to this address, not to the From: header the reader sees; bounces themselves are sent with MAIL FROM:<>, the null reverse-path.`,
			`MAIL FROM:<アドレス>でメールトランザクションを始め、エンベロープFrom(リバースパス)を伝える。バウンスメールは、利用者が目にするヘッダFromではなく、このアドレスに返る。バウンスメール自身は、空のエンベロープFrom(MAIL FROM:<>)で送られる。`),
		RFC: "RFC 5321 4.1.1.2",
	},
	{
		Key:   "SMTP RCPT",
		Title: i18n.T(`RCPT TO: one envelope recipient`, `RCPT TO: エンベロープTo(宛先)`),
		Text: i18n.T(
			`RCPT TO:<address> adds one recipient to the envelope; the client sends it once per recipient and each gets its own reply, so a 550 for one address does not stop delivery to the others. A server refuses recipients in domains it does not handle unless the client may relay, which is what stops open relaying; Postfix answers 554 5.7.1, where RFC 5321 4.3.2 would have 550.`,
			`RCPT TO:<アドレス>で、エンベロープToに宛先を1件加える。宛先ごとに送ってそれぞれに応答が返るので、1件が550で拒否されても、他の宛先への配送は続く。自分が受け持たないドメイン宛てのメールは、中継を許したクライアントからでなければ拒否し(Postfixは554 5.7.1、RFC 5321 4.3.2の一覧では550)、これが第三者中継を防ぐ。`),
		RFC: "RFC 5321 4.1.1.3",
	},
	{
		Key:   "SMTP DATA",
		Title: i18n.T(`DATA: send the message text`, `DATA: メールの送信開始`),
		Text: i18n.T(
			`Asks to send the message itself (header and body). After 354 the client sends the text line by line and ends it with a line holding only "."; a text line that begins with "." gets an extra dot (dot-stuffing).`,
			`メールそのもの(ヘッダと本文)の送信を始める。354の後、クライアントはメールを1行ずつ送り、「.」だけの行で終える。「.」で始まる行には「.」を1つ足して送る(ドットスタッフィング)。`),
		RFC: "RFC 5321 4.1.1.4, 4.5.2",
	},
	{
		Key:   keyEndData,
		Title: i18n.T(`End of the message text (".")`, `メールの終わりを示す「.」`),
		Text: i18n.T(
			`A line holding only "." ends the message text, and the reply to it is the one that counts. 250 here means the server has taken responsibility for the message (it is queued), not that it is in the recipient's mailbox: a bounce can still follow.`,
			`「.」だけの行でメールが終わり、この行への応答が結果を決める。ここでの250は、サーバがメールの配送責任を引き受けた(キューに入れた)ことを表し、相手のメールボックスに届いたことを表すのではない。この後でバウンスメールが返ることもある。`),
		RFC: "RFC 5321 4.1.1.4, 4.2.5",
	},
	{
		Key:   "SMTP RSET",
		Title: i18n.T(`RSET: abort the transaction`, `RSET: トランザクションの取り消し`),
		Text: i18n.T(
			`Aborts the current mail transaction: the sender, recipients and text given so far are discarded. The connection and the EHLO greeting stay, and the server answers 250.`,
			`進行中のメールトランザクションを取り消す。それまでに指定した送信者・宛先・本文は破棄されるが、接続とEHLOのあいさつはそのまま残り、サーバは250を返す。`),
		RFC: "RFC 5321 4.1.1.5",
	},
	{
		Key:   "SMTP NOOP",
		Title: i18n.T(`NOOP: do nothing`, `NOOP: 何もしない`),
		Text: i18n.T(
			`Does nothing; the server just answers 250. Clients use it to check that the connection is still alive.`,
			`何もしないコマンドで、サーバは250を返すだけである。接続がまだ生きているかの確認に使う。`),
		RFC: "RFC 5321 4.1.1.9",
	},
	{
		Key:   "SMTP QUIT",
		Title: i18n.T(`QUIT: end the session`, `QUIT: セッションの終了`),
		Text: i18n.T(
			`Ends the session: the server answers 221 and closes the connection. A message accepted earlier with 250 is not cancelled; its delivery goes on.`,
			`セッションを終える。サーバは221を返して接続を閉じる。先に250で受け付けられたメールは取り消されず、配送が続く。`),
		RFC: "RFC 5321 4.1.1.10",
	},
	{
		Key:   "SMTP VRFY",
		Title: i18n.T(`VRFY: verify a mailbox`, `VRFY: メールボックスの存在確認`),
		Text: i18n.T(
			`Asks whether a mailbox exists. Real servers give one of three answers: 252 (Postfix: "252 2.0.0 bob", the address would be accepted), 550 5.1.1 (no such user), or 502 5.5.1 (VRFY command is disabled).`,
			`メールボックスが存在するかを問い合わせる。実際のサーバの応答は3通りあり、252(Postfixでは「252 2.0.0 bob」で、そのアドレスなら受け付ける)、550 5.1.1(該当ユーザなし)、502 5.5.1(VRFYは無効)のいずれかである。`),
		Servers: i18n.T(
			`Because 252 and 550 let spammers harvest valid addresses, many administrators turn VRFY off (Postfix: disable_vrfy_command = yes).`,
			`252と550からは有効なアドレスを集められてしまうので、VRFYを無効にする管理者が多い(Postfixの「disable_vrfy_command = yes」)。`),
		RFC: "RFC 5321 4.1.1.6, 7.3",
	},
	{
		Key:   "SMTP EXPN",
		Title: i18n.T(`EXPN: expand a mailing list`, `EXPN: メーリングリストの展開`),
		Text: i18n.T(
			`Asks the server to expand a mailing list into its members' addresses. Like VRFY it gives addresses away, so most servers do not implement it: this server answers "502 5.5.1 Error: EXPN command not implemented" (RFC 5321 4.2.4: 502 for a known command that is not implemented), Postfix "502 5.5.2 Error: command not recognized".`,
			`メーリングリストを展開してメンバーのアドレスを返すよう求める。VRFYと同じくアドレスが漏れるため、多くのサーバは実装していない。このサーバは「502 5.5.1 Error: EXPN command not implemented」を返し(RFC 5321 4.2.4: 認識したが実装していないコマンドには502)、Postfixは「502 5.5.2 Error: command not recognized」を返す。`),
		RFC: "RFC 5321 4.1.1.7, 7.3",
	},
	{
		Key:   "SMTP HELP",
		Title: i18n.T(`HELP: ask for help text`, `HELP: ヘルプの表示`),
		Text: i18n.T(
			`Asks for help text, which the server sends with 214: without an argument the commands it takes, with a command as argument how to write it. It is meant for people typing commands by hand and changes nothing in the session.`,
			`ヘルプを求め、サーバは214で説明を返す。引数がなければ使えるコマンドの一覧を、コマンド名を付ければその書き方を返す。手でコマンドを打つ人向けのもので、セッションの状態は何も変わらない。`),
		Servers: i18n.T(
			`Sendmail and Exim answer it; Postfix does not implement HELP and answers 502.`,
			`SendmailやEximは応答するが、PostfixはHELPを実装しておらず502を返す。`),
		RFC: "RFC 5321 4.1.1.8",
	},
	{
		Key:   "SMTP AUTH",
		Title: i18n.T(`AUTH: SMTP-AUTH login`, `AUTH: SMTP-AUTH(SMTP認証)`),
		Text: i18n.T(
			`SMTP-AUTH: the client logs in with a user name and password (mechanism PLAIN or LOGIN, base64-encoded), usually on the submission port 587; success is 235, failure 535. Base64 is an encoding, not encryption, so the password can be read unless TLS protects the connection.`,
			`SMTP-AUTHで、クライアントがユーザ名とパスワードを使って認証を受ける(PLAIN方式やLOGIN方式では、Base64でエンコードして送る)。主にサブミッションポート(587番ポート)で使い、成功は235、失敗は535である。Base64は暗号化ではないので、TLSで保護しない限りパスワードは読み取られる。`),
		RFC: "RFC 4954 4",
	},
	{
		Key:   "SMTP " + verbAuthData,
		Title: i18n.T(`Authentication response line`, `認証の応答行`),
		Text: i18n.T(
			`A line the client sends during AUTH in answer to a 334 challenge: the base64 of the user name or of the password (LOGIN), or of "\0user\0password" (PLAIN). A line holding only "*" cancels the exchange, and the server answers 501.`,
			`AUTHの途中で、334のチャレンジに答えてクライアントが送る行である。LOGIN方式ならユーザ名やパスワードを、PLAIN方式なら「\0ユーザ名\0パスワード」を、Base64でエンコードしたものを送る。「*」だけを送ると認証は中止され、サーバは501を返す。`),
		RFC: "RFC 4954 4",
	},
	{
		Key:   "SMTP STARTTLS",
		Title: i18n.T(`STARTTLS: switch the connection to TLS`, `STARTTLS: 接続をTLSに切り替え`),
		Text: i18n.T(
			`Asks to encrypt the connection: after "220 2.0.0 Ready to start TLS" the TLS handshake runs and the session starts over, so the client sends EHLO again, and only that second reply offers AUTH PLAIN/LOGIN on a server set up as real ones are. 454 means TLS is not available now; a careful client then gives up rather than go on in plain text. It protects this one hop only, not the whole path of the mail (it is not end-to-end encryption).`,
			`接続の暗号化を求めるコマンドで、「220 2.0.0 Ready to start TLS」の後にTLSハンドシェイクを行うとセッションは最初からやり直しになるので、クライアントはEHLOを送り直し、実際のサーバと同じ設定ならAUTH PLAINやLOGINはこの2回目の応答で初めて提供される。454はTLSが今は使えないことを表し、慎重なクライアントは平文で続けずに中止する。保護されるのはこの1区間だけで、エンドツーエンドの暗号化ではない。`),
		RFC: "RFC 3207 4",
	},
}
