package jastyle

import "regexp"

// The rule data, in one place. Every entry comes from
// /work/shared/GLOSSARY-ja.md: the "Avoid / once" column of its term table
// (terms), its register rules (politeEndings, plainLastKana) and its
// notation rules (checkNotation, checkEnglish, englishAllowed). Where the
// glossary is silent the entry says why it is here.

// term is one word to avoid: its pattern, the word to use instead, whether
// the glossary allows it once per document in parentheses, the kinds of
// text it applies to (nil: all), and a sentence context in which it is
// fine.
type term struct {
	name    string // the word as the glossary writes it
	re      *regexp.Regexp
	use     string
	once    bool
	kinds   map[Kind]bool
	allowed *regexp.Regexp // the sentence around the match makes it fine
	within  *regexp.Regexp // the word is wrong only in a sentence that matches
	fine    *regexp.Regexp // the match itself is fine when it matches this
}

func word(name, use string) term {
	return term{name: name, re: regexp.MustCompile(regexp.QuoteMeta(name)), use: use}
}

func onceWord(name, use string) term {
	t := word(name, use)
	t.once = true
	return t
}

func pattern(name, re, use string) term {
	return term{name: name, re: regexp.MustCompile(re), use: use}
}

func (t term) except(re string) term { t.allowed = regexp.MustCompile(re); return t }

func (t term) when(re string) term { t.within = regexp.MustCompile(re); return t }

func (t term) exceptMatch(re string) term { t.fine = regexp.MustCompile(re); return t }

func (t term) onceOK() term { t.once = true; return t }

func (t term) only(ks ...Kind) term {
	t.kinds = map[Kind]bool{}
	for _, k := range ks {
		t.kinds[k] = true
	}
	return t
}

// terms is the glossary's "Avoid / once" column, row by row.
var terms = []term{
	word("Eメール", "メール (電子メール in quiz stems)"),
	// IPA drops a final ー: サーバ, ユーザ, ヘッダ, ルータ, フィルタ,
	// プロバイダ, メーラ.
	pattern("サーバー", `サーバー`, "サーバ"),
	pattern("ユーザー", `ユーザー`, "ユーザ, 利用者"),
	pattern("ヘッダー", `ヘッダー`, "ヘッダ"),
	pattern("ルーター", `ルーター`, "ルータ"),
	pattern("フィルター", `フィルター`, "フィルタ"),
	pattern("プロバイダー", `プロバイダー`, "プロバイダ"),
	onceWord("メールクライアント", "メールソフト"),
	pattern("メーラ", `メーラー?`, "メールソフト").onceOK(),
	word("サブミッションサーバ", "送信メールサーバ"),
	word("メール送信サーバ", "送信メールサーバ"),
	word("メールドロップ", "メールボックス"),
	word("受信箱", "メールボックス"),
	word("差出人", "送信者 (header: ヘッダFrom)"),
	word("あて先", "宛先"),
	word("投稿する", "送信する"),
	word("提出する", "送信する"),
	word("リレーする", "中継する"),
	// 配信 suggests mass mailing, which is what メール配信サービス (a bulk
	// mailing service) means; anywhere else it is delivery.
	pattern("配信", `(?:メール)?配信(?:サービス)?`, "配送する / 格納する").exceptMatch(`^メール配信サービス$`),
	word("取得", "受信する; RETR: 取り出す"),
	onceWord("ダウンロード", "受信する; RETR: 取り出す"),
	word("待ち行列", "キュー"),
	word("封筒", "エンベロープ"),
	word("エンベロープの送信者", "エンベロープFrom"),
	onceWord("リバースパス", "エンベロープFrom"),
	word("差出人欄", "ヘッダFrom"),
	word("リプライコード", "応答コード"),
	pattern("2yz", `\b[2-5]yz\b`, "2xx(成功) / 3xx(中間応答) / 一時的エラー / 恒久的エラー"),
	word("永続的エラー", "恒久的エラー"),
	word("永久エラー", "恒久的エラー"),
	// "Pick one pair, use it everywhere": 一時的エラー / 恒久的エラー.
	word("一時的な失敗", "一時的エラー"),
	word("恒久的な失敗", "恒久的エラー"),
	word("恒久的な問題", "恒久的エラー"),
	onceWord("エラーメール", "バウンスメール"),
	word("配送不能通知", "バウンスメール"),
	pattern("NDR", `\bNDR\b`, "バウンスメール"),
	word("バウンスする", "バウンスメールを返す"),
	word("ヌルリバースパス", "空のエンベロープFrom (MAIL FROM:<>)"),
	word("グリーティング", "あいさつ"),
	word("バナー", "あいさつ"),
	word("削除の印", "削除マーク"),
	word("削除フラグ", "削除マーク"),
	word("生のまま", "平文"),
	word("プレーンテキスト", "平文"),
	word("復号化", "復号"),
	// 復号 only for decryption: Base64 is デコード, never 復号.
	pattern("復号 (Base64)", `復号`, "デコード").when(`(?i)base64|エンコード|符号化`),
	// ログイン is fine in UI and narration, 認証 in explanations.
	word("ログイン", "認証").only(Explanation, Cause),
	pattern("SMTP AUTH", `SMTP AUTH`, "SMTP-AUTH"),
	onceWord("SMTP認証", "SMTP-AUTH"),
	word("送信元認証", "送信ドメイン認証"),
	onceWord("Sender Policy Framework", "SPF"),
	word("デジタル署名", "ディジタル署名"),
	word("プライベート鍵", "秘密鍵"),
	word("スプーフィング", "なりすまし"),
	// スパムメール; 迷惑メール only in 迷惑メール対策.
	word("迷惑メール", "スパムメール").except(`迷惑メール対策`),
	pattern("SPAM", `\bSPAM\b`, "スパムメール"),
	pattern("スパム", `スパム(?:メール|送信者)?`, "スパムメール, スパム送信者").exceptMatch(`^スパム(メール|送信者)$`),
	word("スパム業者", "スパム送信者"),
	word("スパマー", "スパム送信者"),
	word("ゾンビPC", "ボットに感染したPC"),
	onceWord("オープンリレー", "第三者中継"),
	onceWord("不正中継", "第三者中継"),
	word("ブラックリスト", "ブロックリスト (DNSBL)"),
	onceWord("RBL", "ブロックリスト (DNSBL)"),
	word("後回しにする方針", "グレーリスティング"),
	onceWord("配送ループ", "メールループ"),
	word("メール投稿", "送信する; サブミッションポート"),
	pattern("ポート25", `(?:宛先|送信元)?ポート(?:番号)?[0-9]+番?`, "25番ポート (宛先ポート番号25 in filter tables)").exceptMatch(`^(宛先|送信元)ポート番号[0-9]+$`),
	onceWord("FW", "ファイアウォール"),
	onceWord("Outbound Port 25 Blocking", "OP25B"),
	onceWord("Inbound Port 25 Blocking", "IP25B"),
	word("可変IP", "動的IPアドレス"),
	word("SMTP after POP", "POP before SMTP"),
	word("暗黙的TLS", "暗黙のTLS"),
	onceWord("セカンダリMX", "バックアップMX"),
	word("優先度", "プリファレンス値 (値が小さいほど先に試す)"),
	word("優先順位", "プリファレンス値 (値が小さいほど先に試す)"),
	word("スリーウェイ", "3ウェイハンドシェイク"),
	// サブミッション only inside サブミッションポート; first use
	// サブミッションポート(587番ポート).
	pattern("サブミッション", `サブミッション(?:ポート)?`, "サブミッションポート").exceptMatch(`^サブミッションポート$`),
	pattern("サブミッションポート(587)", `サブミッションポート(?:587|\(587\))`, "サブミッションポート(587番ポート)"),
	// 中継 for an MX hop; 転送 only for forwarding to another address
	// (251, 551, .forward). These are the phrasings that used 転送 for a
	// hop.
	pattern("転送 (MX hop)", `(?:メール転送|に転送を試み|の復旧後に転送)`, "中継する"),
	// 550, not 550番; ports are 25番ポート.
	pattern("550番", `[245][0-9]{2}番(?:の応答|応答|コード)`, "say 550, not 550番"),
	// IPA and mail software say 送信メールサーバ, not 送信サーバ.
	word("送信サーバ", "送信メールサーバ (or 送信側のサーバ for the sending end of a hop)"),
}

// politeEndings end a sentence in です・ます.
var politeEndings = []string{"ます", "ません", "ました", "ませんでした", "です", "でした", "でしょう", "ましょう", "ください", "ますか", "ですか", "でしょうか"}

// plainLastKana is the last kana of a sentence in だ・である: a verb
// (〜う〜く〜ぐ〜す〜つ〜ぬ〜ぶ〜む〜る), the past (〜た〜だ), an
// adjective or negative (〜い), or 〜ず.
const plainLastKana = "うくぐすつぬぶむるただいず"

// englishAllowed are the ASCII words that are not acronyms but are fine in
// Japanese text: product and key names, the glossary's "null MX", the From
// and To of エンベロープFrom/ヘッダFrom, and the mechanism names of
// SMTP-AUTH.
var englishAllowed = map[string]bool{
	"Base": true, "Web": true, "Postfix": true, "Microsoft": true, "Exchange": true,
	"Sendmail": true, "Exim": true, "Dovecot": true,
	"Enter": true, "Esc": true, "Tab": true, "Space": true, "Ctrl": true,
	"null": true, "From": true, "To": true, "mailsim": true,
	// Header field names, written as the header writes them.
	"Cc": true, "Bcc": true, "Subject": true, "Received": true, "Date": true, "Sender": true,
	// Person names: the users of RFC 5321 Appendix D.1 (one-bad-recipient).
	"Smith": true, "Jones": true, "Green": true, "Brown": true, "White": true,
	// The exam vendor named beside IPA (lessons and questions).
	"CompTIA": true,
	// SPF and DMARC result keywords and policies, written as the
	// Authentication-Results: header and the DMARC record write them.
	"pass": true, "fail": true, "none": true, "softfail": true, "neutral": true,
	"quarantine": true, "reject": true, "temperror": true, "permerror": true, "relaxed": true,
	// Receivers and filters named where real servers' answers are quoted.
	"Gmail": true, "OpenDMARC": true, "SpamAssassin": true,
	// User (mailbox) names in the questions' addresses and POP3 logins.
	"alice": true, "bob": true, "bobb": true, "carol": true, "dan": true, "dave": true,
	"erin": true, "frank": true, "gina": true, "postmaster": true, "info": true,
}

// englishTerms are the glossary's terms that are English phrases.
var englishTerms = []string{"POP before SMTP"}

// firstUse is a word that narration introduces in a fixed form the first
// time it appears in a document, and writes plainly afterwards.
type firstUse struct{ word, first string }

var firstUses = []firstUse{
	{"587", "サブミッションポート(587番ポート)"},
	{"ISP", "インターネットサービスプロバイダ(ISP)"},
}
