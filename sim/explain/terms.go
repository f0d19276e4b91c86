package explain

import "github.com/mailsim/mailsim/sim/i18n"

// Keys of the term entries that other code refers to.
const (
	keyTermOP25B  = "OP25B"
	keyTermIP25B  = "IP25B"
	keyTermBase64 = "base64"
)

// termEntries explain the words learners meet in exam questions and
// textbooks (../shared/EXAM-TOPICS.md, ../shared/GLOSSARY-ja.md) rather than
// on the wire: roles (MUA, MTA), policies (OP25B, 第三者中継), identities
// (envelope From, header From) and encodings (base64). termAliases maps what
// learners type, in either language, to these keys.
var termEntries = []Entry{
	{
		Key:   "SMTP",
		Title: i18n.T(`SMTP: the protocol that sends and relays mail`, `SMTP:メールを送信・中継するプロトコル`),
		Text: i18n.T(
			`Simple Mail Transfer Protocol carries mail from a mail program to its server (submission, port 587) and from server to server (relay, port 25). It is a dialogue of text commands (EHLO, MAIL FROM, RCPT TO, DATA, QUIT), each answered by a three-digit reply code; it only sends, and reading the mailbox is POP3's or IMAP's job.`,
			`SMTP(Simple Mail Transfer Protocol)は、メールソフトからメールサーバへの送信(587番ポート)と、メールサーバ間の中継(25番ポート)に使うプロトコルである。EHLO、MAIL FROM、RCPT TO、DATA、QUITなどの文字のコマンドに、サーバが3桁の応答コードで答える形で進む。SMTPは送るだけで、メールボックスからの受信はPOP3やIMAPが受け持つ。`),
		RFC: "RFC 5321 2",
	},
	{
		Key:   "POP3",
		Title: i18n.T(`POP3: fetching mail from the mailbox`, `POP3:メールボックスからの受信`),
		Text: i18n.T(
			`Post Office Protocol version 3 lets a mail program log in to its server (port 110, or 995 with TLS) and download the messages in its mailbox, usually deleting them there. Each answer starts with +OK or -ERR, and messages marked with DELE are removed only when QUIT ends the session.`,
			`POP3(Post Office Protocol version 3)は、メールソフトがメールサーバで認証を受け(110番ポート、TLSなら995番ポート)、メールボックスのメールを受信するためのプロトコルである。応答は+OKか-ERRで始まる。DELEで削除マークを付けたメールは、QUITでセッションが正常に終わったときに初めて削除される。`),
		RFC: "RFC 1939 3",
	},
	{
		Key:   "POP3 session states",
		Title: i18n.T(`POP3 states: AUTHORIZATION, TRANSACTION, UPDATE`, `POP3の状態:AUTHORIZATION状態、TRANSACTION状態、UPDATE状態`),
		Text: i18n.T(
			`A POP3 session starts in the AUTHORIZATION state (USER/PASS or APOP), moves to TRANSACTION after a login (STAT, LIST, RETR, DELE) and enters UPDATE only when the client sends QUIT. Messages marked with DELE are deleted in UPDATE, so a connection that breaks before QUIT deletes nothing.`,
			`POP3のセッションはAUTHORIZATION状態(USER/PASSやAPOPで認証する)で始まり、認証に成功するとTRANSACTION状態(STAT、LIST、RETR、DELE)に移る。クライアントがQUITを送ったときだけUPDATE状態に入り、DELEで削除マークを付けたメールがここで削除される。そのため、QUITの前に接続が切れると何も削除されない。`),
		RFC: "RFC 1939 3, 6",
	},
	{
		Key:   "open relay",
		Title: i18n.T(`Open relay: a server that relays for anyone`, `第三者中継(オープンリレー)`),
		Text: i18n.T(
			`A mail server that accepts mail from any client for any domain and passes it on. Spammers use such a server as a springboard to hide where the spam comes from; in a log it shows as a client from outside whose sender and recipients are all in other domains.`,
			`第三者中継とは、外部の誰からでも、自分が受け持たないドメイン宛てのメールを受け付けて中継してしまうことである。スパム送信者はこのようなメールサーバを踏み台にして送信元を隠す。ログでは、外部のIPアドレスから、送信者も宛先も他ドメインのメールが届いていることで見分けられる。`),
		RFC: "RFC 5321 7.9",
	},
	{
		Key:   "relay control",
		Title: i18n.T(`Closing an open relay`, `第三者中継の禁止`),
		Text: i18n.T(
			`A server relays only for its own networks or for clients that logged in with SMTP-AUTH, and accepts everything else only for the domains it is the final destination for. Other recipients get 554 5.7.1 (relay access denied) at RCPT TO.`,
			`第三者中継を防ぐには、中継を自組織のネットワークかSMTP-AUTHで認証したクライアントからのメールに限り、それ以外は自分が最終宛先であるドメイン宛てのメールだけを受け付ける。それ以外の宛先にはRCPT TOの時点で554 5.7.1(中継拒否)を返す。`),
		RFC: "RFC 5321 7.9; RFC 6409 4.3",
	},
	{
		Key:   keyTermOP25B,
		Title: i18n.T(`OP25B: Outbound Port 25 Blocking`, `OP25B(ISPによる25番ポートの遮断)`),
		Text: i18n.T(
			`An ISP blocks TCP port 25 from its dynamic IP addresses to servers outside its own network, so that a bot-infected PC cannot deliver spam straight to other domains' MX hosts. Its own customers send through the submission port 587 with SMTP-AUTH, which OP25B leaves open.`,
			`OP25Bは、ISPが自社の動的IPアドレスから外部のメールサーバの25番ポートへの通信を遮断する対策である。ボットに感染したPCが、ISPのメールサーバを経由せずに他ドメインのMXへスパムメールを直接送ることを防ぐ。利用者は、OP25Bの対象外であるサブミッションポート(587番ポート)でSMTP-AUTHを使って送信する。`),
		RFC: Practice + "; RFC 6409 3.1",
	},
	{
		Key:   keyTermIP25B,
		Title: i18n.T(`IP25B: Inbound Port 25 Blocking`, `IP25B(受信側での25番ポートの制限)`),
		Text: i18n.T(
			`The receiving side of OP25B: a provider refuses SMTP on port 25 that comes from other ISPs' dynamic IP ranges, because legitimate mail arrives from mail servers, not from home PCs. It stops spam from networks that do not apply OP25B themselves.`,
			`IP25Bは、メールサーバ側で、他のISPの動的IPアドレスから25番ポートに届くSMTPの接続を拒否する対策である。正規のメールはメールサーバから届き、家庭のPCから直接届くことはないためである。OP25Bを実施していないネットワークから来るスパムメールを、受信側で止める。`),
		RFC: Practice,
	},
	{
		Key:   "SMTP-AUTH",
		Title: i18n.T(`SMTP-AUTH: the sender logs in before sending`, `SMTP-AUTH(SMTP認証)`),
		Text: i18n.T(
			`The SMTP extension that lets a client log in with a user name and password (AUTH PLAIN, AUTH LOGIN, CRAM-MD5) before it sends. The submission port 587 requires it, so the server knows which of its users is sending and relays only for them.`,
			`SMTP-AUTHは、クライアントが送信の前にユーザ名とパスワードで認証を受けるためのSMTPの拡張である(AUTH PLAIN、AUTH LOGIN、CRAM-MD5など)。サブミッションポート(587番ポート)ではこの認証が必須で、メールサーバは自分の利用者からのメールだけを中継する。`),
		RFC: "RFC 4954 4; RFC 6409 4.3",
	},
	{
		Key:   "POP before SMTP",
		Title: i18n.T(`POP before SMTP: log in to POP3 first, then send`, `POP before SMTP(POP3の認証で送信を許可)`),
		Text: i18n.T(
			`An older way to authorise sending from servers without SMTP-AUTH: after a successful POP3 login, the server accepts mail from that client's IP address for a few minutes. It authorises an address, not a person, so SMTP-AUTH replaced it.`,
			`POP before SMTPは、SMTP-AUTHがなかったころの送信許可の方法である。POP3での認証に成功すると、その後の数分間、同じIPアドレスからのSMTPによる送信を許可する。許可の対象は人ではなくIPアドレスなので、現在はSMTP-AUTHに置き換えられている。`),
		RFC: Practice,
	},
	{
		Key:   "sender domain authentication",
		Title: i18n.T(`Sender domain authentication: SPF, DKIM, DMARC`, `送信ドメイン認証(SPF、DKIM、DMARC)`),
		Text: i18n.T(
			`Checks by the receiving server that mail really comes from the domain it claims. SPF compares the sending IP address with the envelope From domain's DNS record, DKIM verifies a digital signature with a public key published in DNS, and DMARC tells receivers what to do when both fail for the header From domain.`,
			`送信ドメイン認証は、メールが名乗ったドメインから本当に送られたかを受信側のメールサーバが確かめる仕組みである。SPFは送信元のIPアドレスをエンベロープFromのドメインのDNSレコードと照合し、DKIMはDNSで公開された公開鍵でディジタル署名を検証する。DMARCは、ヘッダFromのドメインについて両方の検証に失敗したときの扱いを、ドメインの管理者が宣言するものである。`),
		RFC: "RFC 7208 2.4; RFC 6376 3.6.2.1; RFC 7489 3.1",
	},
	{
		Key:   "envelope",
		Title: i18n.T(`Envelope: MAIL FROM and RCPT TO`, `エンベロープ(MAIL FROMとRCPT TO)`),
		Text: i18n.T(
			`SMTP carries a message in an envelope: the sender given by MAIL FROM and the recipients given by RCPT TO. Servers route and bounce by the envelope, not by the From: and To: header lines inside the message, and the two may differ (Bcc, mailing lists, forged mail).`,
			`SMTPはメールをエンベロープに入れて運び、エンベロープとはMAIL FROMで伝える送信者(エンベロープFrom)とRCPT TOで伝える宛先(エンベロープTo)である。メールサーバはメール中のヘッダFromやToではなくエンベロープに従って配送し、バウンスメールを返す。両者は一致するとは限らない(Bcc、メーリングリスト、なりすましなど)。`),
		RFC: "RFC 5321 2.3.1",
	},
	{
		Key:   "envelope From",
		Title: i18n.T(`Envelope From: the sender in MAIL FROM`, `エンベロープFrom(MAIL FROMの送信者)`),
		Text: i18n.T(
			`The address given in MAIL FROM (the reverse-path). Bounces are sent to it, SPF checks its domain, and the final server records it in the Return-Path: header; it may differ from the From: header the reader sees.`,
			`エンベロープFromは、MAIL FROMで伝える送信者のアドレス(リバースパス)である。バウンスメールはこのアドレスに返り、SPFはこのドメインを検査し、最終のメールサーバはこれをReturn-Path:ヘッダに記録する。利用者が目にするヘッダFromと異なることがある。`),
		RFC: "RFC 5321 3.3, 4.1.1.2",
	},
	{
		Key:   "header From",
		Title: i18n.T(`Header From: the author the reader sees`, `ヘッダFrom(利用者に見える送信者)`),
		Text: i18n.T(
			`The From: line in the message header, which mail programs show as the sender. SMTP does not check it against MAIL FROM, so it is easy to forge; DMARC is the check that ties it to SPF or DKIM results.`,
			`ヘッダFromは、メールのヘッダにあるFrom:の行で、メールソフトが送信者として表示するものである。SMTPはこれをエンベロープFromと照合しないので、なりすましが容易である。ヘッダFromのドメインをSPFやDKIMの結果と結び付けて検査するのがDMARCである。`),
		RFC: "RFC 5322 3.6.2; RFC 7489 3.1",
	},
	{
		Key:   "Return-Path",
		Title: i18n.T(`Return-Path: the envelope sender, recorded`, `Return-Path:ヘッダ(エンベロープFromの記録)`),
		Text: i18n.T(
			`The header field the final server adds at delivery, holding the envelope From of the SMTP transaction. It shows where bounces would go, which may differ from the From: header.`,
			`Return-Path:は、最終のメールサーバが配送するときに加えるヘッダで、SMTPのエンベロープFromを記録したものである。バウンスメールの返る先を示し、ヘッダFromと異なることがある。`),
		RFC: "RFC 5321 4.4",
	},
	{
		Key:   "Received",
		Title: i18n.T(`Received: one line per server on the way`, `Received:ヘッダ(経路の記録)`),
		Text: i18n.T(
			`Every SMTP server that handles a message adds a Received: line at the top of the header, naming the host it came from and itself. Read from bottom to top they show the path; "with ESMTPA" marks a client that logged in with SMTP-AUTH, and too many Received: lines reveal a mail loop.`,
			`メールを扱ったSMTPサーバは、それぞれヘッダの先頭にReceived:行を1つ加え、どのホストから受け取ったかと自分の名前を記録する。下から上へ読むと経路が分かり、「with ESMTPA」はSMTP-AUTHで認証したクライアントからの受信を表す。Received:行が多すぎる場合はメールループと判断される。`),
		RFC: "RFC 5321 4.4, 6.3",
	},
	{
		Key:   "MUA",
		Title: i18n.T(`MUA: Mail User Agent (the mail program)`, `MUA(Mail User Agent、メールソフト)`),
		Text: i18n.T(
			`The program a person reads and writes mail with, such as Thunderbird or a phone's mail app. It submits new mail to its MSA with SMTP on port 587 and fetches received mail from the mailbox with POP3 or IMAP.`,
			`MUAは、利用者がメールを読み書きするメールソフト(メーラ)である。新しいメールはSMTPで587番ポートのMSAへ送信し、届いたメールはPOP3やIMAPでメールボックスから受信する。`),
		RFC: "RFC 5598 4",
	},
	{
		Key:   "MSA",
		Title: i18n.T(`MSA: Mail Submission Agent`, `MSA(送信を受け付けるメールサーバ)`),
		Text: i18n.T(
			`The server that accepts new mail from MUAs, on the submission port 587 (or 465), after SMTP-AUTH. It checks and completes the message, then hands it to an MTA for relay.`,
			`MSAは、MUAから新しいメールを受け付けるサーバで、サブミッションポート(587番ポート、または465番ポート)でSMTP-AUTHによる認証の後に受け付ける。メールを検査・補完してから、中継のためにMTAへ渡す。`),
		RFC: "RFC 6409 1; RFC 5598 4",
	},
	{
		Key:   "MTA",
		Title: i18n.T(`MTA: Mail Transfer Agent (the mail server that relays)`, `MTA(Mail Transfer Agent、メールを中継するメールサーバ)`),
		Text: i18n.T(
			`The server that relays mail towards its destination with SMTP on port 25: it looks up the recipient domain's MX in DNS, connects, and passes the message on, keeping it in a queue and retrying while the next server cannot be reached. Mail is stored and forwarded this way, so the recipient's PC may be off.`,
			`MTAは、SMTPの25番ポートでメールを宛先へ中継するメールサーバである。宛先ドメインのMXレコードをDNSで調べて接続し、メールを渡す。次のサーバに届かない間はキューに保持して再送するので、メールは蓄積されながら転送され、受信者のPCが止まっていても届く。`),
		RFC: "RFC 5321 2.3.3; RFC 5598 4",
	},
	{
		Key:   "MDA",
		Title: i18n.T(`MDA: Mail Delivery Agent`, `MDA(メールボックスへ格納するプログラム)`),
		Text: i18n.T(
			`The part of the final mail server that stores an arriving message in the recipient's mailbox. From there the recipient's MUA fetches it with POP3 or IMAP.`,
			`MDAは、最終のメールサーバで、届いたメールを受信者のメールボックスに格納する部分である。受信者のMUAは、そこからPOP3やIMAPでメールを受信する。`),
		RFC: "RFC 5598 4",
	},
	{
		Key:   "mailbox",
		Title: i18n.T(`Mailbox: where mail waits for its reader`, `メールボックス`),
		Text: i18n.T(
			`The storage on the recipient's mail server where delivered messages wait until the reader fetches them (RFC 1939 calls it the maildrop). Because it lives on the server, mail arrives even while the reader's PC is off.`,
			`メールボックスは、受信者のメールサーバ上で、配送されたメールが受信されるまで保管される場所である(RFC 1939では「maildrop」と呼ぶ)。サーバ上にあるので、受信者のPCが止まっていてもメールは届く。`),
		RFC: "RFC 5598 3.1; RFC 1939 3",
	},
	{
		Key:   "store and forward",
		Title: i18n.T(`Store and forward: mail does not go PC to PC`, `蓄積転送:メールはPCからPCへ直接届かない`),
		Text: i18n.T(
			`Mail travels MUA to MSA, MTA to MTA, then into the recipient's mailbox, and each server stores the message before passing it on. The recipient's PC need not be on: it fetches the mail later with POP3 or IMAP.`,
			`メールは、MUAからMSAへ、MTAからMTAへと渡り、受信者のメールボックスに格納される。各サーバはメールをいったん蓄積してから次へ転送するので、受信者のPCが動いている必要はなく、後でPOP3やIMAPで受信すればよい。`),
		RFC: "RFC 5321 2.1",
	},
	{
		Key:   keyTermBase64,
		Title: i18n.T(`Base64: an encoding, not encryption`, `Base64:暗号化ではなくエンコード`),
		Text: i18n.T(
			`Base64 writes any bytes with 64 plain characters (A-Z, a-z, 0-9, + and /, with = as padding). SMTP-AUTH's PLAIN and LOGIN mechanisms send the user name and password this way, and anyone who sees the line can decode it, so they need TLS (STARTTLS or port 465).`,
			`Base64は、任意のバイト列をA〜Z、a〜z、0〜9、+、/の64文字(埋め草は=)で表すエンコードであり、暗号化ではない。SMTP-AUTHのPLAINやLOGINはユーザ名とパスワードをBase64で送るので、その行を見た者は誰でもデコードできる。そのため、STARTTLSや465番ポートのTLSと組み合わせて使う必要がある。`),
		RFC: "RFC 4648 4; RFC 4954 4",
	},
	{
		Key:   "MX preference",
		Title: i18n.T(`MX preference: the lowest value is tried first`, `プリファレンス値:値が小さいほど先に試す`),
		Text: i18n.T(
			`Each MX record carries a preference number; a sending MTA tries the host with the lowest value first and the others (backup MX) only when it cannot be reached. Equal values share the load in random order.`,
			`MXレコードにはプリファレンス値があり、送信側のMTAは値が小さいホストから先に試す。そのホストに接続できないときだけ、値の大きいホスト(バックアップMX)を試す。値が同じホストは順序を無作為にして負荷を分け合う。`),
		RFC: "RFC 5321 5.1",
	},
	{
		Key:   "implicit TLS",
		Title: i18n.T(`Implicit TLS: TLS from the first byte (465, 993, 995)`, `暗黙のTLS(465番、993番、995番ポート)`),
		Text: i18n.T(
			`The client starts TLS as soon as it connects, before any protocol line, on a port reserved for it: 465 for submission, 993 for IMAP, 995 for POP3. STARTTLS and STLS instead upgrade a plain connection on 587, 143 or 110, and RFC 8314 prefers implicit TLS.`,
			`暗黙のTLSでは、クライアントは接続した直後、プロトコルの行を送る前にTLSを始める。そのための専用のポートを使い、メールの送信(SMTPS)は465番、IMAPは993番、POP3は995番である。STARTTLSやSTLSは587番、143番、110番の平文の接続を途中でTLSに切り替える方式で、RFC 8314は暗黙のTLSを推奨している。`),
		RFC: "RFC 8314 3",
	},
	{
		Key:   "end-to-end encryption",
		Title: i18n.T(`End-to-end encryption versus STARTTLS`, `エンドツーエンドの暗号化とSTARTTLS`),
		Text: i18n.T(
			`STARTTLS and implicit TLS protect one hop between two servers; each server on the way sees the message in clear text. Only S/MIME or PGP encrypt the message itself from the sender to the recipient.`,
			`STARTTLSや暗黙のTLSが守るのは2つのサーバの間の1区間だけで、経路上の各サーバはメールを平文で扱う。送信者から受信者までメールそのものを暗号化する(エンドツーエンドの暗号化)のは、S/MIMEやPGPである。`),
		RFC: "RFC 3207 6; RFC 8314 3",
	},
	{
		Key:   "clear text",
		Title: i18n.T(`Clear text on ports 25, 110 and 143`, `平文(25番、110番、143番ポート)`),
		Text: i18n.T(
			`Without TLS, every line travels as readable text: an eavesdropper on plain POP3 sees USER, PASS and every message. APOP hides only the password (with MD5, no longer safe), while POP3S (995) or STLS encrypts the whole session.`,
			`TLSを使わなければ、すべての行が読める平文のまま流れる。平文のPOP3を盗聴すると、USER、PASSもメールの本文もすべて見える。APOPが隠すのはパスワードだけ(MD5を使い、現在は安全でない)で、セッション全体を暗号化するのはPOP3S(995番ポート)やSTLSである。`),
		RFC: "RFC 1939 13; RFC 8314 3",
	},
	{
		Key:   "packet filter",
		Title: i18n.T(`Packet filtering for mail`, `メールのパケットフィルタリング`),
		Text: i18n.T(
			`A firewall rule for a client sending mail through an outside server allows TCP from the client's port (1024 or above) to destination port 25 (or 587), and the replies back from source port 25 to the client's port. OP25B is the same kind of rule in an ISP's router, dropping TCP/25 from its dynamic range.`,
			`外部のメールサーバを使って送信するクライアントのためのファイアウォールの規則では、送信元ポート番号1024以上から宛先ポート番号25(または587)へのTCPと、送信元ポート番号25からクライアントへの戻りのパケットを許可する。OP25Bは、ISPのルータで動的IPアドレスからの宛先ポート番号25のTCPを破棄する、同じ種類の規則である。`),
		RFC: Practice + "; RFC 9293 3.1",
	},
	{
		Key:   "reply code",
		Title: i18n.T(`Reply code: three digits, the first one decides`, `応答コード:3桁の数字、先頭の1桁で決まる`),
		Text: i18n.T(
			`Every SMTP reply starts with a three-digit code: 2xx success, 3xx go on (354, 334), 4xx temporary error (try again later), 5xx permanent error. A client may act on the first digit alone; a hyphen after the code (250-) means more lines of the same reply follow.`,
			`SMTPの応答は必ず3桁の応答コードで始まり、2xxは成功、3xxは中間応答(354、334)、4xxは一時的エラー(後で再送する)、5xxは恒久的エラーを表す。クライアントは先頭の1桁だけで次の動作を決められる。コードの直後がハイフン(250-)なら、同じ応答の行がまだ続く。`),
		RFC: "RFC 5321 4.2.1",
	},
	{
		Key:   "enhanced status code",
		Title: i18n.T(`Enhanced status code: class.subject.detail`, `拡張ステータスコード(クラス.サブジェクト.詳細)`),
		Text: i18n.T(
			`The code after the reply code, such as 5.1.1 or 5.7.1, says more precisely what happened: the first number repeats the class (2, 4, 5), the second names the subject (1 address, 4 network and routing, 5 protocol, 7 security or policy) and the third the detail. Bounces quote it in their Status: field.`,
			`5.1.1や5.7.1のように応答コードの後に続くコードで、何が起きたかをより詳しく表す。1つ目の数字はクラス(2、4、5)、2つ目は対象(1はアドレス、4はネットワークと経路、5はプロトコル、7はセキュリティやポリシー)、3つ目は詳細である。バウンスメールのStatus:欄にも記載される。`),
		RFC: "RFC 3463 2",
	},
	{
		Key:   "mail transaction",
		Title: i18n.T(`Session and mail transaction`, `セッションとメールトランザクション`),
		Text: i18n.T(
			`An SMTP session runs from the server's 220 greeting to QUIT and 221. Inside it, each mail transaction is MAIL FROM, one or more RCPT TO, then DATA; RSET abandons a transaction, and one session may carry several.`,
			`SMTPのセッションは、サーバの220のあいさつからQUITと221までである。その中の1つ1つのメールトランザクションは、MAIL FROM、1つ以上のRCPT TO、DATAの順に進む。RSETはトランザクションを取り消し、1つのセッションで複数のトランザクションを行うこともできる。`),
		RFC: "RFC 5321 3.3",
	},
	{
		Key:   "PTR record",
		Title: i18n.T(`PTR record: reverse lookup of an IP address`, `PTRレコード(逆引き)`),
		Text: i18n.T(
			`A PTR record maps an IP address back to a host name (reverse lookup), under in-addr.arpa for IPv4. Receiving servers often check that a sending server's address has a PTR record that matches its name, and treat mail from addresses without one as suspect.`,
			`PTRレコードは、IPアドレスからホスト名を求める(逆引き)ためのレコードで、IPv4ではin-addr.arpaの下に置く。受信側のメールサーバは、送信元のIPアドレスに名前と一致するPTRレコードがあるかを調べ、ない場合はスパムメールを疑うことが多い。`),
		RFC: "RFC 1035 3.5",
	},
	{
		Key:   "DNSBL",
		Title: i18n.T(`DNSBL: a blocklist of sending addresses`, `DNSBL(ブロックリスト)`),
		Text: i18n.T(
			`A list of IP addresses known to send spam (open relays, infected PCs, dynamic ranges), published through DNS. A receiving server looks up the connecting address and refuses the mail, usually with 554 or 550 5.7.1, when it is listed.`,
			`DNSBLは、スパムメールを送るIPアドレス(第三者中継を許すサーバ、ボットに感染したPC、動的IPアドレスの範囲など)の一覧を、DNSで公開するブロックリストである。受信側のメールサーバは接続元のアドレスを問い合わせ、載っていれば554や550 5.7.1などでメールを拒否する。`),
		RFC: Practice + "; RFC 5782 2",
	},
}

// termAliases maps what learners type, in English and Japanese, to a
// canonical key. They are matched after folding (fold): case, full-width
// letters, spaces, hyphens and the katakana long vowel mark do not matter,
// so "サーバー" finds what "サーバ" finds.
var termAliases = map[string]string{
	// Protocols and their states.
	"smtp": "SMTP", "simple mail transfer protocol": "SMTP", "esmtp": "SMTP",
	"pop": "POP3", "pop3": "POP3", "post office protocol": "POP3",
	"authorization": "POP3 session states", "authorization状態": "POP3 session states",
	"transaction状態": "POP3 session states", "update": "POP3 session states",
	"update状態": "POP3 session states", "pop3の状態": "POP3 session states",
	"削除マーク": "POP3 DELE", "delete mark": "POP3 DELE",
	// Relaying.
	"第三者中継": "open relay", "オープンリレー": "open relay", "不正中継": "open relay",
	"踏み台": "open relay", "springboard": "open relay", "openrelay": "open relay",
	"relay": "MTA", "中継": "MTA", "relaying": "MTA",
	"第三者中継の禁止": "relay control", "中継制限": "relay control", "relay restriction": "relay control",
	"中継拒否": "5.7.1", "relay denied": "5.7.1", "relay access denied": "5.7.1",
	// Port 25 blocking.
	"op25b": keyTermOP25B, "outbound port 25 blocking": keyTermOP25B, "port 25 blocking": keyTermOP25B,
	"動的ipアドレス": keyTermOP25B, "dynamic ip": keyTermOP25B, "dynamic ip address": keyTermOP25B,
	"ip25b": "IP25B", "inbound port 25 blocking": "IP25B",
	// Submission and sender authentication.
	"サブミッションポート": "port 587", "サブミッション": "port 587", "message submission": "port 587",
	"smtp-auth": "SMTP-AUTH", "smtp認証": "SMTP-AUTH", "smtpauth": "SMTP-AUTH",
	"送信者認証": "SMTP-AUTH", "sender authentication": "SMTP-AUTH", "esmtpa": "SMTP-AUTH",
	"pop before smtp": "POP before SMTP", "smtp after pop": "POP before SMTP",
	"チャレンジレスポンス認証": "POP3 APOP", "challenge-response": "POP3 APOP", "md5": "POP3 APOP",
	"cram-md5": "SMTP AUTH",
	// Sender domain authentication.
	"送信ドメイン認証": "sender domain authentication", "送信元認証": "sender domain authentication",
	"sender domain authentication": "sender domain authentication", "なりすまし": "sender domain authentication",
	"spoofing": "sender domain authentication", "なりすましメール": "sender domain authentication",
	"sender policy framework": keySPF, "ディジタル署名": keyDKIM, "デジタル署名": keyDKIM,
	"digital signature": keyDKIM, "公開鍵": keyDKIM, "domainkeys identified mail": keyDKIM,
	"_dmarc": keyDMARC, "alignment": keyDMARC,
	// Envelope and header.
	"エンベロープ": "envelope", "封筒": "envelope",
	"エンベロープfrom": "envelope From", "envelope from": "envelope From", "envelope sender": "envelope From",
	"リバースパス": "envelope From", "reverse-path": "envelope From", "reverse path": "envelope From",
	"エンベロープto": "SMTP RCPT", "envelope to": "SMTP RCPT", "envelope recipient": "SMTP RCPT",
	"forward-path": "SMTP RCPT",
	"ヘッダfrom":      "header From", "header from": "header From", "from:": "header From", "from": "header From",
	"差出人": "header From", "ヘッダ": "header From", "header": "header From",
	"return-path": "Return-Path", "return-path:": "Return-Path", "return path": "Return-Path",
	"received": "Received", "received:": "Received", "received header": "Received",
	"空のエンベロープfrom": keyBounce, "null reverse-path": keyBounce,
	// Roles.
	"mail user agent": "MUA", "メールソフト": "MUA", "メーラ": "MUA", "メールクライアント": "MUA",
	"mail client": "MUA", "mailer": "MUA", "メールアプリ": "MUA",
	"mail submission agent": "MSA", "送信メールサーバ": "MSA", "outgoing server": "MSA", "smtpサーバ": "MSA",
	"mail transfer agent": "MTA", "メールサーバ": "MTA", "mail server": "MTA",
	"mail delivery agent": "MDA",
	"メールボックス":             "mailbox", "maildrop": "mailbox", "メールドロップ": "mailbox", "受信箱": "mailbox",
	"inbox": "mailbox",
	"蓄積転送":  "store and forward", "蓄積交換": "store and forward", "store-and-forward": "store and forward",
	// Encoding and encryption.
	"ベース64": "base64", "base 64": "base64", "エンコード": "base64", "デコード": "base64",
	"encode": "base64", "decode": "base64",
	"暗黙のtls": "implicit TLS", "暗黙的tls": "implicit TLS", "implicit tls": "implicit TLS",
	"エンドツーエンドの暗号化": "end-to-end encryption", "end to end encryption": "end-to-end encryption",
	"s/mime": "end-to-end encryption", "smime": "end-to-end encryption", "pgp": "end-to-end encryption",
	"平文": "clear text", "cleartext": "clear text", "plaintext": "clear text", "plain text": "clear text",
	"盗聴": "clear text", "eavesdropping": "clear text",
	"pop3s": "port 995", "imap": "port 143", "imap4": "port 143", "imaps": "port 993",
	"smtps": "port 465", "tls": "implicit TLS", "ssl": "implicit TLS", "ssl/tls": "implicit TLS",
	// DNS.
	"mxレコード": keyDNSMX, "mx record": keyDNSMX, "aレコード": keyDNSA, "txtレコード": keyDNSTXT,
	"プリファレンス値": "MX preference", "プリファレンス": "MX preference", "preference": "MX preference",
	"mx preference": "MX preference", "優先度": "MX preference", "優先順位": "MX preference",
	"バックアップmx": "MX preference", "backup mx": "MX preference", "セカンダリmx": "MX preference",
	"ヌルmx": keyNullMX,
	// What MTAs do.
	"バウンスメール": keyBounce, "エラーメール": keyBounce, "配送不能通知": keyBounce, "バウンス": keyBounce,
	"キュー": keyQueue, "再送": keyQueue, "配送": keyDeliver, "格納": keyDeliver,
	"メールループ": "5.4.6", "mail loop": "5.4.6", "配送ループ": "5.4.6",
	"グレーリスティング": "450", "greylisting": "450",
	"あいさつ": "220", "greeting": "220", "banner": "220",
	"ドットスタッフィング": "SMTP DATA", "dot-stuffing": "SMTP DATA",
	"転送": "251",
	// Replies.
	"成功": "2xx", "中間応答": "3xx", "一時的エラー": "4xx", "恒久的エラー": "5xx",
	"永続的エラー": "5xx", "永久エラー": "5xx",
	// TCP and filtering.
	"3ウェイハンドシェイク": keySYN, "three-way handshake": keySYN, "3-way handshake": keySYN,
	"パケットフィルタリング": "packet filter", "パケットフィルタ": "packet filter", "packet filtering": "packet filter",
	"ファイアウォール": "packet filter", "firewall": "packet filter",
	"接続拒否": keyRefused, "タイムアウト": keyTimeout,
	// Everyday words of the glossary, pointed at the entry that teaches
	// them in mail's sense.
	"メール": "store and forward", "電子メール": "store and forward", "e-mail": "store and forward",
	"email": "store and forward",
	"送信者":   "envelope From", "sender": "envelope From",
	"受信者": "SMTP RCPT", "recipient": "SMTP RCPT", "宛先": "SMTP RCPT", "あて先": "SMTP RCPT",
	"利用者": "POP3 USER", "ユーザ名": "POP3 USER", "user name": "POP3 USER", "username": "POP3 USER",
	"isp": keyTermOP25B, "プロバイダ": keyTermOP25B, "インターネットサービスプロバイダ": keyTermOP25B,
	"submit": "port 587", "送信": "port 587", "送信する": "port 587", "投稿": "port 587",
	"中継する": "MTA", "forward": "251", "転送する": "251",
	"配送する": keyDeliver, "格納する": keyDeliver, "配信": keyDeliver,
	"retrieve": "POP3 RETR", "受信": "POP3 RETR", "受信する": "POP3 RETR", "取り出す": "POP3 RETR",
	"body": "SMTP DATA", "本文": "SMTP DATA",
	"応答コード": "reply code", "リプライコード": "reply code", "status code": "reply code",
	"拡張ステータスコード": "enhanced status code", "enhanced code": "enhanced status code",
	"session": "mail transaction", "transaction": "mail transaction", "セッション": "mail transaction",
	"トランザクション": "mail transaction", "メールトランザクション": "mail transaction",
	"pop3 states": "POP3 session states", "pop3 state": "POP3 session states",
	"暗号化": "end-to-end encryption", "encryption": "end-to-end encryption", "encrypt": "end-to-end encryption",
	"復号": "end-to-end encryption", "decrypt": "end-to-end encryption",
	"認証": "SMTP-AUTH", "authentication": "SMTP-AUTH", "ログイン": "SMTP-AUTH", "login": "SMTP-AUTH",
	"public key": keyDKIM, "private key": keyDKIM, "秘密鍵": keyDKIM,
	"spam": keyTermOP25B, "スパムメール": keyTermOP25B, "迷惑メール": keyTermOP25B, "スパム": keyTermOP25B,
	"spammer": "open relay", "スパム送信者": "open relay",
	"bot": keyTermOP25B, "ボット": keyTermOP25B, "ゾンビpc": keyTermOP25B,
	"blocklist": "DNSBL", "ブロックリスト": "DNSBL", "ブラックリスト": "DNSBL", "rbl": "DNSBL", "blacklist": "DNSBL",
	"送信元ポート番号": "packet filter", "宛先ポート番号": "packet filter", "source port": "packet filter",
	"destination port": "packet filter", "src port": "packet filter", "dst port": "packet filter",
	"well-known port": "port 25", "ウェルノウンポート": "port 25", "ポート番号": "port 25", "port number": "port 25",
	"ptr": "PTR record", "ptrレコード": "PTR record", "逆引き": "PTR record", "reverse lookup": "PTR record",
	"router": "packet filter", "ルータ": "packet filter",
	"サーバ": "MTA", "server": "MTA",
	// What else learners type.
	"メール投稿ポート": "port 587", "エンベロープの送信者": "envelope From", "dns": "port 53",
	"メール中継": "MTA", "中継サーバ": "MTA", "リレー": "MTA", "受信メールサーバ": "POP3",
	"メールヘッダ": "header From", "to:": "envelope", "bcc": "envelope", "cc": "envelope",
	"メールアドレス": "mailbox", "mail address": "mailbox", "email address": "mailbox",
	"8bitmime": "SMTP EHLO", "pipelining": "SMTP EHLO", "size": "SMTP EHLO",
	"enhancedstatuscodes": "SMTP EHLO", "smtputf8": "SMTP EHLO", "esmtp extension": "SMTP EHLO",
	"mailer-daemon": keyBounce, "postmaster": keyBounce, "non-delivery report": keyBounce,
	"p=reject": keyDMARC, "p=quarantine": keyDMARC, "p=none": keyDMARC, "quarantine": keyDMARC,
	"spf fail": keySPF, "softfail": keySPF, "received-spf": keySPF, "-all": keySPF, "~all": keySPF,
	"v=spf1": keySPF, "dkim-signature": keyDKIM, "v=dkim1": keyDKIM, "v=dmarc1": keyDMARC,
	"authentication-results": "sender domain authentication", "sender id": "sender domain authentication",
	"ドメイン認証":       "sender domain authentication",
	"pop over ssl": "port 995", "imap over ssl": "port 993", "pop3 over tls": "port 995",
	"pop3の暗号化": "clear text", "パスワードの暗号化": "clear text",
	"lmtp": "MDA", "maildir": "mailbox", "mbox": "mailbox", "thunderbird": "MUA", "outlook": "MUA",
}
