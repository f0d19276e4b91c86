package explain

import "github.com/mailsim/mailsim/sim/i18n"

// smtpReplies explains the reply classes (RFC 5321 4.2.1) and every reply
// code of RFC 5321 4.2.2/4.2.3, RFC 4954 6, RFC 3207 4 and RFC 7504.
var smtpReplies = []Entry{
	{
		Key:   "2xx",
		Title: i18n.T(`2yz: success`, `2xx: 成功`),
		Text: i18n.T(
			`A first digit 2 means the command was carried out. A client must be able to act on the first digit alone; the other two digits only refine the meaning.`,
			`先頭の数字2は、コマンドが成功したことを表す。クライアントは先頭の1桁だけで次の動作を決められ、残りの2桁は意味を細かく示すだけである。`),
		RFC: "RFC 5321 4.2.1",
	},
	{
		Key:   "3xx",
		Title: i18n.T(`3yz: go on`, `3xx: 中間応答(続きを待つ)`),
		Text: i18n.T(
			`The command was accepted but the server needs more: 354 asks for the message text, 334 for the next step of SMTP-AUTH.`,
			`コマンドは受け付けたが、続きが必要であることを表す。354はメールの内容を、334はSMTP-AUTHの次の入力を求める。`),
		RFC: "RFC 5321 4.2.1",
	},
	{
		Key:   "4xx",
		Title: i18n.T(`4yz: temporary failure`, `4xx: 一時的エラー`),
		Text: i18n.T(
			`The command failed for now, but the same request may succeed later. An MTA keeps the message in its queue and tries again; it does not give up or bounce at once.`,
			`一時的エラーで、同じ要求が後で成功するかもしれないことを表す。MTAはメールをキューに残して再送し、すぐにはあきらめず、バウンスメールも返さない。`),
		Cause: i18n.T(
			`A temporary condition at the server: high load, a full disk, a rate limit, or a policy that defers unknown senders.`,
			`サーバ側の一時的な事情(高負荷、ディスク不足、流量制限、初めての送信者からのメールをいったん拒否するグレーリスティングなど)。`),
		Fix: i18n.T(
			`Usually nothing: the sending MTA retries, at least 30 minutes apart and for 4-5 days. If it lasts, read the reply text and the enhanced code.`,
			`通常は何もしなくてよい。送信側MTAが30分以上の間隔で4〜5日再送する。エラーが続くときは、応答の文面と拡張ステータスコードを確認する。`),
		RFC: "RFC 5321 4.2.1, 4.5.4.1",
	},
	{
		Key:   "5xx",
		Title: i18n.T(`5yz: permanent failure`, `5xx: 恒久的エラー`),
		Text: i18n.T(
			`The command failed and will fail again if repeated unchanged. For a recipient, the sending MTA gives up and returns a bounce to the envelope sender.`,
			`恒久的エラーで、そのまま繰り返しても再び失敗することを表す。宛先についての5xxなら、送信側MTAは配送をあきらめ、エンベロープFromへバウンスメールを返す。`),
		Cause: i18n.T(
			`The request itself is wrong or refused by policy: a bad address or syntax, a missing login, relaying not allowed.`,
			`要求そのものの誤りか、ポリシーによる拒否(アドレスや構文の誤り、未認証、中継の不許可など)。`),
		Fix: i18n.T(
			`Change something before trying again: the address, the command, the login or the server you send through. The enhanced code (such as 5.7.1) says exactly what.`,
			`アドレス、コマンド、認証、経由するサーバのどれかを直してから送り直す。何が原因かは拡張ステータスコード(5.7.1など)が示す。`),
		RFC: "RFC 5321 4.2.1",
	},
	{
		Key:   "211",
		Title: i18n.T(`System status`, `システム状態`),
		Text: i18n.T(
			`A reply carrying system status or help information. It is rarely seen in practice.`,
			`システムの状態やヘルプ情報を返す応答である。実際に目にすることは少ない。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "214",
		Title: i18n.T(`Help message`, `ヘルプメッセージ`),
		Text: i18n.T(
			`The answer to HELP: text for a person typing commands by hand. It does not change the session.`,
			`HELPへの応答で、手でコマンドを打つ人向けの説明である。セッションの状態は変わらない。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "220",
		Title: i18n.T(`Service ready`, `サービス準備完了`),
		Text: i18n.T(
			`The server's greeting when the connection opens ("220 mail.example.jp ESMTP"): it is ready for EHLO. In answer to STARTTLS, 220 means the TLS handshake may begin now.`,
			`接続直後のサーバのあいさつ(「220 mail.example.jp ESMTP」)で、EHLOを受け付ける準備ができたことを表す。STARTTLSへの220は、今からTLSハンドシェイクを始めてよいことを表す。`),
		RFC: "RFC 5321 3.1, 4.2.2; RFC 3207 4",
	},
	{
		Key:   "221",
		Title: i18n.T(`Closing connection`, `接続終了`),
		Text: i18n.T(
			`The answer to QUIT: the server says goodbye and closes the connection. Messages accepted earlier in the session are not affected.`,
			`QUITへの応答で、サーバが別れを告げて接続を閉じる。それまでに受け付けたメールには影響しない。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "235",
		Title: i18n.T(`Authentication successful`, `認証成功`),
		Text: i18n.T(
			`SMTP-AUTH succeeded: the server now knows who is sending, and a submission server will relay this client's mail. The Received: header of the message then says "with ESMTPA".`,
			`SMTP-AUTHが成功した。サーバは送信者が誰かを知ったので、送信メールサーバはこのクライアントのメールを中継する。メールのReceived:ヘッダには「with ESMTPA」と記録される。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "250",
		Title: i18n.T(`OK, completed`, `完了(OK)`),
		Text: i18n.T(
			`The requested action was completed: the sender accepted (after MAIL), a recipient accepted (after RCPT), or the message accepted (after the final "."). That last 250 means the server took responsibility for delivery, not that the mail is in the recipient's mailbox.`,
			`要求が完了した。MAILの後なら送信者を、RCPTの後なら宛先を、メールの最後の「.」の後ならメールを受け付けたことを表す。最後の250は配送責任を引き受けたことを表し、相手のメールボックスに届いたことを表すのではない。`),
		RFC: "RFC 5321 4.2.2, 4.2.5",
	},
	{
		Key:   "251",
		Title: i18n.T(`User not local; will forward`, `転送する(ローカルの利用者ではない)`),
		Text: i18n.T(
			`The recipient is not a user of this server, but the server accepts the message and will forward it to the address it names. Modern servers rarely send it.`,
			`宛先はこのサーバの利用者ではないが、サーバはメールを受け付け、応答に示したアドレスへ転送する。最近のサーバがこの応答を返すことは少ない。`),
		RFC: "RFC 5321 4.2.2, 3.4",
	},
	{
		Key:   "252",
		Title: i18n.T(`Cannot verify, will accept`, `確認はできないが受け付ける`),
		Text: i18n.T(
			`An answer to VRFY: the server will not confirm more (RFC 5321 3.5.3) but will accept mail for the address and attempt delivery.`,
			`VRFYへの応答の1つ。それ以上は確認しない(RFC 5321 3.5.3)が、そのアドレス宛てのメールは受け付けて配送を試みるという意味である。`),
		Servers: i18n.T(
			`Postfix, and this server, answer "252 2.0.0 bob" when the address would pass RCPT TO; an unknown one gets "550 5.1.1 ... User unknown in local recipient table", and a server with VRFY turned off "502 5.5.1 VRFY command is disabled".`,
			`Postfixとこのサーバは、RCPT TOで受け付けるアドレスなら「252 2.0.0 bob」を返す。存在しないアドレスには「550 5.1.1 ... User unknown in local recipient table」を、VRFYを無効にしたサーバは「502 5.5.1 VRFY command is disabled」を返す。`),
		RFC: "RFC 5321 3.5.3, 7.3",
	},
	{
		Key:   "334",
		Title: i18n.T(`Authentication challenge`, `認証のチャレンジ`),
		Text: i18n.T(
			`The server waits for the next step of SMTP-AUTH, and the text after 334 is base64. With LOGIN, "VXNlcm5hbWU6" is "Username:" and "UGFzc3dvcmQ6" is "Password:"; with PLAIN, an empty 334 asks for the user name and password in one line.`,
			`サーバがSMTP-AUTHの次の入力を待っていることを表し、334の後の文字列はBase64でエンコードされている。LOGIN方式では「VXNlcm5hbWU6」が「Username:」を、「UGFzc3dvcmQ6」が「Password:」を表し、PLAIN方式で空の334が来たら、ユーザ名とパスワードを1行にまとめて送る。RFC 4954はこれをチャレンジと呼ぶが、PLAIN方式とLOGIN方式はチャレンジレスポンス認証ではない。`),
		RFC: "RFC 4954 4",
	},
	{
		Key:   "354",
		Title: i18n.T(`Start mail input`, `メールの入力開始`),
		Text: i18n.T(
			`The server is ready for the message text after DATA. Send the header, an empty line and the body, and end with a line holding only ".".`,
			`DATAの後、サーバがメールを受け取る準備ができたことを表す。ヘッダ、空行、本文の順に送り、「.」だけの行で終える。`),
		RFC: "RFC 5321 4.2.2, 4.1.1.4",
	},
	{
		Key:   "421",
		Title: i18n.T(`Service not available, closing`, `サービス利用不可(接続を閉じる)`),
		Text: i18n.T(
			`The server is closing this connection; it may say so in answer to any command or instead of the greeting. The condition is temporary, so the client should try again later.`,
			`サーバがこの接続を打ち切る。どのコマンドへの応答としても、あいさつの代わりとしても返ることがある。一時的エラーなので、後でやり直せばよい。`),
		Cause: i18n.T(
			`The server is overloaded or shutting down, the client stayed silent too long (421 4.4.2), or it sent too many bad commands (421 4.7.0).`,
			`サーバの高負荷や停止処理、クライアントの長時間の無応答(421 4.4.2)、誤ったコマンドの送りすぎ(421 4.7.0)。`),
		Fix: i18n.T(
			`Reconnect later; a sending MTA keeps the message queued and retries by itself.`,
			`時間をおいて再接続する。送信側MTAはメールをキューに残して自動で再送する。`),
		RFC: "RFC 5321 4.2.2, 3.8",
	},
	{
		Key:   "432",
		Title: i18n.T(`Password transition needed`, `パスワードの移行が必要`),
		Text: i18n.T(
			`An answer to AUTH: the user must first log in once with another mechanism (typically PLAIN over TLS) before the one requested can work.`,
			`AUTHへの応答で、要求した方式を使う前に、別の方式(通常はTLS上のPLAIN)で一度認証を受ける必要があることを表す。`),
		Cause: i18n.T(
			`The server does not yet hold the password in the form the requested mechanism needs.`,
			`要求した方式に必要な形でのパスワードを、サーバがまだ持っていない。`),
		Fix: i18n.T(
			`Log in once with AUTH PLAIN after STARTTLS, then use the other mechanism.`,
			`STARTTLSの後に一度AUTH PLAINで認証を受けてから、別の方式を使う。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "450",
		Title: i18n.T(`Mailbox unavailable (temporary)`, `メールボックス利用不可(一時的)`),
		Text: i18n.T(
			`The action on this mailbox was not taken, but only for now: the mailbox is busy or temporarily blocked by policy.`,
			`このメールボックスへの処理は今は行われなかったが、一時的なものである。メールボックスが使用中か、ポリシーで一時的に止められている。`),
		Cause: i18n.T(
			`A temporary check failed: the mailbox is locked, the sender's domain could not be looked up yet, or the server defers mail from senders it has not seen before.`,
			`一時的な確認の失敗(メールボックスのロック、送信者ドメインのDNS検索の失敗、初めての送信者からのメールをいったん拒否するグレーリスティングなど)。`),
		Fix: i18n.T(
			`Retry later; a sending MTA does this by itself.`,
			`時間をおいて再送する。送信側MTAは自動で再送する。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "451",
		Title: i18n.T(`Local error in processing`, `サーバ内部の処理エラー`),
		Text: i18n.T(
			`The server hit an error of its own and aborted the action. The error is temporary.`,
			`サーバが自身の内部エラーで処理を中断した。一時的エラーである。`),
		Cause: i18n.T(
			`A problem inside the server, such as a failed write to its queue or a lookup it could not complete.`,
			`キューへの書き込み失敗や、完了できなかった検索など、サーバ内部の問題。`),
		Fix: i18n.T(
			`Retry later. If it persists, only the server's administrator can fix it.`,
			`時間をおいて再送する。エラーが続く場合は、サーバの管理者にしか直せない。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "452",
		Title: i18n.T(`Insufficient storage / too many recipients`, `容量不足/宛先が多すぎる`),
		Text: i18n.T(
			`The action was not taken for now: the server lacks storage, or (with 4.5.3) this transaction already has as many recipients as the server will take.`,
			`今は処理できないことを表す。サーバの容量が足りないか、(4.5.3の場合は)このトランザクションの宛先数がサーバの上限に達した。`),
		Cause: i18n.T(
			`The server's disk or queue is full, or the client sent more RCPT commands than the server's limit (at least 100 must be accepted).`,
			`サーバのディスクやキューがいっぱいか、クライアントがサーバの上限(最低100件は受け付ける決まり)を超えてRCPTを送った。`),
		Fix: i18n.T(
			`For 4.5.3, finish this transaction and send the remaining recipients in another one; otherwise retry later.`,
			`4.5.3なら、このトランザクションを終えてから残りの宛先を別のトランザクションで送る。それ以外は時間をおいて再送する。`),
		RFC: "RFC 5321 4.2.2, 4.5.3.1.10",
	},
	{
		Key:   "454",
		Title: i18n.T(`TLS or authentication temporarily unavailable`, `TLSまたは認証が一時的に利用不可`),
		Text: i18n.T(
			`STARTTLS or AUTH cannot be done right now: after STARTTLS, TLS is not available (454 4.7.0); after AUTH, a temporary authentication failure.`,
			`STARTTLSやAUTHが今は実行できないことを表す。STARTTLSへの応答ならTLSが使えないこと(454 4.7.0)を、AUTHへの応答なら一時的な認証の失敗を表す。`),
		Cause: i18n.T(
			`The server has no working TLS certificate, or its authentication service is down for a while.`,
			`サーバに有効なTLS証明書がないか、認証の仕組みが一時的に止まっている。`),
		Fix: i18n.T(
			`Retry later. A client that requires encryption must not send the password or the message without TLS.`,
			`時間をおいてやり直す。暗号化が必要なクライアントは、TLSなしでパスワードやメールを送ってはならない。`),
		RFC: "RFC 3207 4; RFC 4954 6",
	},
	{
		Key:   "455",
		Title: i18n.T(`Cannot accommodate parameters`, `パラメータを今は受け付けられない`),
		Text: i18n.T(
			`The server cannot accept the MAIL FROM or RCPT TO parameters right now, though it may later.`,
			`MAIL FROMやRCPT TOのパラメータを今は受け付けられないが、後でなら受け付けるかもしれない。`),
		Cause: i18n.T(
			`An ESMTP parameter, such as a SIZE value, is more than the server can handle at the moment.`,
			`SIZEの値など、ESMTPのパラメータがサーバの今の処理能力を超えている。`),
		Fix: i18n.T(
			`Retry later, or send without the parameter.`,
			`時間をおいて再送するか、そのパラメータを付けずに送る。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "500",
		Title: i18n.T(`Syntax error, command unrecognized`, `構文エラー(コマンドを認識できない)`),
		Text: i18n.T(
			`The server could not make sense of the line at all: an unknown or garbled command ("500 5.5.2 Error: command not recognized"), an empty line, or a line longer than the limit (512 octets for a command).`,
			`サーバが行をまったく解釈できなかった。未知のコマンドや壊れたコマンド(「500 5.5.2 Error: command not recognized」)、空行、上限(コマンドは512オクテット)を超える長い行などが原因である。`),
		Servers: i18n.T(
			`RFC 5321 4.2.4 gives 500 to a command the server does not recognize and keeps 502 for one it knows but does not implement; Postfix answers an unknown command with "502 5.5.2 Error: command not recognized" instead, so on a real server both codes mean the same mistake.`,
			`RFC 5321 4.2.4では、認識できないコマンドには500、認識はしたが実装していないコマンドには502を返す。ただしPostfixは未知のコマンドに「502 5.5.2 Error: command not recognized」を返すので、実際のサーバではどちらのコードも同じ誤りを表すことがある。`),
		Cause: i18n.T(
			`A typo in the command, a client speaking another protocol (POP3 commands sent to an SMTP port), or an over-long line.`,
			`コマンドの打ち間違い、別のプロトコルでの接続(SMTPのポートにPOP3のコマンドを送るなど)、長すぎる行。`),
		Fix: i18n.T(
			`Check the spelling and the port, and keep command lines within 512 octets including CRLF.`,
			`コマンドのつづりと接続先のポートを確かめ、コマンド行はCRLFを含めて512オクテット以内にする。`),
		RFC: "RFC 5321 4.2.2, 4.5.3.1.4",
	},
	{
		Key:   "501",
		Title: i18n.T(`Syntax error in parameters`, `引数の構文エラー`),
		Text: i18n.T(
			`The command is known but its argument is wrong: EHLO without a host name, an address with no domain or an unclosed bracket ("MAIL FROM:<alice"), or an AUTH response that is not valid base64.`,
			`コマンドは正しいが引数が誤っている。ホスト名のないEHLO、ドメインのないアドレスや閉じていない<(「MAIL FROM:<alice」)、Base64として正しくない認証の応答などが原因である。`),
		Servers: i18n.T(
			`RFC 5321 4.1.2 writes paths inside angle brackets, but like Postfix (strict_rfc821_envelopes = no, its default) this server also accepts "MAIL FROM:alice@example.jp" without them; a strict server answers that with 501.`,
			`RFC 5321 4.1.2ではパスを<>で囲むが、このサーバはPostfixの既定(「strict_rfc821_envelopes = no」)と同じく、<>のない「MAIL FROM:alice@example.jp」も受け付ける。厳格なサーバはこれに501を返す。`),
		Cause: i18n.T(
			`A malformed argument, such as "MAIL FROM:alice" (no domain) instead of "MAIL FROM:<alice@example.jp>".`,
			`「MAIL FROM:<alice@example.jp>」とすべきところを「MAIL FROM:alice」(ドメインなし)と書くなど、引数の形の誤り。`),
		Fix: i18n.T(
			`Send the command again with a correct argument: a full address, inside <> so that every server takes it.`,
			`正しい引数でコマンドを送り直す。アドレスはドメインまで書き、どのサーバでも通るよう<>で囲む。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "502",
		Title: i18n.T(`Command not implemented`, `コマンド未実装`),
		Text: i18n.T(
			`The server knows this command but does not implement it, or has turned it off: "502 5.5.1 Error: EXPN command not implemented", "502 5.5.1 VRFY command is disabled", STARTTLS on a server without TLS.`,
			`サーバはこのコマンドを知っているが、実装していないか無効にしている。「502 5.5.1 Error: EXPN command not implemented」や「502 5.5.1 VRFY command is disabled」がその例で、TLSのないサーバへのSTARTTLSにも502が返る。`),
		Servers: i18n.T(
			`RFC 5321 4.2.4 keeps 502 for such commands and 500 for unknown ones; Postfix answers unknown commands with "502 5.5.2 Error: command not recognized" as well.`,
			`RFC 5321 4.2.4では502をこうしたコマンドに使い、未知のコマンドには500を返す。Postfixは未知のコマンドにも「502 5.5.2 Error: command not recognized」を返す。`),
		Cause: i18n.T(
			`The command is disabled or unsupported (EXPN, VRFY turned off, STARTTLS on a server that does not offer it).`,
			`コマンドが無効化されているか未対応(EXPN、無効にされたVRFY、提供していないサーバへのSTARTTLSなど)。`),
		Fix: i18n.T(
			`Look at the EHLO reply for the extensions the server offers, and use only those.`,
			`EHLOへの応答でサーバが提供する拡張機能を確かめ、それだけを使う。`),
		RFC: "RFC 5321 4.2.2, 4.2.4",
	},
	{
		Key:   "503",
		Title: i18n.T(`Bad sequence of commands`, `コマンドの順序誤り`),
		Text: i18n.T(
			`The command came out of order: RCPT before MAIL, DATA before any accepted RCPT, MAIL before EHLO, or AUTH twice. The server ignores it and its state does not change.`,
			`コマンドの順序が誤っている(MAILより前のRCPT、宛先が1件も受け付けられていないDATA、EHLOより前のMAIL、2回目のAUTHなど)。サーバはそのコマンドを無視し、状態は変わらない。`),
		Servers: i18n.T(
			`Two cases allow more than one answer: DATA after MAIL when no RCPT was accepted may get 503 or 554 (RFC 5321 3.3: this server says "503 5.5.1 Error: need RCPT command", Postfix "554 5.5.1 Error: no valid recipients"), and MAIL before EHLO gets "503 5.5.1 Error: send HELO/EHLO first" here and from Postfix with smtpd_helo_required = yes, while Postfix's default accepts it (RFC 5321 4.1.4 obliges the client to greet, not the server to refuse).`,
			`応答が1つに決まらない場合が2つある。MAILの後、宛先がすべて拒否されたままのDATAには503と554のどちらを返してもよく(RFC 5321 3.3、このサーバは「503 5.5.1 Error: need RCPT command」、Postfixは「554 5.5.1 Error: no valid recipients」)、EHLOより前のMAILには、このサーバと「smtpd_helo_required = yes」のPostfixは「503 5.5.1 Error: send HELO/EHLO first」を返すが、Postfixの既定では受け付ける(RFC 5321 4.1.4はクライアントにあいさつを義務づけているだけで、サーバに拒否を求めてはいない)。`),
		Cause: i18n.T(
			`The client skipped a step, or an earlier command was refused (a RCPT that got 550 does not count as a recipient).`,
			`クライアントが手順を飛ばしたか、前のコマンドが拒否されていた(550になったRCPTは宛先として数えない)。`),
		Fix: i18n.T(
			`Keep the order EHLO, MAIL, RCPT, DATA, and check each reply before sending the next command.`,
			`EHLO、MAIL、RCPT、DATAの順を守り、各応答を確かめてから次のコマンドを送る。`),
		RFC: "RFC 5321 4.2.2, 4.1.4",
	},
	{
		Key:   "504",
		Title: i18n.T(`Command parameter not implemented`, `コマンドのパラメータ未実装`),
		Text: i18n.T(
			`The command is known but this parameter is not supported, such as an AUTH mechanism the server does not offer.`,
			`コマンドは知っているが、そのパラメータには対応していない。サーバが提供していないAUTHの方式を指定した場合などが該当する。`),
		Cause: i18n.T(
			`The client asked for a mechanism or option that the server did not advertise.`,
			`サーバが提示していない方式やオプションをクライアントが指定した。`),
		Fix: i18n.T(
			`Use a mechanism listed in the EHLO reply, such as AUTH PLAIN or LOGIN.`,
			`EHLOへの応答に載っている方式(AUTH PLAINやLOGINなど)を使う。`),
		RFC: "RFC 5321 4.2.2; RFC 4954 4",
	},
	{
		Key:   "521",
		Title: i18n.T(`Host does not accept mail`, `このホストはメールを受け付けない`),
		Text: i18n.T(
			`This host never accepts mail, and says so when the connection opens instead of sending 220.`,
			`このホストはメールを一切受け付けず、接続直後に220の代わりにそう告げる。`),
		Cause: i18n.T(
			`The host is not a mail server, such as a web server reached through the domain's A record.`,
			`接続先がメールサーバではない(ドメインのAレコードでたどり着いたWebサーバなど)。`),
		Fix: i18n.T(
			`Do not retry; check the domain's MX records or the address itself.`,
			`再送はせず、ドメインのMXレコードやアドレスそのものを確かめる。`),
		RFC: "RFC 7504",
	},
	{
		Key:   "530",
		Title: i18n.T(`Authentication required`, `認証が必要`),
		Text: i18n.T(
			`The server will not accept this command before SMTP-AUTH (or, in RFC 3207's use, before STARTTLS). A submission server on port 587 answers MAIL this way until the client logs in.`,
			`SMTP-AUTHの前(RFC 3207の用法ではSTARTTLSの前)には、このコマンドを受け付けないことを表す。サブミッションポート(587番ポート)の送信メールサーバは、クライアントが認証を受けるまでMAILにこう答える。`),
		Cause: i18n.T(
			`The mail software is not set to use SMTP authentication for its outgoing server.`,
			`メールソフトの送信メールサーバの設定で、SMTP-AUTH(SMTP認証)が有効になっていない。`),
		Fix: i18n.T(
			`Turn on SMTP authentication in the mail software so that it sends AUTH (after STARTTLS) before MAIL FROM.`,
			`メールソフトの設定でSMTP-AUTHを有効にし、MAIL FROMの前に(STARTTLSの後で)AUTHを送るようにする。`),
		RFC: "RFC 4954 6; RFC 6409 4.3",
	},
	{
		Key:   "534",
		Title: i18n.T(`Authentication mechanism too weak`, `認証方式が弱すぎる`),
		Text: i18n.T(
			`The server refuses this AUTH mechanism because its policy requires a stronger one.`,
			`サーバのポリシーがより強い方式を求めているため、このAUTHの方式を拒否した。`),
		Cause: i18n.T(
			`The client chose a mechanism the server's policy forbids.`,
			`サーバのポリシーが禁止している方式をクライアントが選んだ。`),
		Fix: i18n.T(
			`Pick another mechanism from the AUTH line of the EHLO reply.`,
			`EHLOへの応答のAUTH行から別の方式を選ぶ。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "535",
		Title: i18n.T(`Authentication credentials invalid`, `認証情報が正しくない`),
		Text: i18n.T(
			`SMTP-AUTH failed: the user name or password is wrong. The session stays unauthenticated, so MAIL on the submission port will get 530.`,
			`SMTP-AUTHに失敗した(ユーザ名かパスワードが誤っている)。セッションは未認証のままなので、サブミッションポートでMAILを送ると530が返る。`),
		Cause: i18n.T(
			`A mistyped password, the wrong user name (some providers need the full mail address), or a password changed on the server.`,
			`パスワードの打ち間違い、ユーザ名の誤り(メールアドレス全体が必要なプロバイダもある)、サーバ側でのパスワード変更。`),
		Fix: i18n.T(
			`Check the account settings in the mail software and try again.`,
			`メールソフトのアカウント設定を確かめてやり直す。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "538",
		Title: i18n.T(`Encryption required for this mechanism`, `この認証方式には暗号化が必要`),
		Text: i18n.T(
			`The server accepts this AUTH mechanism only over an encrypted connection, so that the password never travels in clear text.`,
			`パスワードが平文で流れないよう、このAUTHの方式は暗号化された接続でしか受け付けない。`),
		Cause: i18n.T(
			`AUTH PLAIN or LOGIN was sent before STARTTLS.`,
			`STARTTLSの前にAUTH PLAINやLOGINを送った。`),
		Fix: i18n.T(
			`Send STARTTLS first, then EHLO and AUTH again, or connect to port 465 where TLS starts at once.`,
			`先にSTARTTLSを送り、EHLOとAUTHをやり直す。または最初からTLSで接続する465番ポートを使う。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "550",
		Title: i18n.T(`Mailbox unavailable / refused`, `メールボックス利用不可/拒否`),
		Text: i18n.T(
			`The action was refused for good: usually the recipient does not exist (550 5.1.1), or a policy refused it. After RCPT only this recipient fails and the others in the same transaction still get the message; after MAIL or the final dot the whole message is refused.`,
			`処理が恒久的に拒否された。多くは宛先が存在しない(550 5.1.1)か、ポリシーによる拒否である。RCPTへの応答なら失敗するのはこの宛先だけで他の宛先には届くが、MAILや最後の「.」への応答ならメール全体が拒否される。`),
		Cause: i18n.T(
			`A mistyped or deleted address, or a policy of the server such as a spam filter or a failed SPF or DMARC check.`,
			`アドレスの打ち間違いや削除されたアカウント。または、送信元IPアドレスがブロックリスト(DNSBL)に載っている、SPFやDMARCの検査に失敗したなど、迷惑メール対策のポリシーによる拒否。`),
		Fix: i18n.T(
			`Check the address; the enhanced code after 550 tells which case it is.`,
			`アドレスを確かめる。どの場合かは、550の後の拡張ステータスコードでわかる。`),
		RFC: "RFC 5321 4.2.2, Appendix D.1",
	},
	{
		Key:   "551",
		Title: i18n.T(`User not local; please try elsewhere`, `ローカルの利用者ではない(別の宛先へ)`),
		Text: i18n.T(
			`The recipient is not at this server, and the server will not forward the message; the reply may name the address to use instead.`,
			`宛先はこのサーバにおらず、サーバは転送もしない。応答に代わりのアドレスが示されることがある。`),
		Cause: i18n.T(
			`The user has moved, or the address belongs to another server.`,
			`利用者が移転したか、そのアドレスは別のサーバのもの。`),
		Fix: i18n.T(
			`Send to the address given in the reply, or ask the recipient for their current address.`,
			`応答に示されたアドレスへ送るか、相手に現在のアドレスを確かめる。`),
		RFC: "RFC 5321 4.2.2, 3.4",
	},
	{
		Key:   "552",
		Title: i18n.T(`Exceeded storage allocation`, `容量超過`),
		Text: i18n.T(
			`The message is too large for the server or the recipient's mailbox has no room, so the action was aborted.`,
			`メールがサーバの上限より大きいか、相手のメールボックスに空きがないため、処理が中止された。`),
		Cause: i18n.T(
			`The message is bigger than the SIZE limit the server announced in its EHLO reply (552 5.3.4), often because of an attachment, or the mailbox is full (5.2.2).`,
			`メールがEHLOで示されたSIZEの上限より大きい(552 5.3.4、添付ファイルが原因のことが多い)か、メールボックスが満杯(5.2.2)。`),
		Fix: i18n.T(
			`Send a smaller message and share large files another way; a full mailbox must be emptied by its owner.`,
			`メールを小さくし、大きなファイルは別の方法で渡す。満杯のメールボックスは、持ち主が空ける必要がある。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "553",
		Title: i18n.T(`Mailbox name not allowed`, `メールボックス名が許可されない`),
		Text: i18n.T(
			`The address is not acceptable: its syntax is wrong, or the server's policy does not allow it, such as a sender address the logged-in user does not own.`,
			`アドレスを受け付けられない。構文が誤っているか、認証を受けた利用者のものではない送信者アドレスなど、ポリシーで許されないアドレスである。`),
		Cause: i18n.T(
			`A malformed address, or a sender address the server refuses for this user.`,
			`アドレスの形の誤り、またはこの利用者には使わせない送信者アドレス。`),
		Fix: i18n.T(
			`Correct the address, and send with the address of the account you logged in with.`,
			`アドレスを直し、認証に使ったアカウントのアドレスで送る。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "554",
		Title: i18n.T(`Transaction failed / relay denied`, `トランザクション失敗/中継拒否`),
		Text: i18n.T(
			`The transaction failed permanently. After RCPT, "554 5.7.1 Relay access denied" means the server is not the destination for that domain and will not relay for this client, which is how it refuses open relaying; after DATA, Postfix's "554 5.5.1 Error: no valid recipients" means no RCPT was accepted (RFC 5321 3.3 allows 503 or 554 here); as a greeting, 554 means no SMTP service here.`,
			`トランザクションが恒久的に失敗した。RCPTへの「554 5.7.1 Relay access denied」は、そのドメインの宛先サーバではなく、このクライアントのための中継も許さないという意味で、第三者中継(オープンリレー)を拒否した応答である。DATAへのPostfixの「554 5.5.1 Error: no valid recipients」は受け付けられた宛先がないという意味(RFC 5321 3.3では503でも554でもよい)で、あいさつとしての554はここにSMTPサービスはないという意味である。`),
		Cause: i18n.T(
			`Sending through a server that is neither your own provider's mail server nor the recipient domain's MX, without SMTP-AUTH; or a message the server rejected (a mail loop, a policy).`,
			`自分の送信メールサーバでも宛先ドメインのMXでもないサーバを、SMTP-AUTHなしで経由しようとした。またはメールがメールループやポリシーによって拒否された。`),
		Fix: i18n.T(
			`Send through your own provider's mail server on the submission port 587 with SMTP-AUTH; a server relays only for its own users.`,
			`自分の送信メールサーバ(契約しているISPやメールサービスのもの)へ、サブミッションポート(587番ポート)でSMTP-AUTHを使って送る。サーバは自分の利用者のメールしか中継しない。`),
		RFC: "RFC 5321 4.2.2, 7.9",
	},
	{
		Key:   "555",
		Title: i18n.T(`MAIL/RCPT parameters not recognized`, `MAIL/RCPTのパラメータを認識できない`),
		Text: i18n.T(
			`MAIL FROM or RCPT TO carried an ESMTP parameter that the server does not know or does not implement.`,
			`MAIL FROMやRCPT TOに、サーバが知らないか実装していないESMTPのパラメータが付いていた。`),
		Cause: i18n.T(
			`The client used an extension the server did not advertise in its EHLO reply.`,
			`サーバがEHLOへの応答で提示していない拡張機能をクライアントが使った。`),
		Fix: i18n.T(
			`Send only the parameters the EHLO reply offers, or none.`,
			`EHLOへの応答が示すパラメータだけを使うか、何も付けずに送る。`),
		RFC: "RFC 5321 4.2.2",
	},
	{
		Key:   "556",
		Title: i18n.T(`Domain does not accept mail`, `ドメインがメールを受け付けない`),
		Text: i18n.T(
			`The recipient's domain accepts no mail at all: its DNS publishes a null MX ("MX 0 ."). The sending MTA reports this instead of trying to deliver.`,
			`宛先のドメインはメールを一切受け付けない。DNSにnull MX(「MX 0 .」)を公開している。送信側MTAは配送を試みずにこれを報告する。`),
		Cause: i18n.T(
			`The domain of the address publishes a null MX, usually because it is used for the web only.`,
			`アドレスのドメインがnull MXを公開している(Web専用のドメインなど)。`),
		Fix: i18n.T(
			`Do not retry; check the address with the recipient.`,
			`再送はせず、相手にアドレスを確かめる。`),
		RFC: "RFC 7504; RFC 7505",
	},
}
