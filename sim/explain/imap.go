package explain

import "github.com/mailsim/mailsim/sim/i18n"

// Keys of the IMAP entries ForEvent picks by the kind of line.
const (
	prefixIMAP  = "IMAP "
	keyIMAPOK   = "IMAP OK"
	keyIMAPNO   = "IMAP NO"
	keyIMAPBAD  = "IMAP BAD"
	keyIMAPBYE  = "IMAP BYE"
	keyIMAPCont = "IMAP +"
)

// imapEntries explains the IMAP commands mailsim's server takes, the
// responses and response codes it sends (RFC 9051, RFC 3501 for
// IMAP4rev1). An untagged response that shares its name with a command
// (CAPABILITY, FETCH, EXPUNGE) is explained by the command's entry.
var imapEntries = []Entry{
	{
		Key:   keyIMAPOK,
		Title: i18n.T(`OK: success, or information`, `OK:成功または通知`),
		Text: i18n.T(
			`Tagged ("a3 OK ..."), it says the command with that tag succeeded. Untagged ("* OK ..."), it is information, usually a response code in brackets such as [UIDVALIDITY 1]; the greeting is an untagged OK too.`,
			`タグ付き(「a3 OK ...」)のOKは、そのタグのコマンドが成功したことを表す。タグなし(「* OK ...」)のOKは通知で、[UIDVALIDITY 1]のような角かっこの応答コードを伝えることが多い。接続時のあいさつもタグなしのOKである。`),
		RFC: "RFC 9051 7.1.1",
	},
	{
		Key:   keyIMAPNO,
		Title: i18n.T(`NO: the command failed`, `NO:コマンド失敗`),
		Text: i18n.T(
			`The server understood the command but could not carry it out: a wrong password, a mailbox that does not exist, messages another session removed. A code in brackets says which.`,
			`サーバはコマンドを理解したが実行できなかったことを表す。パスワードの誤り、存在しないメールボックス、別のセッションが削除したメールなどが理由で、角かっこのコードが種類を示す。`),
		Cause: i18n.T(
			`[AUTHENTICATIONFAILED] for LOGIN, [NONEXISTENT] for SELECT of an unknown mailbox, [EXPUNGEISSUED] when another device expunged a message being fetched.`,
			`LOGINでは[AUTHENTICATIONFAILED]、存在しないメールボックスのSELECTでは[NONEXISTENT]、FETCHで読んでいるメールを別の端末が削除したときは[EXPUNGEISSUED]が付く。`),
		Fix: i18n.T(
			`Check the user name and password, or the mailbox name; after EXPUNGEISSUED send NOOP to learn what was removed.`,
			`ユーザ名とパスワード、又はメールボックス名を確かめる。EXPUNGEISSUEDの後はNOOPを送ると何が削除されたかが分かる。`),
		RFC: "RFC 9051 7.1.2; RFC 5530 3",
	},
	{
		Key:   keyIMAPBAD,
		Title: i18n.T(`BAD: the command was not understood`, `BAD:コマンドの誤り`),
		Text: i18n.T(
			`A protocol error in the client's command: an unknown command, a syntax error, or a command not valid in the session's state. An untagged BAD answers a line whose tag could not be read.`,
			`クライアントのコマンドのプロトコル上の誤りを表す。未知のコマンド、構文の誤り、セッションの状態に合わないコマンドが理由である。タグが読めない行にはタグなしのBADが返る。`),
		Cause: i18n.T(
			`A command typed without a tag, FETCH before SELECT, LOGIN after logging in, or a command this minimal server does not implement (LIST, SEARCH).`,
			`タグを付けずに入力したコマンド、SELECTの前のFETCH、認証後のLOGIN、この最小限のサーバが実装していないコマンド(LIST、SEARCH)などである。`),
		Fix: i18n.T(
			`Start every command with a tag (a1 NOOP), log in, SELECT INBOX, then FETCH or STORE.`,
			`コマンドは必ずタグから始める(a1 NOOP)。LOGINで認証を受け、SELECT INBOXの後でFETCHやSTOREを送る。`),
		RFC: "RFC 9051 7.1.3",
	},
	{
		Key:   keyIMAPBYE,
		Title: i18n.T(`BYE: the server is closing`, `BYE:切断の通知`),
		Text: i18n.T(
			`Always untagged: the server is about to close the connection. After LOGOUT it comes before the tagged OK; unasked, it means the server is shutting down or dropped an idle session.`,
			`常にタグなしで、サーバが接続を閉じることを表す。LOGOUTに対してはタグ付きのOKの前に送られる。求めていないのに届いた場合は、サーバの停止やアイドル状態の切断である。`),
		RFC: "RFC 9051 7.1.5",
	},
	{
		Key:   keyIMAPCont,
		Title: i18n.T(`+: go on`, `+:続きの要求`),
		Text: i18n.T(
			`A continuation request: the server is ready for the rest of the command, such as the octets of a literal announced with {n} at the end of a line.`,
			`継続要求で、サーバがコマンドの続きを受け取る準備ができたことを表す。行末の「{n}」で予告したリテラルのバイト列などを送る。`),
		RFC: "RFC 9051 7.5",
	},
	{
		Key:   "IMAP CAPABILITY",
		Title: i18n.T(`CAPABILITY: what the server supports`, `CAPABILITY:サーバの機能一覧`),
		Text: i18n.T(
			`Asks which IMAP versions and extensions the server supports; the untagged CAPABILITY response lists them (IMAP4rev1, IMAP4rev2, STARTTLS, AUTH=PLAIN). The greeting often carries the same list in a [CAPABILITY ...] code.`,
			`サーバが対応するIMAP4の版と拡張機能を問い合わせる。タグなしのCAPABILITY応答がそれを列挙する(IMAP4rev1、IMAP4rev2、STARTTLS、AUTH=PLAINなど)。あいさつの[CAPABILITY ...]コードに同じ一覧が含まれることも多い。`),
		RFC: "RFC 9051 6.1.1, 7.2.2",
	},
	{
		Key:   "IMAP NOOP",
		Title: i18n.T(`NOOP: check for changes`, `NOOP:変化の確認`),
		Text: i18n.T(
			`Does nothing, which gives the server a chance to report what changed in the selected mailbox: new mail (EXISTS), flags set by another device (FETCH) and messages expunged elsewhere (EXPUNGE).`,
			`何もしないコマンドだが、サーバは選択中のメールボックスの変化をこの機会に知らせる。新着メール(EXISTS)、別の端末が変えたフラグ(FETCH)、他で削除されたメール(EXPUNGE)である。`),
		RFC: "RFC 9051 6.1.2",
	},
	{
		Key:   "IMAP LOGOUT",
		Title: i18n.T(`LOGOUT: end the session`, `LOGOUT:セッションの終了`),
		Text: i18n.T(
			`Ends the session: the server answers with an untagged BYE, then the tagged OK, and closes. Unlike POP3's QUIT it deletes nothing: messages flagged \Deleted stay until an EXPUNGE.`,
			`セッションを終える。サーバはタグなしのBYE、続いてタグ付きのOKを返して接続を閉じる。POP3のQUITと違って何も削除せず、\Deletedフラグの付いたメールはEXPUNGEまで残る。`),
		RFC: "RFC 9051 6.1.3",
	},
	{
		Key:   "IMAP ENABLE",
		Title: i18n.T(`ENABLE: switch on an extension`, `ENABLE:拡張機能の有効化`),
		Text: i18n.T(
			`Turns on extensions that change how the server answers; ENABLE IMAP4rev2 switches a server that speaks both versions to RFC 9051's rules (no RECENT, a LIST response in SELECT). The untagged ENABLED response names what was switched on.`,
			`サーバの応答の仕方を変える拡張機能を有効にする。ENABLE IMAP4rev2は、両方の版を話すサーバをRFC 9051の規則(RECENTを送らない、SELECTでLIST応答を返すなど)に切り替える。タグなしのENABLED応答が有効になったものを示す。`),
		RFC: "RFC 9051 6.3.1",
	},
	{
		Key:   "IMAP ENABLED",
		Title: i18n.T(`ENABLED: extensions now on`, `ENABLED:有効になった拡張機能`),
		Text: i18n.T(
			`The untagged answer to ENABLE, listing the extensions the server switched on; an empty list means none of those asked for.`,
			`ENABLEに対するタグなしの応答で、サーバが有効にした拡張機能を列挙する。空の場合は要求したものがどれも有効になっていない。`),
		RFC: "RFC 9051 7.2.1",
	},
	{
		Key:   "IMAP LOGIN",
		Title: i18n.T(`LOGIN: user name and password`, `LOGIN:ユーザ名とパスワード`),
		Text: i18n.T(
			`Logs in with a user name and a password in one command and moves the session to the Authenticated state. On port 143 both travel in clear text; STARTTLS or port 993 (IMAPS) encrypts them.`,
			`1つのコマンドでユーザ名とパスワードを送って認証を受け、セッションを「Authenticated」状態に進める。143番ポートではどちらも平文で流れるので、STARTTLSや993番ポート(IMAPS)で暗号化する。`),
		RFC: "RFC 9051 6.2.3",
	},
	{
		Key:   "IMAP SELECT",
		Title: i18n.T(`SELECT: open a mailbox`, `SELECT:メールボックスを開く`),
		Text: i18n.T(
			`Opens a mailbox (INBOX) read-write and moves the session to the Selected state. The untagged responses before the OK describe it: the message count (EXISTS), the flags, UIDVALIDITY and UIDNEXT.`,
			`メールボックス(INBOX)を読み書きできる状態で開き、セッションを「Selected」状態に進める。OKの前のタグなし応答が、メールの件数(EXISTS)、フラグ、UIDVALIDITY、UIDNEXTを伝える。`),
		RFC: "RFC 9051 6.3.2; RFC 3501 6.3.1",
	},
	{
		Key:   "IMAP CLOSE",
		Title: i18n.T(`CLOSE: leave the mailbox`, `CLOSE:メールボックスを閉じる`),
		Text: i18n.T(
			`Leaves the selected mailbox and returns to the Authenticated state, removing every message flagged \Deleted on the way without an EXPUNGE response for each.`,
			`選択中のメールボックスを閉じて「Authenticated」状態に戻る。その際、\Deletedフラグの付いたメールを、1通ごとのEXPUNGE応答なしで全て削除する。`),
		RFC: "RFC 9051 6.4.1",
	},
	{
		Key:   "IMAP EXPUNGE",
		Title: i18n.T(`EXPUNGE: remove what is flagged \Deleted`, `EXPUNGE:\Deletedのメールを削除`),
		Text: i18n.T(
			`Removes every message flagged \Deleted from the mailbox for good, for every device. The server answers "* n EXPUNGE" for each, and the messages after it are renumbered at once, so mailsim sends the numbers highest first.`,
			`\Deletedフラグの付いたメールをメールボックスから完全に削除し、どの端末からも見えなくする。サーバは1通ごとに「* n EXPUNGE」を返し、その後ろのメールの番号はすぐに1つずつ詰まるので、mailsimは大きい番号から順に送る。`),
		RFC: "RFC 9051 6.4.3, 7.5.1",
	},
	{
		Key:   "IMAP FETCH",
		Title: i18n.T(`FETCH: read messages`, `FETCH:メールを読む`),
		Text: i18n.T(
			`Reads data of the messages a sequence set names (1:* is all): FLAGS, UID, RFC822.SIZE, and the text with BODY[] (which sets \Seen) or BODY.PEEK[] (which does not). Each message comes back as an untagged FETCH response, the text as a literal {n} of n octets.`,
			`番号の集合(1:*は全て)で指定したメールのデータを読む。FLAGS、UID、RFC822.SIZE、本文はBODY[](\Seenを付ける)かBODY.PEEK[](付けない)で取り出す。各メールはタグなしのFETCH応答で返り、本文はnオクテットのリテラル「{n}」として送られる。`),
		RFC: "RFC 9051 6.4.5, 7.5.2",
	},
	{
		Key:   "IMAP STORE",
		Title: i18n.T(`STORE: set or clear flags`, `STORE:フラグの設定と解除`),
		Text: i18n.T(
			`Changes flags on the server: +FLAGS (\Seen) marks messages read, +FLAGS (\Deleted) marks them for deletion, -FLAGS clears, and .SILENT leaves out the untagged FETCH responses with the new flags. Every device sees the change.`,
			`サーバ上のフラグを変更する。+FLAGS (\Seen)で既読にし、+FLAGS (\Deleted)で削除の対象にし、-FLAGSで外し、.SILENTを付けると新しいフラグを伝えるタグなしのFETCH応答を省く。変更はどの端末からも見える。`),
		RFC: "RFC 9051 6.4.6",
	},
	{
		Key:   "IMAP UID FETCH",
		Title: i18n.T(`UID FETCH: FETCH by UID`, `UID FETCH:UIDで指定するFETCH`),
		Text: i18n.T(
			`FETCH with UIDs instead of message numbers: a UID never changes while UIDVALIDITY stays the same, whereas numbers shift when messages are expunged. Clients that keep mail in sync use it, with 1:* meaning every message.`,
			`メッセージ番号の代わりにUIDで指定するFETCHである。番号は削除のたびに詰まるが、UIDはUIDVALIDITYが同じ間は変わらない。メールを同期するメールソフトはこれを使い、1:*は全てのメールを表す。`),
		RFC: "RFC 9051 6.4.9",
	},
	{
		Key:   "IMAP UID STORE",
		Title: i18n.T(`UID STORE: STORE by UID`, `UID STORE:UIDで指定するSTORE`),
		Text: i18n.T(
			`STORE with UIDs instead of message numbers, so a flag lands on the intended message even if another device expunged others meanwhile.`,
			`メッセージ番号の代わりにUIDで指定するSTOREである。その間に別の端末が他のメールを削除しても、意図したメールにフラグが付く。`),
		RFC: "RFC 9051 6.4.9",
	},
	{
		Key:   "IMAP EXISTS",
		Title: i18n.T(`EXISTS: how many messages`, `EXISTS:メールの件数`),
		Text: i18n.T(
			`"* 3 EXISTS" says the selected mailbox holds 3 messages, numbered 1 to 3. The server sends it at SELECT and again whenever new mail arrives.`,
			`「* 3 EXISTS」は選択中のメールボックスに3通(番号1〜3)あることを表す。SELECTのときと、新しいメールが届いたときに送られる。`),
		RFC: "RFC 9051 7.4.1",
	},
	{
		Key:   "IMAP RECENT",
		Title: i18n.T(`RECENT: new since the last session`, `RECENT:前回以降の新着`),
		Text: i18n.T(
			`IMAP4rev1 only: the number of messages that arrived since a session last selected the mailbox. IMAP4rev2 dropped it, since several devices make "new" ambiguous.`,
			`IMAP4rev1だけの応答で、前回どこかのセッションがメールボックスを選択して以降に届いたメールの件数を表す。複数の端末では「新着」があいまいになるため、IMAP4rev2では廃止された。`),
		RFC: "RFC 3501 7.3.2",
	},
	{
		Key:   "IMAP FLAGS",
		Title: i18n.T(`FLAGS: the flags in use`, `FLAGS:使えるフラグ`),
		Text: i18n.T(
			`Lists the flags the mailbox uses: \Seen (read), \Answered, \Flagged, \Deleted (to be removed at EXPUNGE) and \Draft. The flags are kept on the server, which is why every device sees the same state.`,
			`メールボックスで使うフラグを列挙する。\Seen(既読)、\Answered、\Flagged、\Deleted(EXPUNGEで削除される)、\Draftである。フラグはサーバで管理されるので、どの端末からも同じ状態が見える。`),
		RFC: "RFC 9051 2.3.2, 7.3.5",
	},
	{
		Key:   "IMAP LIST",
		Title: i18n.T(`LIST: a mailbox's name and attributes`, `LIST:メールボックスの名前と属性`),
		Text: i18n.T(
			`Names a mailbox with its attributes and hierarchy delimiter. Under IMAP4rev2, SELECT sends one for the mailbox it opened; mailsim's server does not take the LIST command itself.`,
			`メールボックスの名前を、属性と階層の区切り文字とともに示す。IMAP4rev2では、SELECTが開いたメールボックスについて1つ送る。mailsimのサーバはLISTコマンド自体には対応していない。`),
		RFC: "RFC 9051 7.3.1",
	},
	{
		Key:   "IMAP UIDVALIDITY",
		Title: i18n.T(`[UIDVALIDITY n]: the UIDs' generation`, `[UIDVALIDITY n]:UIDの世代`),
		Text: i18n.T(
			`As long as this number stays the same, a message keeps its UID and UIDs are never reused, so a client may keep what it cached by UID. If it changes, the client must forget its cache and fetch again.`,
			`この値が同じ間は、メールのUIDは変わらず再利用もされないので、クライアントはUIDで保存した情報をそのまま使える。値が変わったら保存した情報を捨てて読み直す。`),
		RFC: "RFC 9051 2.3.1.1",
	},
	{
		Key:   "IMAP UIDNEXT",
		Title: i18n.T(`[UIDNEXT n]: the next UID`, `[UIDNEXT n]:次のUID`),
		Text: i18n.T(
			`The UID the next message to arrive will get. A client that sees it grow knows new mail came in.`,
			`次に届くメールに割り当てられるUIDである。この値が増えていれば新しいメールが届いたことが分かる。`),
		RFC: "RFC 9051 2.3.1.1",
	},
	{
		Key:   "IMAP PERMANENTFLAGS",
		Title: i18n.T(`[PERMANENTFLAGS]: flags that are kept`, `[PERMANENTFLAGS]:保存されるフラグ`),
		Text: i18n.T(
			`The flags the client can change for good: they are stored on the server and seen by every later session.`,
			`クライアントが恒久的に変更できるフラグを示す。サーバに保存され、後のどのセッションからも見える。`),
		RFC: "RFC 9051 7.1",
	},
	{
		Key:   "IMAP UNSEEN",
		Title: i18n.T(`[UNSEEN n]: the first unread message`, `[UNSEEN n]:最初の未読メール`),
		Text: i18n.T(
			`IMAP4rev1 only: the number of the first message without \Seen, so a client can open the mailbox where the unread mail starts.`,
			`IMAP4rev1だけの応答コードで、\Seenの付いていない最初のメールの番号を示す。クライアントは未読の位置からメールボックスを開ける。`),
		RFC: "RFC 3501 7.1",
	},
	{
		Key:   "IMAP READ-WRITE",
		Title: i18n.T(`[READ-WRITE]: changes allowed`, `[READ-WRITE]:変更可能`),
		Text: i18n.T(
			`The mailbox is open for changes: flags can be stored and messages expunged. EXAMINE would open it read-only instead.`,
			`メールボックスが変更可能な状態で開かれたことを表し、フラグの変更や削除ができる。EXAMINEで開くと読み取り専用になる。`),
		RFC: "RFC 9051 7.1",
	},
	{
		Key:   "IMAP AUTHENTICATIONFAILED",
		Title: i18n.T(`[AUTHENTICATIONFAILED]: wrong credentials`, `[AUTHENTICATIONFAILED]:認証失敗`),
		Text: i18n.T(
			`LOGIN failed because of the user name or the password; the server does not say which, so that names cannot be probed.`,
			`ユーザ名かパスワードの誤りでLOGINが失敗したことを表す。名前を探られないよう、サーバはどちらが誤りかを明かさない。`),
		RFC: "RFC 5530 3",
	},
	{
		Key:   "IMAP NONEXISTENT",
		Title: i18n.T(`[NONEXISTENT]: no such mailbox`, `[NONEXISTENT]:存在しないメールボックス`),
		Text: i18n.T(
			`The mailbox named does not exist; mailsim's server has only INBOX.`,
			`指定したメールボックスは存在しない。mailsimのサーバにはINBOXしかない。`),
		RFC: "RFC 5530 3",
	},
	{
		Key:   "IMAP EXPUNGEISSUED",
		Title: i18n.T(`[EXPUNGEISSUED]: removed meanwhile`, `[EXPUNGEISSUED]:途中で削除された`),
		Text: i18n.T(
			`Some of the messages asked for were expunged by another session after this one last heard about them. The server reports the EXPUNGE at the next NOOP rather than during FETCH or STORE.`,
			`要求したメールの一部が、別のセッションによって削除されていたことを表す。サーバはFETCHやSTOREの最中ではなく、次のNOOPなどでEXPUNGEを知らせる。`),
		RFC: "RFC 5530 3; RFC 9051 7.5.1",
	},
	{
		Key:   "IMAP CLOSED",
		Title: i18n.T(`[CLOSED]: the previous mailbox is closed`, `[CLOSED]:前のメールボックスを閉じた`),
		Text: i18n.T(
			`Sent when a SELECT replaces the mailbox selected before: responses after it are about the new mailbox.`,
			`SELECTで別のメールボックスに切り替えたときに送られ、これ以降の応答は新しいメールボックスについてのものである。`),
		RFC: "RFC 9051 7.1",
	},
}
