package shell

import "github.com/mailsim/mailsim/sim/i18n"

// The shell's own sentences, in both languages (UI register: です・ます,
// terms per GLOSSARY-ja.md).
func tpl(id, en, ja string) *i18n.Template { return &i18n.Template{ID: id, EN: en, JA: ja} }

var (
	msgWelcome = tpl("shell.welcome",
		"You are at {0} ({1}). Type :help for the commands, :hosts to look around, :connect HOST PORT to talk to a server.",
		"あなたは{0}({1})にいます。「:help」でコマンド一覧、「:hosts」でホスト一覧を表示し、「:connect ホスト ポート」でサーバに接続します。")
	msgNotConnected = tpl("shell.not-connected",
		"Not connected: open a connection first with :connect HOST PORT (see :hosts).",
		"接続していません。先に「:connect ホスト ポート」で接続してください(「:hosts」で一覧を表示します)。")
	msgUnknownMeta = tpl("shell.unknown",
		"Unknown command {0}: type :help for the list.",
		"{0}というコマンドはありません。:helpで一覧を表示します。")
	msgDidYouMean = tpl("shell.did-you-mean",
		"No {0} here: did you mean {1}?",
		"{0}はありません。{1}のことですか。")
	msgUsage  = tpl("shell.usage", "Usage: {0}", "使い方: {0}")
	msgNoHost = tpl("shell.no-host",
		"No host {0} in this world. Hosts: {1}",
		"{0}というホストはありません。ホスト: {1}")
	msgBadPort = tpl("shell.bad-port",
		"{0} is not a port number (1-65535).",
		"{0}はポート番号(1〜65535)ではありません。")
	msgWhichPort = tpl("shell.which-port",
		"Which port of {0}? It listens on: {1}",
		"{0}のどのポートに接続しますか。待ち受けているポート: {1}")
	msgNoConnection = tpl("shell.no-connection",
		"No connection was made (see above why).",
		"接続できませんでした(理由は上の表示を参照してください)。")
	msgDigType = tpl("shell.dig-type",
		"{0}: ask for A, MX, TXT, AAAA or ANY.",
		"{0}: A、MX、TXT、AAAA、ANYのいずれかを指定してください。")
	msgNoAnswer = tpl("shell.no-answer",
		"No answer for {0}.",
		"{0}の応答がありません。")
	msgMailbox = tpl("shell.mailbox",
		"Mailbox of {0} on {1}: {2} message(s)",
		"{1}の{0}のメールボックス: {2}通")
	msgNoUser = tpl("shell.no-user",
		"No user {0} on any host.",
		"{0}という利用者はどのホストにもいません。")
	msgQueueEmpty = tpl("shell.queue-empty",
		"Every queue is empty.",
		"キューは空です。")
	msgQueued = tpl("shell.queued",
		"{0} on {1}: {2} -> {3}, next attempt at {4} (attempts so far: {5})",
		"{1}の{0}: {2} -> {3}、次の再送は{4}(これまでの試行: {5}回)")
	msgBadDuration = tpl("shell.bad-duration",
		"{0} is not a duration: write 30s, 30m or 2h.",
		"{0}は時間の指定ではありません。30s、30m、2hのように書いてください。")
	msgNow = tpl("shell.now",
		"The virtual clock now shows {0}.",
		"仮想時計は{0}になりました。")
	msgNothingToExplain = tpl("shell.nothing",
		"No reply yet: connect and send something first.",
		"まだ応答がありません。接続してコマンドを送ってください。")
	msgCause = tpl("shell.cause", "Cause: ", "原因: ")
	msgFix   = tpl("shell.fix", "Fix: ", "対処: ")
	msgNowAs = tpl("shell.now-as",
		"You are now at {0} ({1}).",
		"{0}({1})に移りました。")
	msgYouAreHere = tpl("shell.you", "<- you are here", "<- あなたの場所")
	msgAuthPlain  = tpl("shell.auth-plain",
		"Type this line (after EHLO): {0}",
		"EHLOの後に次の行を入力してください: {0}")
	msgAuthLogin = tpl("shell.auth-login",
		"Type AUTH LOGIN, then answer the first 334 with {0} (the user name) and the second with {1} (the password).",
		"AUTH LOGINと入力し、1回目の334に{0}(ユーザ名)、2回目の334に{1}(パスワード)と答えてください。")
	msgNotEncryption = tpl("shell.not-encryption",
		"Base64 is an encoding, not encryption: anyone who sees this line can decode the password. Real servers ask for TLS first.",
		"Base64はエンコードであり、暗号化ではありません。この行を見た人は誰でもパスワードをデコードできます。実際のサーバは先にTLSを求めます。")

	msgHelpHosts   = tpl("shell.help.hosts", "the hosts of the world, their addresses and servers", "ホスト、IPアドレス、サーバの一覧")
	msgHelpConnect = tpl("shell.help.connect", "open a TCP connection to a server (from the host you are at)", "サーバにTCPで接続する(今いるホストから)")
	msgHelpClose   = tpl("shell.help.close", "hang up the open connection", "接続を切る")
	msgHelpDig     = tpl("shell.help.dig", "ask the DNS server, as a mail server does (default type A)", "メールサーバと同じようにDNSサーバに問い合わせる(既定はAレコード)")
	msgHelpMailbox = tpl("shell.help.mailbox", "list the messages in a user's mailbox", "利用者のメールボックスにあるメールの一覧")
	msgHelpQueue   = tpl("shell.help.queue", "what waits in the mail servers' queues", "メールサーバのキューで待っているメール")
	msgHelpWait    = tpl("shell.help.wait", "let virtual time pass (queued mail is retried)", "仮想時間を進める(キューのメールが再送される)")
	msgHelpTrace   = tpl("shell.help.trace", "everything that happened so far, as a transcript", "これまでに起きたことをすべて表示する")
	msgHelpExplain = tpl("shell.help.explain", "explain the last reply in full", "直前の応答を詳しく説明する")
	msgHelpAs      = tpl("shell.help.as", "move to another host", "別のホストに移る")
	msgHelpAuth    = tpl("shell.help.auth", "the base64 to type for AUTH PLAIN or AUTH LOGIN", "AUTH PLAINやAUTH LOGINで入力するBase64を表示する")
	msgHelpHelp    = tpl("shell.help.help", "this list", "この一覧")
	msgHelpQuit    = tpl("shell.help.quit", "leave the shell", "シェルを終了する")
	msgHelpLines   = tpl("shell.help.lines",
		"Anything else is sent as one line on the open connection: EHLO, MAIL FROM:<...>, USER, RETR 1 ...",
		"それ以外の入力は、開いている接続に1行として送られます: EHLO、MAIL FROM:<...>、USER、RETR 1など")
)
