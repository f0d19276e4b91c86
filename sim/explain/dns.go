package explain

import "github.com/mailsim/mailsim/sim/i18n"

// dnsEntries explains the DNS lookups mail depends on: the record types
// (RFC 1035), how a sender uses MX (RFC 5321 5.1), the negative answers
// (RFC 2308), null MX (RFC 7505) and the TXT records of sender
// authentication (SPF, DKIM, DMARC).
var dnsEntries = []Entry{
	{
		Key:   keyDNSMX,
		Title: i18n.T(`MX record: where a domain's mail goes`, `MXレコード: ドメイン宛てメールの配送先`),
		Text: i18n.T(
			`Names the mail servers that accept mail for a domain, each with a preference value. The sending MTA tries the lowest preference value first and uses higher ones only as backups; if the domain has no MX at all, it uses the domain's A record instead.`,
			`ドメイン宛てのメールを受け取るメールサーバを、プリファレンス値とともに示す。送信側MTAはプリファレンス値の小さいものから試し、大きいものは予備として使う。MXレコードが1つもなければ、ドメインのAレコードを使う。`),
		RFC: "RFC 1035 3.3.9; RFC 5321 5.1",
	},
	{
		Key:   keyDNSA,
		Title: i18n.T(`A record: a host's IPv4 address`, `Aレコード: ホストのIPv4アドレス`),
		Text: i18n.T(
			`Maps a host name to its IPv4 address. After picking an MX host, the sending MTA looks up that host's A record to know where to connect on port 25.`,
			`ホスト名をIPv4アドレスに対応づける。送信側MTAはMXレコードで選んだホストのAレコードを引き、そのアドレスの25番ポートへ接続する。`),
		RFC: "RFC 1035 3.4.1; RFC 5321 5.1",
	},
	{
		Key:   keyDNSTXT,
		Title: i18n.T(`TXT record: text attached to a name`, `TXTレコード: 名前に付けた文字列`),
		Text: i18n.T(
			`Free-form text attached to a name. Mail uses it to publish sender authentication: SPF at the domain itself, DKIM public keys at <selector>._domainkey, DMARC policy at _dmarc.`,
			`名前に付けた任意の文字列である。メールでは送信ドメイン認証の情報を公開するのに使う(ドメイン自体にSPF、<セレクタ>._domainkeyにDKIMの公開鍵、_dmarcにDMARCのポリシー)。`),
		RFC: "RFC 1035 3.3.14",
	},
	{
		Key:   keyDNSPTR,
		Title: i18n.T(`PTR record: the name of an address (reverse lookup)`, `PTRレコード:IPアドレスから名前を引く(逆引き)`),
		Text: i18n.T(
			`Maps an IP address back to a host name, at a name such as 10.113.0.203.in-addr.arpa for 203.0.113.10. A receiving mail server looks up the connecting address before it greets and writes the result in its Received: field; with no PTR record, or one whose name does not lead back to the address, Postfix writes "unknown [203.0.113.10]".`,
			`IPアドレスからホスト名を引く(逆引き)レコードで、203.0.113.10なら10.113.0.203.in-addr.arpaという名前に置く。受信側のメールサーバは、あいさつの前に接続元のアドレスを逆引きし、結果をReceived:ヘッダに書く。PTRレコードがないか、その名前を正引きしても元のアドレスに戻らないとき、Postfixは「unknown [203.0.113.10]」と書く。`),
		RFC: "RFC 1035 3.3.12, 3.5; RFC 5321 4.4",
	},
	{
		Key:   keyNXDOMAIN,
		Title: i18n.T(`NXDOMAIN: the name does not exist`, `NXDOMAIN: その名前は存在しない`),
		Text: i18n.T(
			`The DNS server answers that the name does not exist at all (RCODE 3, name error). For a recipient's domain this is permanent: the mail cannot be delivered and is bounced.`,
			`DNSサーバが、その名前はまったく存在しないと答えた(RCODE 3、ネームエラー)。宛先のドメインなら恒久的エラーで、メールは配送できずバウンスメールになる。`),
		Cause: i18n.T(
			`A typo in the domain part of the address, or a domain that has expired.`,
			`アドレスのドメイン部分の打ち間違いか、期限切れのドメイン。`),
		Fix: i18n.T(
			`Check the spelling after "@", such as example.jp against example.co.jp.`,
			`「@」より後のつづりを確かめる(example.jpとexample.co.jpなど)。`),
		RFC: "RFC 1035 4.1.1; RFC 2308 2.1",
	},
	{
		Key:   keyNODATA,
		Title: i18n.T(`NOERROR with no records (NODATA)`, `NOERRORだがレコードなし(NODATA)`),
		Text: i18n.T(
			`The name exists but has no record of the requested type. For MX this is not an error: the sender treats the domain's A record as an implicit MX with preference 0.`,
			`名前は存在するが、要求した種類のレコードがない。MXならエラーではなく、送信側はドメインのAレコードをプリファレンス値0の暗黙のMXとして扱う。`),
		RFC: "RFC 2308 2.2; RFC 5321 5.1",
	},
	{
		Key:   keyNullMX,
		Title: i18n.T(`Null MX: the domain accepts no mail`, `null MX: メールを受け付けないドメイン`),
		Text: i18n.T(
			`A single MX record with preference 0 and the host "." declares that the domain accepts no mail. A sender must not fall back to the A record; it fails the message at once (556 5.1.10).`,
			`プリファレンス値0、ホスト「.」のMXレコード1件だけで、そのドメインはメールを受け付けないと宣言する。送信側はAレコードに切り替えてはならず、すぐに配送失敗とする(556 5.1.10)。`),
		Cause: i18n.T(
			`The domain is meant for the web only, or the address is wrong.`,
			`Web専用のドメインか、アドレスが誤っている。`),
		Fix: i18n.T(
			`Do not retry; check the address with the recipient.`,
			`再送はせず、相手にアドレスを確かめる。`),
		RFC: "RFC 7505 3",
	},
	{
		Key:   keySPF,
		Title: i18n.T(`SPF record: who may send for the domain`, `SPFレコード: 送信を許可するサーバ`),
		Text: i18n.T(
			`A TXT record beginning "v=spf1" at a domain lists the IP addresses allowed to send its mail. The receiving server checks the envelope sender's (MAIL FROM) domain against the connecting IP, not the header From the reader sees.`,
			`ドメインに置く「v=spf1」で始まるTXTレコードで、そのドメインのメールを送ってよいIPアドレスを列挙する。受信側は、利用者が見るヘッダFromではなく、エンベロープFrom(MAIL FROM)のドメインのSPFレコードで、接続元のIPアドレスを確かめる。送信元ドメインのなりすましを見抜くための仕組みである。`),
		RFC: "RFC 7208 2.4, 3",
	},
	{
		Key:   keyDKIM,
		Title: i18n.T(`DKIM key: verifying the signature`, `DKIMの公開鍵: 署名の検証`),
		Text: i18n.T(
			`A TXT record at <selector>._domainkey.<domain> holding a public key ("v=DKIM1; p=..."). The sending server signs the message; the receiver fetches this key from DNS to verify the DKIM-Signature header.`,
			`<セレクタ>._domainkey.<ドメイン>に置く、公開鍵を入れたTXTレコード(「v=DKIM1; p=...」)である。送信側サーバがメールにディジタル署名を付け、受信側はDNSでこの公開鍵を調べてDKIM-Signatureヘッダの署名を検証する。`),
		RFC: "RFC 6376 3.6.2.1",
	},
	{
		Key:   keyDMARC,
		Title: i18n.T(`DMARC policy: what to do on failure`, `DMARCポリシー: 認証失敗時の扱い`),
		Text: i18n.T(
			`A TXT record at _dmarc.<domain> such as "v=DMARC1; p=reject". It tells receivers what to do with mail whose header From domain is not backed by a matching SPF or DKIM pass: none, quarantine or reject.`,
			`_dmarc.<ドメイン>に置く「v=DMARC1; p=reject」のようなTXTレコードである。ヘッダFromのドメインと一致するSPFかDKIMの合格がないメールをどう扱うか(p=none、p=quarantine、p=reject)を受信側に伝える。`),
		RFC: "RFC 7489 6.1, 6.3",
	},
}
