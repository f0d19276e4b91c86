package sim

import (
	"strconv"

	"github.com/mailsim/mailsim/sim/i18n"
)

// The engine's message catalogue: every sentence the engine puts in the
// trace, in both languages, with numbered placeholders. Events carry a
// template and its arguments; views render them in the reader's language,
// so the engine formats no prose while it runs.

func tpl(id, en, ja string) *i18n.Template { return &i18n.Template{ID: id, EN: en, JA: ja} }

var (
	// Connection outcomes, for expectation messages.
	msgConnected   = tpl("outcome.connected", "connected", "接続した")
	msgBlocked     = tpl("outcome.blocked", "blocked", "遮断された")
	msgRefused     = tpl("outcome.refused", "refused", "接続を拒否された")
	msgUnreachable = tpl("outcome.unreachable", "unreachable", "到達できない")

	// TCP.
	msgDropOP25B = tpl("tcp.drop-op25b",
		"SYN dropped by {0} (OP25B: TCP/25 from the dynamic network {1} to another network's server)",
		"SYNを{0}が破棄(OP25B: 動的IPアドレスのネットワーク{1}から外部のサーバへのTCP/25は通さない)")
	msgDropAgain = tpl("tcp.drop-again",
		"retransmitted SYN dropped by {0} (OP25B)",
		"再送されたSYNも{0}が破棄(OP25B)")
	msgDropIP25B = tpl("tcp.drop-ip25b",
		"SYN dropped by {0} (IP25B: TCP/25 from {1}, another ISP's dynamic network, into {2})",
		"SYNを{0}が破棄(IP25B: 他のISPの動的IPのネットワーク{1}から{2}へのTCP/25は受け付けない)")
	msgDropAgainIP25B = tpl("tcp.drop-again-ip25b",
		"retransmitted SYN dropped by {0} (IP25B)",
		"再送されたSYNも{0}が破棄(IP25B)")
	msgRST = tpl("tcp.rst",
		"RST: connection refused (nothing listens on port {0})",
		"RST: 接続拒否({0}番ポートで待ち受けているサーバがない)")
	msgTimeout = tpl("tcp.timeout",
		"no answer: connection timed out after {0}s",
		"応答なし: {0}秒で接続タイムアウト")
	msgNotProtocol = tpl("tcp.not-protocol",
		"the server's greeting is not {0}: the client hangs up",
		"サーバのあいさつが{0}ではないため、クライアントは切断する")

	// DNS.
	msgPTRMismatch = tpl("dns.ptr-mismatch",
		"hostname {0} does not resolve to address {1}: the client is unknown",
		"ホスト名{0}がアドレス{1}に解決されないため、クライアントの名前は「unknown」とする")
	msgNoDNSServer = tpl("dns.no-server",
		"cannot look up {0}: this world has no DNS server",
		"{0}を検索できない: この仮想世界にDNSサーバがない")
	msgLookupError = tpl("dns.error",
		"cannot look up {0}: {1}",
		"{0}を検索できない: {1}")
	msgDNSDown = tpl("dns.down",
		"no answer from {0} after {1}s: the DNS server is down",
		"{0}から{1}秒応答がない: DNSサーバが停止している")
	msgDNSTruncated = tpl("dns.truncated",
		"the answer for {0} was truncated (TC): asking again over TCP (RFC 7766 5)",
		"{0}の応答が切り詰められた(TC)ため、TCPで問い合わせ直す(RFC 7766 5)")
	msgDNSUnreadable = tpl("dns.unreadable",
		"unreadable DNS answer: {0}",
		"DNS応答を解釈できない: {0}")

	// POP3.
	msgPOP3Drop = tpl("pop3.drop",
		"the connection drops before QUIT: the server never enters UPDATE, so nothing is deleted (RFC 1939 6)",
		"QUITの前に接続が切れた: UPDATE状態に入らないので何も削除されない(RFC 1939 6章)")

	// TLS.
	msgTLSUp = tpl("tls.up",
		"TLS {0} established; the certificate of {1} checks out against the world's CA: from here on the wire carries only encrypted records",
		"TLS {0}を確立。{1}の証明書を仮想世界のCAで検証した。ここから先、回線上には暗号化されたレコードしか流れない")
	msgTLSFailed = tpl("tls.failed",
		"TLS handshake failed: {0}; the connection is closed",
		"TLSハンドシェイクに失敗: {0}。接続を閉じる")
	msgTLSNoHello = tpl("tls.no-hello",
		"no TLS handshake from the client within {0}s (did it speak plain text to a TLS port?): the server hangs up",
		"{0}秒以内にクライアントからTLSハンドシェイクがない(TLSのポートに平文で話しかけた?)ため、サーバは切断する")
	msgNoSTARTTLS = tpl("tls.not-offered",
		"the server does not offer {0}: the client gives up rather than send the password and the message in the clear",
		"サーバが{0}を提供していないため、クライアントはパスワードとメールを平文で送らずに中止する")
	msgTLSRefused = tpl("tls.refused",
		"the server refused {0}: the client gives up rather than go on in the clear",
		"サーバが{0}を拒否したため、クライアントは平文で続けずに中止する")

	// Delivery and queue.
	msgDelivered = tpl("mta.delivered",
		"delivered message {0} to the mailbox of {1} ({2}), now {3} in it",
		"メール{0}を{2}のメールボックスに格納(計{3}通)")
	msgDeliveredBounce = tpl("mta.delivered-bounce",
		"delivered bounce {0} to the mailbox of {1} ({2}), now {3} in it",
		"バウンスメール{0}を{2}のメールボックスに格納(計{3}通)")
	msgNoMailbox = tpl("mta.no-mailbox",
		"no mailbox for {0}",
		"{0}のメールボックスがない")
	msgQueued = tpl("mta.queued",
		"queued {0} for relay to {1}: {2}",
		"メール{0}を{1}へ中継するためキューに格納: {2}")

	// Relay (RFC 5321 5.1).
	msgDNSFailed = tpl("relay.dns-failed", "DNS lookup failed", "DNSの問い合わせに失敗")
	msgNXDomain  = tpl("relay.nxdomain",
		"Host or domain name not found. Name service error for name={0} type=MX: Host not found",
		"{0}というドメインは存在しない(DNSがNXDOMAINを返した)")
	msgDNSRCode = tpl("relay.rcode",
		"DNS answered {1} for {0}",
		"DNSが{0}について{1}を返した")
	msgNoMX = tpl("relay.no-mx",
		"no MX record for {0}: falling back to its A record (RFC 5321 5.1)",
		"{0}にMXレコードがないため、Aレコードを使う(RFC 5321 5.1)")
	msgNullMX = tpl("relay.null-mx",
		"Domain {0} does not accept mail (nullMX)",
		"{0}はメールを受け付けないと宣言している(null MX)")
	msgLoop = tpl("relay.loop",
		"mail for {0} loops back to myself",
		"{0}宛てのメールが自分自身に戻ってくる(メールループ)")
	msgSelfMX = tpl("relay.self-mx",
		"{0} is itself an MX of {1}: it tries only the MX hosts preferred to it (RFC 5321 5.1)",
		"{0}自身が{1}のMXなので、自分よりプリファレンス値の小さいMXだけを試す(RFC 5321 5.1)")
	msgNoAddress = tpl("relay.no-address",
		"{0} has no address (A) record: this MX cannot be used",
		"{0}にAレコードがない: このMXは使えない")
	msgNotInWorld = tpl("relay.not-in-world",
		"{0} ({1}) is not part of this virtual world: no route",
		"{0}({1})はこの仮想世界にない: 経路なし")
	msgUnroutable = tpl("relay.unroutable",
		"no MX host of {0} has an address: unable to route",
		"{0}のMXホストにアドレスがなく、配送経路がない")
	msgNoMXReached = tpl("relay.unreachable",
		"no MX host for {0} could be reached",
		"{0}のどのMXホストにも接続できない")
	msgConnectTimeout = tpl("relay.connect-timeout",
		"connect to {0}[{1}]:25: Connection timed out",
		"{0}[{1}]の25番ポートに接続できない: 接続タイムアウト")
	msgConnectRefused = tpl("relay.connect-refused",
		"connect to {0}[{1}]:25: Connection refused",
		"{0}[{1}]の25番ポートに接続できない: 接続拒否")
	msgLostConn = tpl("relay.lost-connection",
		"lost connection with {0}[{1}] while sending the message",
		"メールの送信中に{0}[{1}]との接続が切れた")
	msgDNSTempFail = tpl("relay.dns-tempfail",
		"Host or domain name not found. Name service error for name={0} type={1}: Host not found, try again",
		"{0}の{1}レコードを検索できない(DNSの一時的な障害)")
	msgTemporary = tpl("relay.temporary",
		"the server answered with a temporary (4xx) error",
		"サーバが一時的エラー(4xx)を返した")
	msgRemoteSaid = tpl("relay.remote-said",
		"host {0} said: {1} (in reply to {2} command)",
		"{0}が{3}「{1}」と応答")
	msgExpired = tpl("relay.expired",
		"delivery time expired: {0}",
		"再送期限切れ: {0}")
	msgDeferred = tpl("relay.deferred",
		"deferred {0} ({2}): will retry in {1} minutes",
		"メール{0}の配送を延期({2}): {1}分後に再送")
	msgSuspended = tpl("relay.suspended",
		"delivery temporarily suspended: {0}",
		"配送を一時停止中: {0}")
	msgDestDead = tpl("relay.dest-dead",
		"{0} is marked dead after a round of failed attempts ({2}): for {1} minutes its other queued messages are deferred without a try, so a down MX costs one round of timeouts, not one per message (Postfix's dead destination)",
		"{0}宛ての配送で接続の失敗が続いた({2})ため、この配送先を停止中とみなす(Postfixと同じ動作): この先{1}分間、{0}宛てのほかのメールは接続を試みずに配送を延期する。MXが停止していても、待つタイムアウトはメール1通ごとではなく1回分で済む")
	msgMoreRcpts = tpl("relay.more-rcpts",
		"{0} took {1} recipients and answered 452 (too many recipients) to the other {2}: they go now in a new transaction (RFC 5321 4.5.3.1.10), not in 30 minutes",
		"{0}は宛先を{1}件まで受け付け、残りの{2}件には452(宛先が多すぎる)を返した: 残りは30分後の再送を待たず、すぐに新しいトランザクションで送る(RFC 5321 4.5.3.1.10)")
	msgMoreRcptsFew = tpl("relay.more-rcpts-few",
		"{0} took only {1} recipients and answered 452 (too many recipients) to the other {2}: fewer than the 100 that RFC 5321 4.5.3.1.8 says a server must accept, a limit set on purpose; they go now in a new transaction (RFC 5321 4.5.3.1.10)",
		"{0}は宛先を{1}件しか受け付けず、残りの{2}件には452(宛先が多すぎる)を返した: RFC 5321 4.5.3.1.8が受け付けるべきとする100件より少なく、意図して絞った設定である。残りはすぐに新しいトランザクションで送る(RFC 5321 4.5.3.1.10)")
	msgQueueFull = tpl("relay.queue-full",
		"{0} answers MAIL with 452 4.3.1 (insufficient system storage): the queues of this world hold {1} messages, the most the simulator keeps (MaxQueued), as a full disk would; senders retry later, and it takes mail again once its queue has room",
		"{0}はMAILに452 4.3.1(容量不足)を返す: この世界のキューにはシミュレータが保持できる上限(「MaxQueued」)の{1}通が入っており、ディスクがいっぱいになったのと同じ状態である。送信側は後で再送し、キューに空きができれば再び受け付ける")
	msgBounceDiscarded = tpl("relay.bounce-discarded",
		"undeliverable bounce discarded: a bounce is never sent about a bounce (RFC 5321 4.5.5)",
		"配送できないバウンスメールは破棄: バウンスメールに対するバウンスメールは送らない(RFC 5321 4.5.5)")
	msgBounceMany = tpl("relay.bounce-many",
		"bounce {0} to the envelope sender {1} (MAIL FROM:<>): {2} recipients failed: {3}",
		"エンベロープFrom({1})宛てにバウンスメール{0}を送る(MAIL FROM:<>): 配送できなかった宛先{2}件: {3}")
	msgBounce = tpl("relay.bounce",
		"bounce {0} to the envelope sender {1} (MAIL FROM:<>): {2}",
		"エンベロープFrom({1})宛てにバウンスメール{0}を送る(MAIL FROM:<>): {2}")

	// Topology.
	msgOP25BNone = tpl("topology.op25b-none",
		"OP25B: no TCP/25 leaves this network",
		"OP25B: 外向きTCP/25はすべて遮断")
	msgOP25BAllow = tpl("topology.op25b-allow",
		"OP25B: TCP/25 leaves only to {0}",
		"OP25B: 外向きTCP/25は{0}宛てのみ通過")
	msgIP25BNone = tpl("topology.ip25b-none",
		"IP25B: no TCP/25 comes in from dynamic networks",
		"IP25B: 動的IPのネットワークからの内向きTCP/25はすべて遮断")
	msgIP25BCustomers = tpl("topology.ip25b-customers",
		"IP25B: TCP/25 comes in from dynamic networks only from {0}",
		"IP25B: 動的IPのネットワークからの内向きTCP/25は{0}からのみ通過")

	// POP before SMTP.
	msgPOPGrant = tpl("pop-before-smtp.grant",
		"POP before SMTP: {0} logged in from {1}, so {2} relays for {1} for the next {3} minutes",
		"POP before SMTP: 「{0}」が{1}からログインしたので、{2}はこの先{3}分間{1}からのメールを中継する")
	msgPOPAllow = tpl("pop-before-smtp.allow",
		"relay allowed for {0}: POP3 login as {1} from this address {3} (POP before SMTP, window {2} minutes)",
		"{0}からの中継を許可: {3}にこのアドレスから「{1}」としてPOP3でログインした(POP before SMTP、有効期間{2}分)")
	msgPOPExpired = tpl("pop-before-smtp.expired",
		"no relay for {0}: its POP3 login as {1} was {3}, past the {2}-minute window (POP before SMTP)",
		"{0}からの中継は不可: 「{1}」のPOP3のログインは{3}で、有効期間{2}分を過ぎている(POP before SMTP)")
	msgMinutesAgo = tpl("time.minutes-ago", "{0} minutes ago", "{0}分前")
	msgSecondsAgo = tpl("time.seconds-ago", "{0} seconds ago", "{0}秒前")
	msgPOPNone    = tpl("pop-before-smtp.none",
		"no relay for {0}: no POP3 login from this address (POP before SMTP)",
		"{0}からの中継は不可: このアドレスからのPOP3ログインがない(POP before SMTP)")
)

// Messages returns every template of the engine's catalogue, for tests
// that read all the Japanese the program can show.
func Messages() []*i18n.Template {
	return append([]*i18n.Template{
		msgConnected, msgBlocked, msgRefused, msgUnreachable,
		msgDropOP25B, msgDropAgain, msgRST, msgTimeout, msgNotProtocol,
		msgNoDNSServer, msgLookupError, msgDNSDown, msgDNSTruncated, msgDNSUnreadable, msgPTRMismatch,
		msgPOP3Drop,
		msgTLSUp, msgTLSFailed, msgTLSNoHello, msgNoSTARTTLS, msgTLSRefused,
		msgDelivered, msgDeliveredBounce, msgNoMailbox, msgQueued,
		msgDNSFailed, msgNXDomain, msgDNSRCode, msgNoMX, msgNullMX, msgLoop, msgSelfMX,
		msgNoAddress, msgNotInWorld, msgUnroutable, msgNoMXReached, msgTemporary,
		msgRemoteSaid, msgExpired, msgDeferred, msgBounceDiscarded, msgBounce,
		msgSuspended, msgDestDead, msgMoreRcpts, msgMoreRcptsFew, msgQueueFull,
		msgConnectTimeout, msgConnectRefused, msgLostConn, msgDNSTempFail, msgBounceMany,
		msgOP25BNone, msgOP25BAllow, msgIP25BNone, msgIP25BCustomers,
		msgDropIP25B, msgDropAgainIP25B,
		msgPOPGrant, msgPOPAllow, msgPOPExpired, msgPOPNone, msgMinutesAgo, msgSecondsAgo,
	}, authMessages()...)
}

func itoa(n int) string { return strconv.Itoa(n) }
