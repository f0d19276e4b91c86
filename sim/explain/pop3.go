package explain

import "github.com/mailsim/mailsim/sim/i18n"

// pop3Entries explains the POP3 status indicators (RFC 1939 3) and every
// command of RFC 1939, CAPA (RFC 2449) and STLS (RFC 2595), each with what its
// +OK and its -ERR mean.
var pop3Entries = []Entry{
	{
		Key:   keyOK,
		Title: i18n.T(`+OK: the command succeeded`, `+OK: コマンド成功`),
		Text: i18n.T(
			`POP3's positive status indicator. What follows depends on the command: a count (STAT), a multi-line listing or message that ends with a line holding only "." (LIST, RETR), or just a remark.`,
			`POP3の肯定応答で、コマンドが成功したことを表す。続く内容はコマンドによって異なり、件数(STAT)、「.」だけの行で終わる複数行の一覧やメール(LIST、RETR)、短い説明などがある。`),
		RFC: "RFC 1939 3",
	},
	{
		Key:   keyERR,
		Title: i18n.T(`-ERR: the command failed`, `-ERR: コマンド失敗`),
		Text: i18n.T(
			`POP3's negative status indicator: the command failed and nothing changed. The text after -ERR says why; a code in brackets says what kind of problem: [AUTH] (RFC 3206) the user name or password, [IN-USE] (RFC 2449) another session holding the maildrop.`,
			`POP3の否定応答で、コマンドは失敗し、何も変わっていない。理由は-ERRの後の文に書かれ、角かっこのコードが問題の種類を示す。[AUTH](RFC 3206)はユーザ名かパスワードの問題を、[IN-USE](RFC 2449)は別のセッションがメールボックスを使用中であることを表す。`),
		Cause: i18n.T(
			`A wrong password, a command sent in the wrong state (STAT before logging in), or a message number that does not exist or is already marked for deletion.`,
			`パスワードの誤り、状態に合わないコマンド(認証前のSTATなど)、存在しないか削除マークの付いたメッセージ番号など。`),
		Fix: i18n.T(
			`Read the text after -ERR; log in first, and use the message numbers that LIST shows.`,
			`-ERRの後の文を読む。先に認証し、LISTが示すメッセージ番号を使う。`),
		Servers: i18n.T(
			`This server locks the maildrop for one session, as RFC 1939 8 allows, and answers a second login "-ERR [IN-USE]"; Dovecot by default (pop3_lock_session = no) lets the second session log in.`,
			`このサーバはRFC 1939 8が認めるとおりメールボックスを1つのセッションに限り、2つ目のセッションの認証には「-ERR [IN-USE]」を返す。Dovecotの既定(「pop3_lock_session = no」)では2つ目のセッションも認証できる。`),
		RFC: "RFC 1939 3; RFC 2449 8",
	},
	{
		Key:   "POP3 USER",
		Title: i18n.T(`USER: the user name`, `USER: ユーザ名`),
		Text: i18n.T(
			`Gives the user name, the first half of a USER/PASS login in the AUTHORIZATION state. On port 110 it travels in clear text.`,
			`USER/PASSによる認証の前半で、AUTHORIZATION状態でユーザ名を伝える。110番ポートでは平文で流れる。`),
		OK: i18n.T(
			`The server wants the password next. RFC 1939 lets a server answer -ERR for an unknown name, but many, this one included, say +OK to every name so that names cannot be probed.`,
			`次にパスワードを送るよう求めている。RFC 1939では存在しない名前に-ERRを返してもよいが、多くのサーバ(このサーバも)は、名前を探られないよう、どの名前にも+OKを返す。`),
		Err: i18n.T(
			`The name was refused, or this server does not allow USER/PASS before TLS; use STLS first.`,
			`ユーザ名が拒否されたか、このサーバはTLSの前のUSER/PASSを許さない。先にSTLSを使う。`),
		RFC: "RFC 1939 7",
	},
	{
		Key:   "POP3 PASS",
		Title: i18n.T(`PASS: the password`, `PASS: パスワード`),
		Text: i18n.T(
			`Gives the password after USER. On port 110 it is sent in clear text and can be read by anyone on the path; STLS or port 995 (POP3S) encrypts the whole session.`,
			`USERの後にパスワードを送る。110番ポートでは平文で送られ、経路上で読み取れるので、STLSや995番ポート(POP3S)でセッション全体を暗号化する。`),
		OK: i18n.T(
			`Logged in: the maildrop is locked and the session enters the TRANSACTION state. The text usually gives the number of messages and their size.`,
			`認証に成功した。メールボックスはロックされ、セッションはTRANSACTION状態に入る。文にはメールの件数とサイズが示されることが多い。`),
		Err: i18n.T(
			`Wrong user name or password (the server does not say which), or the maildrop is in use by another session.`,
			`ユーザ名かパスワードが誤っている(どちらかは明かさない)か、別のセッションがメールボックスを使用中である。`),
		RFC: "RFC 1939 7, 13",
	},
	{
		Key:   "POP3 APOP",
		Title: i18n.T(`APOP: log in without sending the password`, `APOP: パスワードを送らない認証`),
		Text: i18n.T(
			`The client sends the user name and the MD5 digest of the greeting's timestamp followed by the password, so the password itself never crosses the network. Only the password is protected: the mail still travels in clear text, and MD5-based APOP is no longer considered safe.`,
			`チャレンジレスポンス認証の一種である。クライアントはユーザ名と、あいさつに含まれるタイムスタンプとパスワードをつなげたもののMD5ダイジェストを送るので、パスワード自体はネットワークに流れない。守られるのはパスワードだけでメールは平文のまま流れ、MD5を使うAPOPは今では安全とはいえない。`),
		OK: i18n.T(
			`Logged in; the session enters the TRANSACTION state.`,
			`認証に成功した。セッションはTRANSACTION状態に入る。`),
		Err: i18n.T(
			`Wrong user name or digest (the password does not match), or the server's greeting offered no timestamp.`,
			`ユーザ名かダイジェストが誤っている(パスワードが一致しない)か、サーバのあいさつにタイムスタンプがなかった。`),
		RFC: "RFC 1939 7",
	},
	{
		Key:   "POP3 STAT",
		Title: i18n.T(`STAT: how much mail is waiting`, `STAT: メールの件数と合計サイズ`),
		Text: i18n.T(
			`Asks for the size of the maildrop: "+OK 2 320" means 2 messages totalling 320 octets. Messages marked with DELE are not counted.`,
			`メールボックスの状態を尋ねる。「+OK 2 320」は2通、合計320オクテットを表す。DELEで削除マークを付けたメールは数えない。`),
		OK: i18n.T(
			`The number of messages and their total size in octets.`,
			`メールの件数と合計サイズ(オクテット)を表す。`),
		Err: i18n.T(
			`Sent before logging in: STAT works only in the TRANSACTION state.`,
			`認証前に送った。STATはTRANSACTION状態でしか使えない。`),
		RFC: "RFC 1939 5",
	},
	{
		Key:   "POP3 LIST",
		Title: i18n.T(`LIST: message numbers and sizes`, `LIST: メッセージ番号とサイズの一覧`),
		Text: i18n.T(
			`Lists each message's number and size, one per line, ending with "."; "LIST n" asks about message n only.`,
			`メールごとの番号とサイズを1行ずつ返し、「.」で終わる。「LIST n」ならn番のメールだけを尋ねる。`),
		OK: i18n.T(
			`A scan listing such as "1 120": message 1 is 120 octets.`,
			`「1 120」のような一覧で、1番のメールが120オクテットであることを表す。`),
		Err: i18n.T(
			`No such message, or it is marked for deletion; or the client has not logged in yet.`,
			`その番号のメールがないか、削除マークが付いている。または、まだ認証を受けていない。`),
		RFC: "RFC 1939 5",
	},
	{
		Key:   "POP3 UIDL",
		Title: i18n.T(`UIDL: unique IDs of the messages`, `UIDL: メールの固有ID`),
		Text: i18n.T(
			`Lists each message's unique-id, which stays the same from session to session. A client that leaves mail on the server uses it to know which messages it has already downloaded.`,
			`メールごとの固有ID(unique-id)を返す。IDはセッションをまたいでも変わらないので、サーバにメールを残すクライアントは、これで受信済みのメールを見分ける。`),
		OK: i18n.T(
			`Lines of "number unique-id"; "UIDL n" gives just one.`,
			`「番号 固有ID」の行が続く。「UIDL n」なら1件だけを返す。`),
		Err: i18n.T(
			`No such message, it is marked for deletion, or the server does not support UIDL.`,
			`その番号のメールがない、削除マークが付いている、またはサーバがUIDLに対応していない。`),
		RFC: "RFC 1939 7",
	},
	{
		Key:   "POP3 RETR",
		Title: i18n.T(`RETR: download a message`, `RETR: メールの取り出し`),
		Text: i18n.T(
			`Retrieves the whole of message n (header and body) as a multi-line response ending with a line holding only ".". Retrieving does not delete it; the client sends DELE for that.`,
			`n番のメール全体(ヘッダと本文)を、「.」だけの行で終わる複数行の応答で取り出す。取り出してもメールは削除されず、削除にはDELEを送る。`),
		OK: i18n.T(
			`The message follows and ends with "."; its lines that begin with "." carry an extra dot.`,
			`続いてメールが送られ、「.」で終わる。「.」で始まる行には「.」が1つ足されている。`),
		Err: i18n.T(
			`No such message number, or the message is marked for deletion.`,
			`その番号のメールがないか、削除マークが付いている。`),
		RFC: "RFC 1939 5",
	},
	{
		Key:   "POP3 TOP",
		Title: i18n.T(`TOP: header and first lines`, `TOP: ヘッダと先頭の数行`),
		Text: i18n.T(
			`"TOP n k" returns the header of message n and the first k lines of its body, so a client can look at a message without downloading all of it.`,
			`「TOP n k」はn番のメールのヘッダと本文の先頭k行を返す。メール全体を受信せずに中身を確かめられる。`),
		OK: i18n.T(
			`The header, a blank line and k body lines follow, ending with ".".`,
			`ヘッダ、空行、本文k行が続き、「.」で終わる。`),
		Err: i18n.T(
			`No such message, a message marked for deletion, or a missing line count.`,
			`その番号のメールがない、削除マークが付いている、または行数の指定がない。`),
		RFC: "RFC 1939 7",
	},
	{
		Key:   "POP3 DELE",
		Title: i18n.T(`DELE: mark a message for deletion`, `DELE: 削除マークを付ける`),
		Text: i18n.T(
			`Marks message n for deletion, but nothing is deleted yet. The server deletes marked messages only when the session ends normally with QUIT; RSET or a dropped connection keeps them.`,
			`n番のメールに削除マークを付けるだけで、まだ削除はされない。削除マークの付いたメールは、QUITでセッションが正常に終わったときに初めて削除され、RSETや接続の切断では残る。`),
		OK: i18n.T(
			`Marked: in this session the message can no longer be listed or retrieved.`,
			`削除マークを付けた。このセッションでは、このメールはもう一覧に出ず、取り出せない。`),
		Err: i18n.T(
			`No such message, or it is already marked.`,
			`その番号のメールがないか、すでに削除マークが付いている。`),
		RFC: "RFC 1939 5, 6",
	},
	{
		Key:   "POP3 RSET",
		Title: i18n.T(`RSET: undo the deletion marks`, `RSET: 削除マークを取り消す`),
		Text: i18n.T(
			`Removes every deletion mark set with DELE in this session, so nothing will be deleted at QUIT.`,
			`このセッションでDELEにより付けた削除マークをすべて外す。QUITしても何も削除されない。`),
		OK: i18n.T(
			`All marks are removed; the text gives the size of the maildrop again.`,
			`削除マークはすべて外れた。文にはメールボックスの件数とサイズが改めて示される。`),
		Err: i18n.T(
			`Sent before logging in: RSET works only in the TRANSACTION state.`,
			`認証前に送った。RSETはTRANSACTION状態でしか使えない。`),
		RFC: "RFC 1939 5",
	},
	{
		Key:   "POP3 NOOP",
		Title: i18n.T(`NOOP: do nothing`, `NOOP: 何もしない`),
		Text: i18n.T(
			`Does nothing; the server just answers +OK. Clients use it to keep the connection alive.`,
			`何もしないコマンドで、サーバは+OKを返すだけである。接続を保つために使う。`),
		OK: i18n.T(
			`The server is alive.`,
			`サーバは応答している。`),
		Err: i18n.T(
			`Sent before logging in: NOOP is a TRANSACTION-state command.`,
			`認証前に送った。NOOPはTRANSACTION状態のコマンドである。`),
		RFC: "RFC 1939 5",
	},
	{
		Key:   "POP3 QUIT",
		Title: i18n.T(`QUIT: end the session (and delete)`, `QUIT: セッションの終了(削除の実行)`),
		Text: i18n.T(
			`Ends the session. After login it moves the server to the UPDATE state, where the messages marked with DELE are really deleted; before login it just closes the connection.`,
			`セッションを終える。認証後ならサーバはUPDATE状態に入り、DELEで削除マークを付けたメールがここで実際に削除される。認証前なら接続を閉じるだけである。`),
		OK: i18n.T(
			`Marked messages are deleted and the connection closes; the text may say how many messages are left.`,
			`削除マークの付いたメールが削除され、接続が閉じる。残りの件数が示されることもある。`),
		Err: i18n.T(
			`Some marked messages could not be removed, so they may still be in the maildrop.`,
			`削除マークの付いたメールの一部を削除できず、メールボックスに残っている可能性がある。`),
		RFC: "RFC 1939 6",
	},
	{
		Key:   "POP3 CAPA",
		Title: i18n.T(`CAPA: list the server's capabilities`, `CAPA: サーバの機能一覧`),
		Text: i18n.T(
			`Asks which optional commands and extensions the server supports (TOP, UIDL, USER, STLS, ...), as a multi-line list ending with ".". It works both before and after login.`,
			`サーバが対応する追加コマンドや拡張(TOP、UIDL、USER、STLSなど)を、「.」で終わる複数行の一覧で尋ねる。認証の前でも後でも使える。`),
		OK: i18n.T(
			`The capability list follows, one per line.`,
			`機能の一覧が1行ずつ続く。`),
		Err: i18n.T(
			`The server does not implement CAPA (an old server); assume only the commands of RFC 1939.`,
			`サーバがCAPAを実装していない(古いサーバ)。RFC 1939のコマンドだけが使えると考える。`),
		RFC: "RFC 2449 5",
	},
	{
		Key:   "POP3 STLS",
		Title: i18n.T(`STLS: switch the connection to TLS`, `STLS: 接続をTLSに切り替え`),
		Text: i18n.T(
			`Asks to encrypt the connection before logging in (POP3's STARTTLS), so that USER, PASS and the mail can no longer be read on the network. After the TLS handshake the client sends CAPA again.`,
			`認証の前に、接続の暗号化を求める(POP3版のSTARTTLS)。これで、USER、PASSやメールはネットワーク上で読めなくなる。TLSハンドシェイクの後、クライアントはCAPAを送り直す。`),
		OK: i18n.T(
			`Begin the TLS handshake now.`,
			`今からTLSハンドシェイクを始めてよい。`),
		Err: i18n.T(
			`TLS is not available, or the session is already logged in or already encrypted.`,
			`TLSが使えないか、すでに認証済みか暗号化済みである。`),
		RFC: "RFC 2595 4",
	},
}
