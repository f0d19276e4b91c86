package explain

import "github.com/mailsim/mailsim/sim/i18n"

// Keys of the TLS entries, picked by ForEvent for Record events.
const (
	keyTLSRecord = "TLS record"
	keyTLSHello  = "TLS handshake"
)

// tlsEntries explains what TLS puts on the wire (RFC 8446) and the
// dialogue inside it.
var tlsEntries = []Entry{
	{
		Key:   keyTLSHello,
		Title: i18n.T(`TLS handshake: ClientHello and ServerHello`, `TLSハンドシェイク: 「ClientHello」と「ServerHello」`),
		Text: i18n.T(
			`The two ends agree on a TLS version and keys. The ClientHello (the client's offer: versions, ciphers, a key share and the server's name) and the ServerHello are the only readable records; everything after them, the server's certificate included, is encrypted. The client checks that the certificate names the server and is signed by a CA it trusts before it sends anything else.`,
			`両端がTLSのバージョンと鍵を取り決める手順である。読めるレコードは「ClientHello」(クライアントの提案で、バージョン、暗号方式、鍵共有の値、サーバ名を含む)と「ServerHello」だけで、その後はサーバの証明書も含めてすべて暗号化される。クライアントは、証明書がそのサーバの名前を持ち、信頼するCAが署名したものであることを確かめてから、次のデータを送る。`),
		RFC: "RFC 8446 2, 4.1",
	},
	{
		Key:   keyTLSRecord,
		Title: i18n.T(`TLS record: what an eavesdropper sees`, `TLSレコード: 盗聴者に見えるもの`),
		Text: i18n.T(
			`TLS carries data in records with a type and a length; in TLS 1.3 every record after the ServerHello says "Application Data", whatever it holds, so someone on the network learns only when records pass and how long they are, not the commands, the password or the message. The lines marked [TLS] are the dialogue inside, as the two ends see it. TLS protects this one connection; the next hop of the mail may be plain.`,
			`TLSはデータを種類と長さを持つレコードで運び、TLS 1.3では「ServerHello」より後のレコードは中身にかかわらずすべて「Application Data」となるので、ネットワーク上の者にわかるのはレコードが流れた時刻と長さだけで、コマンドもパスワードもメールも読めない。[TLS]の付いた行は、両端から見たTLSの中の対話である。TLSが守るのはこの接続だけで、メールの次の区間は平文かもしれない。`),
		RFC: "RFC 8446 5",
	},
}
