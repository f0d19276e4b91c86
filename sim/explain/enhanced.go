package explain

import "github.com/mailsim/mailsim/sim/i18n"

// enhancedCodes explains RFC 3463 enhanced status codes (class.subject.detail,
// sent after the reply code when the server advertises ENHANCEDSTATUSCODES,
// RFC 2034) and the ones later RFCs registered: RFC 4954 (authentication),
// RFC 7372 (sender authentication), RFC 7505 (null MX). RFC 3463 3.1 to 3.8
// define subjects 0 to 7.
var enhancedCodes = []Entry{
	{
		Key:   "2.0.0",
		Title: i18n.T(`Success (no further detail)`, `成功(詳細なし)`),
		Text: i18n.T(
			`Class 2 (success) with subject and detail 0: the command worked. After the final ".", "250 2.0.0 Ok: queued as ..." means the message is in the server's queue for delivery, not yet in a mailbox.`,
			`クラス2(成功)で、サブジェクトと詳細は0である。メールの最後の「.」への「250 2.0.0 Ok: queued as ...」は、メールが配送待ちのキューに入ったことを表し、まだメールボックスに届いてはいない。`),
		RFC: "RFC 3463 3.1",
	},
	{
		Key:   "2.1.0",
		Title: i18n.T(`Sender address accepted`, `送信者アドレスを受理`),
		Text: i18n.T(
			`Success about an address (subject 1, detail 0). Servers send it after MAIL FROM to say the envelope sender is accepted.`,
			`アドレスに関する成功(サブジェクト1、詳細0)である。MAIL FROMの後に、エンベロープFromを受け付けたことを示す。`),
		RFC: "RFC 3463 3.2",
	},
	{
		Key:   "2.1.5",
		Title: i18n.T(`Destination address valid`, `宛先アドレスは有効`),
		Text: i18n.T(
			`The recipient address is accepted (after RCPT TO). It only says this server will take mail for the address; delivery happens after DATA.`,
			`宛先アドレスを受け付けた(RCPT TOの後)。このサーバがそのアドレス宛てのメールを受け取るというだけで、配送はDATAの後に行われる。`),
		RFC: "RFC 3463 3.2",
	},
	{
		Key:   "2.3.0",
		Title: i18n.T(`Mail system status: success`, `メールシステムの状態: 成功`),
		Text: i18n.T(
			`Success reported about the mail system (subject 3) with no more detail.`,
			`メールシステム(サブジェクト3)に関する成功で、詳細はない。`),
		RFC: "RFC 3463 3.4",
	},
	{
		Key:   "2.6.0",
		Title: i18n.T(`Message content: success`, `メッセージ内容: 成功`),
		Text: i18n.T(
			`Success reported about the message content (subject 6, detail 0). Some servers, such as Microsoft Exchange, answer the final "." with "250 2.6.0 ... Queued mail for delivery".`,
			`メッセージの内容(サブジェクト6、詳細0)に関する成功である。Microsoft Exchangeなど一部のサーバは、メールの最後の「.」に「250 2.6.0 ... Queued mail for delivery」と答える。`),
		RFC: "RFC 3463 3.7",
	},
	{
		Key:   "2.7.0",
		Title: i18n.T(`Security: success`, `セキュリティ: 成功`),
		Text: i18n.T(
			`Success on a security matter (subject 7), as in "235 2.7.0 Authentication successful" after SMTP-AUTH.`,
			`セキュリティ(サブジェクト7)に関する成功である。SMTP-AUTHの後の「235 2.7.0 Authentication successful」などがこれに当たる。`),
		RFC: "RFC 3463 3.8; RFC 4954 6",
	},
	{
		Key:   "4.3.0",
		Title: i18n.T(`Temporary mail system problem`, `メールシステムの一時的な問題`),
		Text: i18n.T(
			`A temporary failure of the receiving mail system, with no more detail. The message may go through if sent again later.`,
			`受信側メールシステムの一時的な障害で、詳細はない。後で送り直せば通るかもしれない。`),
		Cause: i18n.T(
			`The server could not write to its queue, ran out of resources, or hit an internal error.`,
			`サーバがキューに書き込めなかった、資源が足りなくなった、内部エラーが起きたなど。`),
		Fix: i18n.T(
			`Retry later (a sending MTA does); the server's administrator should check its logs.`,
			`時間をおいて再送する(送信側MTAは自動で行う)。サーバの管理者はログを確認する。`),
		RFC: "RFC 3463 3.4",
	},
	{
		Key:   "4.3.1",
		Title: i18n.T(`Mail system full`, `メールシステムの容量不足`),
		Text: i18n.T(
			`The receiving server has no room to queue another message now ("452 4.3.1 Insufficient system storage", answered to MAIL FROM). The sender should try again later.`,
			`受信側サーバに、今はこれ以上メールをキューに入れる余裕がない(MAIL FROMへの応答「452 4.3.1 Insufficient system storage」)。送信側は後で送り直す。`),
		Cause: i18n.T(
			`The server's queue or disk is full: for example an open relay whose queue filled with spam it cannot pass on.`,
			`サーバのキューやディスクがいっぱいになった。例えば、第三者中継を許すサーバのキューが、転送できないスパムメールで埋まった場合である。`),
		Fix: i18n.T(
			`Retry later (a sending MTA does); the server's administrator frees space and finds out what filled the queue.`,
			`時間をおいて再送する(送信側MTAは自動で行う)。サーバの管理者は空き容量を確保し、何がキューを埋めたかを調べる。`),
		RFC: "RFC 3463 3.4; RFC 5321 4.2.2",
	},
	{
		Key:   "4.4.1",
		Title: i18n.T(`No answer from host`, `相手ホストから応答がない`),
		Text: i18n.T(
			`The sending MTA got no answer when it tried to connect to the next server. It keeps the message queued and retries; the code appears in delay notices and, once the retry time runs out, in the bounce.`,
			`送信側MTAが次のサーバへ接続しようとしたが、応答がなかった。MTAはメールをキューに残して再送する。このコードは遅延通知や、再送期限切れ後のバウンスメールに現れる。`),
		Cause: i18n.T(
			`The receiving server is down, or a firewall or an OP25B filter silently drops the SYN, so the connection times out.`,
			`受信側サーバが停止しているか、ファイアウォールやOP25BのフィルタがSYNを黙って捨てたため、接続がタイムアウトした。`),
		Fix: i18n.T(
			`Check that the MX host is up and reachable on port 25. A home PC should send through its provider's mail server on port 587 instead.`,
			`MXのホストが動いていて、25番ポートに到達できるかを確かめる。家庭のPCは25番ポートではなく、送信メールサーバのサブミッションポート(587番ポート)へ送る。`),
		RFC: "RFC 3463 3.5",
	},
	{
		Key:   "4.4.2",
		Title: i18n.T(`Bad connection`, `接続の異常`),
		Text: i18n.T(
			`The connection was made but broke off or timed out before the transaction ended. "421 4.4.2 ... timeout exceeded" is what a server says to a client that stays silent.`,
			`接続はできたが、トランザクションが終わる前に切れたかタイムアウトした。「421 4.4.2 ... timeout exceeded」は、黙ったままのクライアントにサーバが告げる応答である。`),
		Cause: i18n.T(
			`The client was silent too long, or the network dropped the connection.`,
			`クライアントが長く無応答だったか、ネットワークが接続を切った。`),
		Fix: i18n.T(
			`Reconnect and send again; a sending MTA retries by itself.`,
			`再接続して送り直す。送信側MTAは自動で再送する。`),
		RFC: "RFC 3463 3.5",
	},
	{
		Key:   "4.5.3",
		Title: i18n.T(`Too many recipients`, `宛先が多すぎる`),
		Text: i18n.T(
			`This transaction already has as many recipients as the server accepts ("452 4.5.3 Too many recipients"). The recipients accepted so far are fine.`,
			`このトランザクションの宛先数がサーバの上限に達した(「452 4.5.3 Too many recipients」)。それまでに受け付けられた宛先は問題ない。`),
		Cause: i18n.T(
			`More RCPT commands than the server's limit in one transaction (a server must accept at least 100).`,
			`1つのトランザクションでサーバの上限を超えるRCPTを送った(サーバは最低100件を受け付ける決まり)。`),
		Fix: i18n.T(
			`Finish this transaction, then send the remaining recipients in another one.`,
			`このトランザクションを終えてから、残りの宛先を別のトランザクションで送る。`),
		RFC: "RFC 3463 3.6; RFC 5321 4.5.3.1.10",
	},
	{
		Key:   "4.7.0",
		Title: i18n.T(`Temporary security or policy problem`, `セキュリティ・ポリシーの一時的な問題`),
		Text: i18n.T(
			`A temporary failure about security or policy: "454 4.7.0 TLS not available", a temporary authentication failure, or "421 4.7.0 Error: too many errors" when the server hangs up on a client that keeps sending bad commands.`,
			`セキュリティやポリシーに関する一時的エラーである。「454 4.7.0 TLS not available」、一時的な認証の失敗、誤ったコマンドを送り続けるクライアントをサーバが切断するときの「421 4.7.0 Error: too many errors」などがある。`),
		Cause: i18n.T(
			`TLS is not set up on the server, its authentication service is down for a while, or the client sent error after error.`,
			`サーバでTLSが設定されていない、認証の仕組みが一時的に止まっている、またはクライアントが誤りを繰り返した。`),
		Fix: i18n.T(
			`Retry later, and do not fall back to sending a password without encryption; after "too many errors", fix the commands first.`,
			`時間をおいてやり直す。暗号化なしでパスワードを送る方法に切り替えてはならない。「too many errors」の後は、先にコマンドの誤りを直す。`),
		RFC: "RFC 3463 3.8; RFC 4954 6",
	},
	{
		Key:   "4.7.12",
		Title: i18n.T(`Password transition needed`, `パスワードの移行が必要`),
		Text: i18n.T(
			`"432 4.7.12 A password transition is needed": before this AUTH mechanism can work, the user must log in once with another mechanism, typically PLAIN over TLS.`,
			`「432 4.7.12 A password transition is needed」は、このAUTHの方式を使う前に、別の方式(通常はTLS上のPLAIN)で一度認証を受ける必要があることを表す。`),
		Cause: i18n.T(
			`The server does not yet hold the password in the form this mechanism needs.`,
			`この方式に必要な形でのパスワードを、サーバがまだ持っていない。`),
		Fix: i18n.T(
			`Log in once with AUTH PLAIN after STARTTLS; the chosen mechanism should then work.`,
			`STARTTLSの後に一度AUTH PLAINで認証を受ける。その後は選んだ方式が使えるようになる。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "5.0.0",
		Title: i18n.T(`Permanent failure (no detail)`, `恒久的エラー(詳細なし)`),
		Text: i18n.T(
			`A permanent error the server does not classify further: only the class, 5 for permanent, is known.`,
			`サーバがそれ以上分類しない恒久的エラーである。わかるのはクラス(5は恒久的エラー)だけである。`),
		Cause: i18n.T(
			`Any refusal the server has no specific code for.`,
			`サーバが個別のコードを持たない何らかの拒否。`),
		Fix: i18n.T(
			`Read the reply text for the reason; sending the same thing again will fail again.`,
			`応答の文面で理由を読む。同じものを送り直しても再び失敗する。`),
		RFC: "RFC 3463 3.1",
	},
	{
		Key:   "5.1.1",
		Title: i18n.T(`Bad destination mailbox address`, `宛先メールボックスが存在しない`),
		Text: i18n.T(
			`The recipient's mailbox does not exist at that domain: the part before "@" is wrong ("550 5.1.1 ... User unknown"). Only this recipient fails.`,
			`宛先のドメインに、そのメールボックスが存在しない。「@」より前の部分が誤っている(「550 5.1.1 ... User unknown」)。失敗するのはこの宛先だけである。`),
		Cause: i18n.T(
			`A typo in the user name, or an account that has been deleted.`,
			`ユーザ名の打ち間違いか、削除されたアカウント。`),
		Fix: i18n.T(
			`Check the spelling with the recipient. The sending MTA returns a bounce to the envelope sender.`,
			`相手にアドレスのつづりを確かめる。送信側MTAはエンベロープFromへバウンスメールを返す。`),
		RFC: "RFC 3463 3.2",
	},
	{
		Key:   "5.1.2",
		Title: i18n.T(`Bad destination system address`, `宛先ドメインが不正`),
		Text: i18n.T(
			`The part after "@" is not a domain that accepts mail: it does not exist in DNS or has no mail server.`,
			`「@」より後の部分が、メールを受け付けるドメインではない。DNSに存在しないか、メールサーバがない。`),
		Cause: i18n.T(
			`A typo in the domain name (the DNS answers NXDOMAIN), or a domain that has expired.`,
			`ドメイン名の打ち間違い(DNSがNXDOMAINを返す)か、期限切れのドメイン。`),
		Fix: i18n.T(
			`Check the spelling of the domain, such as example.jp against example.co.jp.`,
			`example.jpとexample.co.jpのような、ドメインのつづりを確かめる。`),
		RFC: "RFC 3463 3.2",
	},
	{
		Key:   "5.1.3",
		Title: i18n.T(`Bad destination address syntax`, `宛先アドレスの構文誤り`),
		Text: i18n.T(
			`"501 5.1.3 Bad recipient address syntax": the address in RCPT TO is not a valid address.`,
			`「501 5.1.3 Bad recipient address syntax」は、RCPT TOのアドレスが正しい形ではないことを表す。`),
		Cause: i18n.T(
			`Missing angle brackets, spaces, two "@" signs, or characters not allowed in an address.`,
			`<>がない、空白がある、「@」が2つある、アドレスに使えない文字があるなど。`),
		Fix: i18n.T(
			`Write it as RCPT TO:<user@example.jp>.`,
			`RCPT TO:<user@example.jp>の形で書く。`),
		RFC: "RFC 3463 3.2",
	},
	{
		Key:   "5.1.7",
		Title: i18n.T(`Bad sender address syntax`, `送信者アドレスの構文誤り`),
		Text: i18n.T(
			`"501 5.1.7 Bad sender address syntax": the address in MAIL FROM is malformed.`,
			`「501 5.1.7 Bad sender address syntax」は、MAIL FROMのアドレスの形が誤っていることを表す。`),
		Cause: i18n.T(
			`Missing angle brackets, spaces, or characters not allowed in an address.`,
			`<>がない、空白がある、アドレスに使えない文字があるなど。`),
		Fix: i18n.T(
			`Write MAIL FROM:<user@example.jp>, or MAIL FROM:<> for a bounce.`,
			`MAIL FROM:<user@example.jp>と書く。バウンスメールなら、空のエンベロープFrom(MAIL FROM:<>)とする。`),
		RFC: "RFC 3463 3.2",
	},
	{
		Key:   "5.1.8",
		Title: i18n.T(`Bad sender's system address`, `送信者ドメインが不正`),
		Text: i18n.T(
			`The domain of the envelope sender (MAIL FROM) cannot receive mail: it is not in DNS or has no MX or A record, so a bounce could never be returned.`,
			`エンベロープFrom(MAIL FROM)のドメインがメールを受け取れない。DNSに存在しないかMXレコードもAレコードもないため、バウンスメールを返せない。`),
		Cause: i18n.T(
			`A mistyped or made-up sender domain, common in spam.`,
			`送信者ドメインの打ち間違いや架空のドメイン(スパムメールに多い)。`),
		Fix: i18n.T(
			`Send from an address whose domain exists and has an MX record.`,
			`実在し、MXレコードを持つドメインのアドレスから送る。`),
		RFC: "RFC 3463 3.2",
	},
	{
		Key:   "5.1.10",
		Title: i18n.T(`Recipient address has null MX`, `宛先ドメインがnull MX`),
		Text: i18n.T(
			`The recipient's domain publishes a null MX ("MX 0 ."), declaring that it accepts no mail. The sending MTA gives up at once instead of trying the domain's A record.`,
			`宛先のドメインがnull MX(「MX 0 .」)を公開し、メールを一切受け付けないと宣言している。送信側MTAはドメインのAレコードを試さず、すぐにあきらめる。`),
		Cause: i18n.T(
			`The domain is used for the web only, or the address is wrong.`,
			`ドメインがWeb専用か、アドレスが誤っている。`),
		Fix: i18n.T(
			`Check the address with the recipient; retrying will not help.`,
			`相手にアドレスを確かめる。再送しても通らない。`),
		RFC: "RFC 7505; RFC 3463 3.2",
	},
	{
		Key:   "5.2.2",
		Title: i18n.T(`Mailbox full`, `メールボックスが満杯`),
		Text: i18n.T(
			`The recipient's mailbox has used up its quota and cannot take this message.`,
			`相手のメールボックスが容量の上限に達し、このメールを受け取れない。`),
		Cause: i18n.T(
			`The recipient has not downloaded or deleted mail for a long time, such as a POP3 client set to leave mail on the server.`,
			`相手が長い間メールを受信も削除もしていない(サーバにメールを残す設定のPOP3クライアントなど)。`),
		Fix: i18n.T(
			`The recipient must delete mail; the sender can try again later or reach them another way.`,
			`相手がメールを削除する必要がある。送信者は後で送り直すか、別の手段で連絡する。`),
		RFC: "RFC 3463 3.3",
	},
	{
		Key:   "5.3.4",
		Title: i18n.T(`Message too big for system`, `メールが大きすぎる`),
		Text: i18n.T(
			`"552 5.3.4 Error: message file too big": the message is larger than the server's limit, which it announces as SIZE in its EHLO reply.`,
			`「552 5.3.4 Error: message file too big」は、メールがサーバの上限を超えていることを表す。上限は、EHLOへの応答のSIZEで示される。`),
		Cause: i18n.T(
			`A large attachment; base64 encoding makes an attachment about a third bigger than the file.`,
			`大きな添付ファイル。Base64でエンコードすると、添付ファイルは元のファイルより約3分の1大きくなる。`),
		Fix: i18n.T(
			`Send a smaller message, or share the file another way.`,
			`メールを小さくするか、ファイルを別の方法で渡す。`),
		RFC: "RFC 3463 3.4",
	},
	{
		Key:   "5.4.4",
		Title: i18n.T(`Unable to route`, `配送経路がない`),
		Text: i18n.T(
			`The sending MTA found no way to reach the recipient's domain: its MX records name hosts that have no address (A) record, so there is nothing to connect to. RFC 5321 5.1 says such a domain is an error to report, not a problem to retry, so the message bounces at once.`,
			`送信側MTAが宛先ドメインへの経路を見つけられなかった。MXレコードが指すホストにアドレス(A)レコードがなく、接続先がない。RFC 5321 5.1は、これを再送ではなく報告すべきエラーとしているので、送信側MTAはすぐにバウンスメールを返す。`),
		Cause: i18n.T(
			`A broken DNS setup of the recipient's domain: an MX pointing at a name that does not resolve.`,
			`宛先ドメインのDNS設定の誤り。解決できない名前をMXレコードが指している。`),
		Fix: i18n.T(
			`The recipient's administrator must fix the MX records; check the address with the recipient another way.`,
			`宛先ドメインの管理者がMXレコードを直す必要がある。別の手段で相手にアドレスを確かめる。`),
		RFC: "RFC 3463 3.5; RFC 5321 5.1",
	},
	{
		Key:   "5.4.7",
		Title: i18n.T(`Delivery time expired`, `配送期限切れ`),
		Text: i18n.T(
			`The message stayed in a queue longer than allowed (a few days, RFC 5321 4.5.4.1) and was given up.`,
			`メールが許された期間(数日、RFC 5321 4.5.4.1)を超えてキューに残り、配送をあきらめた。`),
		Servers: i18n.T(
			`Some MTAs bounce it with 5.4.7 or 4.4.7; Postfix, and this simulator, instead report the last problem that kept it queued, such as "Status: 4.4.1" with "connect to ...: Connection timed out": a 4.x.x status in a bounce is allowed, since RFC 3463 3.1 defines class 4 as a transient condition whose persistence caused the message to be abandoned.`,
			`5.4.7や4.4.7でバウンスメールを返すMTAもあるが、Postfixとこのシミュレータは、キューに残った原因である最後の問題を報告する。たとえば「Status: 4.4.1」と「connect to ...: Connection timed out」である。RFC 3463 3.1はクラス4を、一時的な状態が続いたためにメールの配送をあきらめた場合にも使うと定めているので、バウンスメールに4.x.xがあっても誤りではない。`),
		Cause: i18n.T(
			`The recipient's server was down or unreachable for days, or kept answering with a 4xx.`,
			`宛先のサーバが何日も停止していたか到達できなかった、または4xxを返し続けた。`),
		Fix: i18n.T(
			`Check that the recipient's MX is up and reachable, then send the message again.`,
			`宛先のMXが動いていて到達できることを確かめてから、メールを送り直す。`),
		RFC: "RFC 3463 3.5; RFC 5321 4.5.4.1",
	},
	{
		Key:   "5.4.6",
		Title: i18n.T(`Routing loop detected`, `メールループを検出`),
		Text: i18n.T(
			`The message has passed through too many servers (it carries more Received: header fields than the limit), so it is probably going round in a loop: "554 5.4.6 Too many hops".`,
			`メールが多くのサーバを経由しすぎた(Received:ヘッダの数が上限を超えた)ため、メールループ(配送ループ)と判断された。「554 5.4.6 Too many hops」がこの応答である。`),
		Cause: i18n.T(
			`Servers forward the domain's mail to each other, such as MX records or forwarding rules that point back.`,
			`MXレコードや転送設定が互いを指していて、サーバ間でメールが行き来している。`),
		Fix: i18n.T(
			`Fix the MX records or the forwarding settings so that the mail reaches a final destination.`,
			`メールが最終の宛先に届くよう、MXレコードや転送設定を直す。`),
		RFC: "RFC 3463 3.5; RFC 5321 6.3",
	},
	{
		Key:   "5.5.0",
		Title: i18n.T(`Protocol error (other)`, `プロトコルエラー(その他)`),
		Text: i18n.T(
			`A permanent protocol error with no more detail, such as a command line over the 512-octet limit.`,
			`詳細のない恒久的なプロトコルエラーである。512オクテットの上限を超えるコマンド行などが該当する。`),
		Cause: i18n.T(
			`The client broke the protocol in a way the server does not classify, often with an over-long line.`,
			`クライアントがサーバの分類しない形でプロトコルに反した。長すぎる行が多い。`),
		Fix: i18n.T(
			`Keep to the limits: command lines within 512 octets and text lines within 1000, CRLF included.`,
			`上限を守る(CRLFを含めてコマンド行は512オクテット、本文の行は1000オクテットまで)。`),
		RFC: "RFC 3463 3.6; RFC 5321 4.5.3.1",
	},
	{
		Key:   "5.5.1",
		Title: i18n.T(`Invalid command`, `不正なコマンド`),
		Text: i18n.T(
			`The command is not acceptable here: out of sequence ("503 5.5.1 Error: need MAIL command"; Postfix's "554 5.5.1 Error: no valid recipients") or not available on this server ("502 5.5.1 Error: EXPN command not implemented", "502 5.5.1 VRFY command is disabled").`,
			`このコマンドは今は受け付けられない。原因は順序の誤り(「503 5.5.1 Error: need MAIL command」、Postfixの「554 5.5.1 Error: no valid recipients」)か、このサーバでは使えないコマンド(「502 5.5.1 Error: EXPN command not implemented」、「502 5.5.1 VRFY command is disabled」)である。`),
		Cause: i18n.T(
			`A skipped step, such as RCPT before MAIL or MAIL before EHLO, or a command the server has turned off.`,
			`MAILより前のRCPTやEHLOより前のMAILなど手順の飛ばし、またはサーバが無効にしたコマンド。`),
		Fix: i18n.T(
			`Send EHLO, MAIL, RCPT and DATA in order, using only commands the EHLO reply offers.`,
			`EHLO、MAIL、RCPT、DATAの順に送り、EHLOへの応答が示すコマンドだけを使う。`),
		RFC: "RFC 3463 3.6",
	},
	{
		Key:   "5.5.2",
		Title: i18n.T(`Syntax error`, `構文エラー`),
		Text: i18n.T(
			`The command could not be parsed: an unknown verb ("500 5.5.2 Error: command not recognized"; Postfix sends it with 502), an empty line, or base64 that does not decode.`,
			`コマンドを解釈できなかった。原因は未知のコマンド(「500 5.5.2 Error: command not recognized」、Postfixは502で返す)、空行、デコードできないBase64などである。`),
		Cause: i18n.T(
			`A typo, or talking to the wrong service, such as POP3 commands sent to an SMTP port.`,
			`打ち間違い、またはSMTPのポートにPOP3のコマンドを送るなど、接続先のサービスの誤り。`),
		Fix: i18n.T(
			`Check the spelling of the command and the port number.`,
			`コマンドのつづりとポート番号を確かめる。`),
		RFC: "RFC 3463 3.6",
	},
	{
		Key:   "5.5.4",
		Title: i18n.T(`Invalid command arguments`, `コマンドの引数が不正`),
		Text: i18n.T(
			`The command is known but its argument is not: EHLO without a host name, an unknown AUTH mechanism, or an unknown MAIL or RCPT parameter.`,
			`コマンドは正しいが、引数が不正である。ホスト名のないEHLO、未知のAUTH方式、MAILやRCPTの未知のパラメータなどが該当する。`),
		Cause: i18n.T(
			`A missing argument, or one the server does not support.`,
			`引数が欠けているか、サーバが対応していない引数。`),
		Fix: i18n.T(
			`Check the EHLO reply for what the server supports and send the command again with a valid argument.`,
			`EHLOへの応答でサーバの対応範囲を確かめ、正しい引数でコマンドを送り直す。`),
		RFC: "RFC 3463 3.6",
	},
	{
		Key:   "5.5.6",
		Title: i18n.T(`Authentication line too long`, `認証の行が長すぎる`),
		Text: i18n.T(
			`"500 5.5.6 Authentication Exchange line is too long": a line of the AUTH exchange (the initial response or an answer to 334) was longer than the server accepts.`,
			`「500 5.5.6 Authentication Exchange line is too long」は、AUTHのやり取りの行(最初の応答や334への応答)が、サーバの受け付ける長さを超えたことを表す。`),
		Cause: i18n.T(
			`A client bug, or credentials far longer than a user name and password should be.`,
			`クライアントの不具合か、ユーザ名とパスワードとしては長すぎる認証情報。`),
		Fix: i18n.T(
			`Check the account settings in the mail software, or update the software.`,
			`メールソフトのアカウント設定を確かめるか、ソフトを更新する。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "5.6.0",
		Title: i18n.T(`Message content problem`, `メッセージ内容の問題`),
		Text: i18n.T(
			`A permanent problem with the message content (subject 6), with no more detail. "554 5.6.0 Error: message text line too long" means a line of the message was over the 1000-octet limit of RFC 5321 4.5.3.1.6, which this server enforces.`,
			`メッセージの内容(サブジェクト6)に関する恒久的エラーで、詳細はない。「554 5.6.0 Error: message text line too long」は、本文の1行がRFC 5321 4.5.3.1.6の上限である1000オクテットを超えたという意味で、このサーバはこの上限を守らせる。`),
		Servers: i18n.T(
			`Real servers are lenient here: Postfix accepts the message and breaks lines longer than its line_length_limit (2048) itself, so the same message would get 250 there.`,
			`実際のサーバはここで寛容で、Postfixはメールを受け付け、line_length_limit(2048)を超える行を自分で分割する。同じメールがPostfixなら250になる。`),
		Cause: i18n.T(
			`A text line over 1000 octets, CRLF included, from software that neither wraps nor encodes long lines.`,
			`長い行を折り返しもエンコードもしないソフトが送った、CRLFを含めて1000オクテットを超える行。`),
		Fix: i18n.T(
			`Wrap the lines, or encode the body with quoted-printable or base64, so that no line is longer than 1000 octets.`,
			`行を折り返すか、本文をquoted-printableやBase64でエンコードして、どの行も1000オクテット以内にする。`),
		RFC: "RFC 3463 3.7; RFC 5321 4.5.3.1.6",
	},
	{
		Key:   "5.7.0",
		Title: i18n.T(`Security or policy refusal (other)`, `セキュリティ・ポリシーによる拒否(その他)`),
		Text: i18n.T(
			`A permanent refusal for security or policy reasons, with no more detail: "530 5.7.0 Authentication required" on the submission port, or an AUTH exchange the client cancelled.`,
			`セキュリティやポリシーによる恒久的な拒否で、詳細はない。サブミッションポートでの「530 5.7.0 Authentication required」や、クライアントが中止した認証などが該当する。`),
		Cause: i18n.T(
			`The client tried to send mail without logging in with SMTP-AUTH.`,
			`クライアントがSMTP-AUTHで認証を受けずにメールを送ろうとした。`),
		Fix: i18n.T(
			`Enable SMTP authentication in the mail software and log in before MAIL FROM.`,
			`メールソフトでSMTP-AUTH(SMTP認証)を有効にし、MAIL FROMの前に認証を受ける。`),
		RFC: "RFC 3463 3.8; RFC 4954 6",
	},
	{
		Key:   "5.7.1",
		Title: i18n.T(`Delivery not authorized (relay denied)`, `配送が許可されない(中継拒否)`),
		Text: i18n.T(
			`The server refuses for policy reasons. "554 5.7.1 <rcpt>: Relay access denied" means it is not the destination for that domain and will not relay for this client, which is what stops open relaying (third-party relay).`,
			`ポリシーにより拒否された。「554 5.7.1 <宛先>: Relay access denied」は、このサーバがそのドメインの宛先ではなく、このクライアントのための中継も許さないことを表す。第三者中継(不正中継)を防ぎ、サーバがスパム送信者の踏み台にされないための応答である。`),
		Cause: i18n.T(
			`The client is neither on the server's own network nor authenticated, and the recipient's domain is handled elsewhere.`,
			`クライアントがサーバのネットワーク内になく、SMTP-AUTHで認証も受けておらず、宛先ドメインは別のサーバが受け持っている。`),
		Fix: i18n.T(
			`Send through your own provider's mail server on the submission port 587 with SMTP-AUTH; a server relays only for its own users.`,
			`自分の送信メールサーバ(契約しているISPやメールサービスのもの)へ、サブミッションポート(587番ポート)でSMTP-AUTHを使って送る。サーバは自分の利用者のメールしか中継しない。`),
		RFC: "RFC 3463 3.8; RFC 5321 7.9",
	},
	{
		Key:   "5.7.8",
		Title: i18n.T(`Authentication credentials invalid`, `認証情報が正しくない`),
		Text: i18n.T(
			`"535 5.7.8 Error: authentication failed": the user name or password given with SMTP-AUTH is wrong.`,
			`「535 5.7.8 Error: authentication failed」は、SMTP-AUTHで送ったユーザ名かパスワードが誤っていることを表す。`),
		Cause: i18n.T(
			`A mistyped password, the wrong user name (some providers need the full mail address), or a password changed on the server.`,
			`パスワードの打ち間違い、ユーザ名の誤り(メールアドレス全体が必要なプロバイダもある)、サーバ側でのパスワード変更。`),
		Fix: i18n.T(
			`Check the account settings in the mail software and log in again.`,
			`メールソフトのアカウント設定を確かめて、認証をやり直す。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "5.7.9",
		Title: i18n.T(`Authentication mechanism too weak`, `認証方式が弱すぎる`),
		Text: i18n.T(
			`"534 5.7.9": the server's policy does not allow the AUTH mechanism the client chose.`,
			`「534 5.7.9」は、クライアントが選んだAUTHの方式をサーバのポリシーが許さないことを表す。`),
		Cause: i18n.T(
			`The client picked a mechanism the server considers too weak.`,
			`サーバが弱すぎるとみなす方式をクライアントが選んだ。`),
		Fix: i18n.T(
			`Choose another mechanism from the AUTH line of the EHLO reply.`,
			`EHLOへの応答のAUTH行から別の方式を選ぶ。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "5.7.11",
		Title: i18n.T(`Encryption required for authentication`, `認証には暗号化が必要`),
		Text: i18n.T(
			`"538 5.7.11": this AUTH mechanism is allowed only over an encrypted connection, so that the password is not sent in clear text.`,
			`「538 5.7.11」は、このAUTHの方式が暗号化された接続でしか使えないことを表す。パスワードを平文で送らないためである。`),
		Cause: i18n.T(
			`AUTH PLAIN or LOGIN was sent before STARTTLS.`,
			`STARTTLSの前にAUTH PLAINやLOGINを送った。`),
		Fix: i18n.T(
			`Send STARTTLS, then EHLO and AUTH again, or use port 465 where TLS starts at once.`,
			`STARTTLSを送ってからEHLOとAUTHをやり直すか、最初からTLSで接続する465番ポートを使う。`),
		RFC: "RFC 4954 6",
	},
	{
		Key:   "5.7.23",
		Title: i18n.T(`SPF validation failed`, `SPFの検証に失敗`),
		Text: i18n.T(
			`The receiving server checked the envelope sender's (MAIL FROM) domain against its SPF record, and the sending IP address is not allowed to send for it.`,
			`受信側サーバがエンベロープFrom(MAIL FROM)のドメインのSPFレコードを調べたところ、送信元のIPアドレスはそのドメインのメールを送ることを許されていなかった。送信元ドメインのなりすましが疑われる。`),
		Cause: i18n.T(
			`The mail was sent from a server the domain's SPF record does not list, or it was forwarded with the original envelope sender kept.`,
			`ドメインのSPFレコードに載っていないサーバから送ったか、元のエンベロープFromのまま転送された。`),
		Fix: i18n.T(
			`Send through the servers your domain's SPF record lists, or add the sending server to the record.`,
			`ドメインのSPFレコードに載っているサーバから送るか、送信に使うサーバをSPFレコードに加える。`),
		RFC: "RFC 7372; RFC 7208",
	},
	{
		Key:   "5.7.26",
		Title: i18n.T(`Multiple authentication checks failed`, `複数の送信ドメイン認証に失敗`),
		Text: i18n.T(
			`Several sender authentication checks failed together, typically SPF and DKIM, so DMARC fails as well. Large mailbox providers reject unauthenticated mail with this code.`,
			`複数の送信ドメイン認証が同時に失敗した(典型的にはSPFとDKIMで、その結果DMARCも失敗する)。大手のメールサービスは、認証されないメールをこのコードで拒否する。`),
		Cause: i18n.T(
			`The sending server has no passing SPF or DKIM for the domain, or those domains do not match the header From domain.`,
			`送信側のサーバがそのドメインのSPFにもDKIMにも合格していないか、それらのドメインがヘッダFromのドメインと一致しない。`),
		Fix: i18n.T(
			`Publish SPF and sign with DKIM for the domain in the header From, then check the DMARC result.`,
			`ヘッダFromのドメインでSPFを公開しDKIMで署名したうえで、DMARCの結果を確かめる。`),
		RFC: "RFC 7372",
	},
	{
		Key:   "5.7.27",
		Title: i18n.T(`Sender address has null MX`, `送信者ドメインがnull MX`),
		Text: i18n.T(
			`The envelope sender's domain publishes a null MX, so it can receive no replies or bounces, and the receiving server refuses the mail.`,
			`エンベロープFromのドメインがnull MXを公開しているため返信もバウンスメールも受け取れず、受信側サーバがメールを拒否した。`),
		Cause: i18n.T(
			`Mail sent from a domain that is configured to accept no mail.`,
			`メールを受け付けない設定のドメインから送った。`),
		Fix: i18n.T(
			`Send from a domain that has working MX records.`,
			`有効なMXレコードを持つドメインから送る。`),
		RFC: "RFC 7505",
	},
}
