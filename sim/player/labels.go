package player

import "github.com/mailsim/mailsim/sim/i18n"

// The player's own words, in English and in the Japanese of IPA exam
// material. Read-only.
var (
	lStep           = i18n.T("step ", "ステップ") // a counter attaches: ステップ3/5
	lExams          = i18n.T("Exams: ", "対象試験: ")
	lRecap          = i18n.T("Recap", "まとめ")
	lPredict        = i18n.T("Your answer (Enter; Esc shows it): ", "答え(Enterで確定、Escで表示): ")
	lFacts          = i18n.T("Exam facts", "試験のポイント")
	lEnd            = i18n.T("End of the scenario: ← goes back, g jumps to a step, q quits.", "シナリオの最後です(←で戻る、gでステップ移動、qで終了)。")
	lInternet       = i18n.T("internet", "インターネット")
	lDynamic        = i18n.T("dynamic IP", "動的IP")
	lModeStep       = i18n.T("STEP", "ステップ実行")
	lModeAuto       = i18n.T("AUTO", "自動再生")
	lModePaused     = i18n.T("PAUSED", "一時停止")
	lJump           = i18n.T("Go to step (1-", "ステップへ移動(1-")
	lJumpEnd        = i18n.T("), Enter to go, Esc to cancel: ", ")、Enterで移動、Escで取消: ")
	lNoStep         = i18n.T("There is no step ", "はありません。") // ja: "ステップ9はありません。"
	lAtStart        = i18n.T("Already at the start.", "最初の行です。")
	lPaneClose      = i18n.T("Esc closes", "Escで閉じる")
	lHelpHint       = i18n.T("? shows every key", "?でキー一覧")
	lHelpTitle      = i18n.T("Keys", "キー一覧")
	lHelpClose      = i18n.T("Esc, ? or q closes", "Esc、?、qで閉じる")
	lExplain        = i18n.T("Explain: ", "解説: ")
	lNoExplain      = i18n.T("Nothing to explain here: move to a protocol line with Enter or ←.", "ここには解説がありません。Enterや←でプロトコルの行に移動してください。")
	lNoExplainer    = i18n.T("Explanations are not available in this build.", "このビルドでは解説を利用できません。")
	lCause          = i18n.T("Cause: ", "原因: ")
	lFix            = i18n.T("Fix: ", "対処: ")
	lServers        = i18n.T("Real servers: ", "実際のサーバ: ")
	lOutcome        = i18n.T("This answer: ", "この応答: ")
	lStateTitle     = i18n.T("Session state (from the trace)", "セッションの状態(トレースの記録)")
	lNoSession      = i18n.T("No connection yet.", "まだ接続はありません。")
	lTranscript     = i18n.T("Full transcript (what `mailsim run` prints)", "全記録(「mailsim run」の出力)")
	lSession        = i18n.T("Session #", "セッション#")
	lServerState    = i18n.T("Server state: ", "サーバの状態: ")
	lTCP            = i18n.T("TCP: ", "TCP: ")
	lLastCommand    = i18n.T("Last command: ", "直前のコマンド: ")
	lLastReply      = i18n.T("Last reply: ", "直前の応答: ")
	lHelo           = i18n.T("HELO/EHLO name: ", "HELO/EHLO名: ")
	lTLS            = i18n.T("TLS: on (this hop only)", "TLS: 有効(この区間のみ暗号化)")
	lAuthAs         = i18n.T("SMTP-AUTH: authenticated as ", "SMTP-AUTHで認証済みのユーザ名: ")
	lAuthNo         = i18n.T("SMTP-AUTH: not authenticated", "SMTP-AUTH: 未認証")
	lMailFrom       = i18n.T("Envelope From (MAIL FROM): ", "エンベロープFrom(MAIL FROM): ")
	lRcpts          = i18n.T("Accepted recipients (RCPT TO): ", "受理した宛先(RCPT TO): ")
	lRejected       = i18n.T("Refused recipients: ", "拒否された宛先: ")
	lInData         = i18n.T("Receiving message text (after 354, until \".\")", "メールを受信中(354の後、「.」まで)")
	lAccepted       = i18n.T("Messages accepted (250 after \".\"): ", "受理したメール(「.」の後の250): ")
	lUser           = i18n.T("User: ", "ユーザ名: ")
	lLoggedIn       = i18n.T(" (logged in)", "(ログイン済み)")
	lMaildrop       = i18n.T("Maildrop at login: ", "ログイン時のメールボックス: ")
	lMessage        = i18n.T(" message, ", "通、")
	lMessages       = i18n.T(" messages, ", "通、")
	lOctets         = i18n.T(" octets", "オクテット")
	lRetrieved      = i18n.T("Retrieved (RETR): ", "取り出し済み(RETR): ")
	lDeleted        = i18n.T("Marked for deletion (DELE): ", "削除マーク(DELE): ")
	lDeleteLater    = i18n.T(" (removed only when QUIT ends the session)", "(QUITで正常に終了したときに削除)")
	lUpdated        = i18n.T("Removed in the UPDATE state (after QUIT): ", "UPDATE状態で削除したメール(QUITの後): ")
	lCount          = i18n.T("", "通")
	lQuery          = i18n.T("Question: ", "問い合わせ: ")
	lAnswer         = i18n.T("Answer: ", "応答: ")
	lNoAnswer       = i18n.T("no answer yet", "応答待ち")
	lNoRecords      = i18n.T(" (no record of the type asked for)", "(問い合わせた種類のレコードなし)")
	lOtherConns     = i18n.T("Other connections:", "その他の接続:")
	lBlockedBy      = i18n.T("blocked by ", "遮断: ")
	lNone           = i18n.T("(none)", "(なし)")
	lParen          = i18n.T(" (", "(") // Japanese puts no space before a parenthesis
	lConnRefused    = i18n.T("connection refused", "接続拒否")
	lTimedOut       = i18n.T("timed out", "タイムアウト")
	lRetransmit     = i18n.T("  (retransmission ", "(再送")
	lRetransEnd     = i18n.T(")", "回目)")
	lDeliveredTo    = i18n.T("delivered to mailbox ", "メールボックスに配送: ")
	lMore           = i18n.T("more below", "続きあり")
	lScrolledBack   = i18n.T("scrolled back # rows: End or a playback key returns to the newest line", "#行さかのぼって表示中: Endか再生のキーで最新の行に戻ります") // # is the count
	lClock          = i18n.T("Virtual clock: ", "仮想時計: ")
	lWaitNothing    = i18n.T("Nothing was due during the wait: queued mail waits for its next retry.", "待ち時間中に実行される処理はありませんでした。キューのメールは次の再送を待っています。")
	lWaitRetries    = i18n.T("During the wait: queue retries ", "待ち時間中の処理: キューからの再送")
	lWaitDeliveries = i18n.T(", deliveries ", "回、配送")
	lWaitBelow      = i18n.T(" (the lines follow).", "件(以下の行)")
	lPhaseNames     = [...]i18n.Text{
		NoTCP:      i18n.T("no TCP (UDP)", "TCPなし(UDP)"),
		Connecting: i18n.T("SYN sent, waiting", "SYN送信、応答待ち"),
		Open:       i18n.T("established", "確立"),
		Blocked:    i18n.T("blocked by a router", "ルータで遮断"),
		Refused:    i18n.T("refused (RST)", "接続拒否(RST)"),
		TimedOut:   i18n.T("timed out", "タイムアウト"),
		Closed:     i18n.T("closed (FIN)", "切断(FIN)"),
	}
)

// A key and what it does, for the help line.
type keyHelp struct {
	keys string
	what i18n.Text
}

func keyHelps(g *glyphs) []keyHelp {
	return []keyHelp{
		{"Enter/Space/" + g.arrowR, i18n.T("next", "次へ")},
		{g.arrowL + "/b", i18n.T("back", "戻る")},
		{"g", i18n.T("go to step", "ステップ移動")},
		{"e", i18n.T("explain", "解説")},
		{"s", i18n.T("state", "状態")},
		{"t", i18n.T("transcript", "全記録")},
		{"p", i18n.T("play/pause", "再生/一時停止")},
		{"+/-", i18n.T("speed", "速度")},
		{"q", i18n.T("quit", "終了")},
		{"?", i18n.T("all keys", "キー一覧")},
	}
}

// allKeys are every key the player knows, for the ? overlay.
func allKeys(g *glyphs) []keyHelp {
	return []keyHelp{
		{"Enter Space " + g.arrowR + " n", i18n.T("next line", "次の行へ")},
		{g.arrowL + " b", i18n.T("back one line (instant)", "1行戻る(すぐに戻ります)")},
		{"g", i18n.T("go to step N", "ステップNへ移動")},
		{g.up + " " + g.down + " PgUp PgDn", i18n.T("scroll the dialogue back (or a pane)", "やり取りをさかのぼって表示(ペインではスクロール)")},
		{"Home End", i18n.T("oldest line / back to the newest", "最初の行へ移動、最新の行に戻る")},
		{"e", i18n.T("explain the current line", "現在の行の解説")},
		{"s", i18n.T("session state, DNS questions and answers", "セッションの状態、DNSの問い合わせと応答")},
		{"t", i18n.T("transcript so far", "ここまでの全記録")},
		{"p", i18n.T("play / pause", "再生/一時停止")},
		{"+ -", i18n.T("speed", "速度")},
		{"Esc q", i18n.T("close a pane or this list", "ペインやこの一覧を閉じる")},
		{"q Ctrl-C", i18n.T("quit (q: from the main view)", "終了(qはメイン画面で)")},
		{"Ctrl-Z", i18n.T("suspend (fg resumes)", "一時中断(「fg」で再開)")},
		{"?", i18n.T("this list", "この一覧")},
	}
}

// glyphs are the characters the frame is drawn with: Unicode on a capable
// terminal, plain ASCII with --ascii.
type glyphs struct {
	hline, env, gate, filter, barrier, right, left, cur, ellipsis, bullet, arrowR, arrowL, up, down, dot string
	vline, tl, tr, bl, br                                                                                string // boxes
}

var (
	unicodeGlyphs = glyphs{"─", "✉", "┼", "╪", "╳", "▶", "◀", "▶", "…", "•", "→", "←", "↑", "↓", "·", "│", "┌", "┐", "└", "┘"}
	asciiGlyphs   = glyphs{"-", "*", "+", "#", "X", ">", "<", ">", "...", "*", "->", "<-", "^", "v", "|", "|", "+", "+", "+", "+"}
)

// Labels of the IMAP session rows (RFC 9051), apart so that the table
// above keeps its alignment.
var (
	lSelected     = i18n.T("Selected mailbox: ", "選択中のメールボックス: ")
	lExists       = i18n.T("Messages (EXISTS): ", "メールの件数(EXISTS): ")
	lSeen         = i18n.T("Read (\\Seen): ", "既読(\\Seen): ")
	lFlaggedDel   = i18n.T("Flagged \\Deleted: ", "\\Deletedフラグ: ")
	lExpungeLater = i18n.T(" (removed at EXPUNGE or CLOSE)", "(EXPUNGEかCLOSEで削除)")
	lExpunged     = i18n.T("Expunged in this session: ", "このセッションで削除したメール: ")
)
