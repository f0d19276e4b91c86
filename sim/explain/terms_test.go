package explain_test

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// TestTerms: what learners type, in English and Japanese words, finds the
// entry that teaches it, first.
func TestTerms(t *testing.T) {
	for q, want := range map[string]string{
		"第三者中継": "open relay", "オープンリレー": "open relay", "open relay": "open relay",
		"踏み台": "open relay", "不正中継": "open relay",
		"サブミッションポート": "port 587", "submission port": "port 587", "587": "port 587",
		"587番ポート": "port 587", "ポート587": "port 587", "TCP/25": "port 25",
		"SMTP-AUTH": "SMTP-AUTH", "SMTP認証": "SMTP-AUTH", "smtp-auth": "SMTP-AUTH", "送信者認証": "SMTP-AUTH",
		"POP before SMTP": "POP before SMTP", "pop before smtp": "POP before SMTP",
		"APOP": "POP3 APOP", "apop": "POP3 APOP",
		"OP25B": "OP25B", "op25b": "OP25B", "Outbound Port 25 Blocking": "OP25B", "動的IPアドレス": "OP25B",
		"IP25B": "IP25B", "ip25b": "IP25B",
		"送信ドメイン認証": "sender domain authentication", "なりすまし": "sender domain authentication",
		"SPF": "DNS SPF", "DKIM": "DNS DKIM", "DMARC": "DNS DMARC", "ディジタル署名": "DNS DKIM",
		"エンベロープFrom": "envelope From", "エンベロープfrom": "envelope From", "envelope from": "envelope From",
		"ヘッダFrom": "header From", "header From": "header From", "From:": "header From",
		"Return-Path": "Return-Path", "return-path:": "Return-Path", "Received": "Received", "Received:": "Received",
		"MUA": "MUA", "メールソフト": "MUA", "メーラ": "MUA", "メーラー": "MUA",
		"MSA": "MSA", "MTA": "MTA", "MDA": "MDA", "メールサーバ": "MTA", "メールサーバー": "MTA",
		"envelope": "envelope", "エンベロープ": "envelope",
		"base64": "base64", "Base64": "base64", "ベース64": "base64",
		"MXレコード": "DNS MX", "MX record": "DNS MX", "プリファレンス値": "MX preference", "preference": "MX preference",
		"バックアップMX": "MX preference",
		"バウンスメール":  "MTA bounce", "エラーメール": "MTA bounce", "bounce": "MTA bounce",
		"STARTTLS": "SMTP STARTTLS", "STLS": "POP3 STLS", "POP3S": "port 995", "IMAP": "port 143",
		"IMAPS": "port 993", "465": "port 465", "995": "port 995", "993": "port 993", "SMTPS": "port 465",
		"null MX": "DNS null MX", "ヌルMX": "DNS null MX",
		"メールボックス": "mailbox", "mailbox": "mailbox",
		"SMTP": "SMTP", "POP3": "POP3", "UPDATE状態": "POP3 session states", "削除マーク": "POP3 DELE",
		"暗黙のTLS": "implicit TLS", "エンドツーエンドの暗号化": "end-to-end encryption", "S/MIME": "end-to-end encryption",
		"平文": "clear text", "蓄積転送": "store and forward", "パケットフィルタリング": "packet filter",
		"応答コード": "reply code", "拡張ステータスコード": "enhanced status code", "中継拒否": "5.7.1",
		"一時的エラー": "4xx", "恒久的エラー": "5xx", "グレーリスティング": "450", "メールループ": "5.4.6",
		"3ウェイハンドシェイク": "TCP SYN", "逆引き": "PTR record", "DNSBL": "DNSBL", "ブロックリスト": "DNSBL",
		// A term with the word learners put after it.
		"SPFレコード": "DNS SPF", "SPF record": "DNS SPF", "DKIM署名": "DNS DKIM", "DMARCポリシー": "DNS DMARC",
		"OP25B対策": "OP25B", "Fromヘッダ": "header From", "POP3サーバ": "POP3", "IMAPサーバ": "port 143",
		"第三者中継とは": "open relay", "送信ドメイン認証技術": "sender domain authentication",
		"TCP 25": "port 25", "メール投稿ポート": "port 587", "p=reject": "DNS DMARC", "8BITMIME": "SMTP EHLO",
		// Width, case and katakana variants.
		"ＳＭＴＰ－ＡＵＴＨ": "SMTP-AUTH", "ＯＰ２５Ｂ": "OP25B", "５８７": "port 587", "ｵｰﾌﾟﾝﾘﾚｰ": "open relay",
		"ｴﾝﾍﾞﾛｰﾌﾟFrom": "envelope From", "Smtp-Auth": "SMTP-AUTH", "null　MX": "DNS null MX",
		"ﾒｰﾙｻｰﾊﾞｰ": "MTA", "pop　before　smtp": "POP before SMTP",
	} {
		if got := keys(explain.Lookup(q)); len(got) == 0 || got[0] != want {
			t.Errorf("Lookup(%q) = %q, want %q first", q, got, want)
		}
	}
}

// TestTermEntriesJapanese: the term entries teach in the glossary's words
// and register (だ・である whole sentences), and say decode, never 復号,
// for base64.
func TestTermEntriesJapanese(t *testing.T) {
	for _, key := range []string{"open relay", "OP25B", "IP25B", "SMTP-AUTH", "POP before SMTP", "envelope From",
		"header From", "MUA", "MSA", "MTA", "MDA", "base64", "MX preference", "clear text"} {
		e, ok := explain.Get(key)
		if !ok {
			t.Fatalf("no entry %q", key)
		}
		ja := e.Text.JA
		if !strings.HasSuffix(ja, "。") || strings.Contains(ja, "です") || strings.Contains(ja, "ます。") {
			t.Errorf("%s: not だ・である whole sentences: %q", key, ja)
		}
		for _, avoid := range []string{"サーバー", "ユーザー", "ヘッダー", "復号", "ＳＭＴＰ", "優先度が高い"} {
			if strings.Contains(ja, avoid) {
				t.Errorf("%s: uses %q, which the glossary avoids: %q", key, avoid, ja)
			}
		}
	}
}

// TestPasted: a whole transcript line, time and hosts included, explains
// the protocol line in it.
func TestPasted(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"00:00:00.040  alice-pc:49152 <- mail.isp.example:587      SMTP 250-mail.isp.example", []string{"250"}},
		{"00:00:00.040  alice-pc:49152 <- mail.isp.example:587      SMTP 250 SMTPUTF8", []string{"250"}},
		{"00:00:00.060  alice-pc:49152 <- mail.isp.example:587      SMTP 530 5.7.0 Authentication required", []string{"5.7.0", "530"}},
		{"00:00:00.050  alice-pc:49152 -> mail.isp.example:587      SMTP MAIL FROM:<alice@isp.example>", []string{"SMTP MAIL"}},
		{"00:00:00.140  alice-pc:49153 -> mail.isp.example:587      SMTP AUTH PLAIN AGFsaWNlAGxvb2tpbmctZ2xhc3M=", []string{"SMTP AUTH"}},
		{"00:00:00.000  alice-pc:49152 -> mail.isp.example:587      TCP  SYN", []string{"TCP SYN", "port 587"}},
		{"00:00:00.010  alice-pc:49152 <- mail.isp.example:587      TCP  SYN-ACK", []string{"TCP SYN-ACK"}},
		{"00:00:00.090  alice-pc:49152 <- mail.isp.example:587      TCP  FIN", []string{"TCP FIN"}},
		{"00:00:00.005  bot-pc:49152 -> mx.example.jp:25                 TCP  SYN dropped by isp-router (OP25B: TCP/25 from the dynamic network isp-home to another network's server)", []string{"OP25B", "TCP drop"}},
		{"00:00:30.005  bot-pc:49152 -> mx.example.jp:25                 TCP  応答なし: 30秒で接続タイムアウト", []string{"TCP timeout"}},
		{"00:00:01.000  bob-pc:49152 <- mx.example.jp:110  POP3 +OK 2 320", []string{"+OK"}},
		{"00:00:01.000  bob-pc:49152 <- mx.example.jp:110  POP3 -ERR [AUTH] invalid password", []string{"-ERR"}},
		{"00:00:01.000  bob-pc:49152 -> mx.example.jp:110  POP3 DELE 1", []string{"POP3 DELE"}},
		{"00:00:00.300  mail.isp.example:53 <- ns.example:53  DNS  example.jp. 3600 IN MX 0 .", []string{"DNS null MX", "DNS MX"}},
		{"00:00:00.400  mx.example.jp  delivered message 109E3779B1 to the mailbox of bob (bob@example.jp), now 1 in it", []string{"MTA deliver"}},
		{"00:00:00.400  mail.isp.example  queued 109E3779B1 for relay to example.jp: bob@example.jp", []string{"MTA queue"}},
		{"00:00:00.400  mail.isp.example  109E3779B1をexample.jpへ中継するためキューに入れた: bob@example.jp", []string{"MTA queue"}},
	} {
		if got := keys(explain.Lookup(c.line)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Lookup(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestPastedMatchesPlayer: every line of every bundled scenario's
// transcript, pasted back, is explained with what the player's explain
// pane shows for its event (ForView), in both languages.
func TestPastedMatchesPlayer(t *testing.T) {
	ids, err := scenario.BundledIDs()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		sc, err := scenario.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		rec := &trace.Recorder{}
		if _, err := scenario.Run(sc, rec); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			for i := range rec.Events {
				e := &rec.Events[i]
				switch e.Kind {
				case trace.Step, trace.Narration, trace.Expect, trace.Note:
					continue
				}
				var b bytes.Buffer
				tw := transcript.New(&b, lang, nil)
				tw.Event(e)
				if err := tw.Flush(); err != nil {
					t.Fatal(err)
				}
				line := strings.TrimSuffix(b.String(), "\n")
				want := keys(explain.ForView(e, ""))
				if e.Kind == trace.Drop && e.Rule == trace.OP25B {
					// A pasted drop names its rule; an IP25B drop's entry is in ForView already.
					want = append([]string{"OP25B"}, want...)
				}
				got := keys(explain.Lookup(line))
				if len(want) == 0 {
					continue // message text and continuation lines: the player has nothing either
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s %s: Lookup(%q) = %q, the player shows %q", id, lang, line, got, want)
				}
			}
		}
	}
}

// TestAnswerBase64: base64 in AUTH is decoded and shown, with the point
// that it is an encoding, not encryption.
func TestAnswerBase64(t *testing.T) {
	for _, c := range []struct {
		query, decoded string
		keys           []string
	}{
		{"YWxpY2U=", `"alice"`, []string{"YWxpY2U=", "SMTP AUTH-DATA", "base64"}},
		{"dXNlcm5hbWU6", `"username:"`, []string{"dXNlcm5hbWU6", "SMTP AUTH-DATA", "base64"}},
		{"AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", `"wonderland"`, []string{"AGFsaWNlAHdvbmRlcmxhbmQ=", "SMTP AUTH", "base64"}},
		{"334 VXNlcm5hbWU6", `"Username:"`, []string{"VXNlcm5hbWU6", "334", "base64"}},
		{"00:00:00.140  alice-pc:49153 -> mail.isp.example:587      SMTP AUTH PLAIN AGFsaWNlAGxvb2tpbmctZ2xhc3M=", `"looking-glass"`,
			[]string{"AGFsaWNlAGxvb2tpbmctZ2xhc3M=", "SMTP AUTH", "base64"}},
		{"00:00:00.140  alice-pc:49153 -> mail.isp.example:587      SMTP YWxpY2U=", `"alice"`, []string{"YWxpY2U=", "SMTP AUTH-DATA", "base64"}},
	} {
		es := explain.Answer(c.query)
		if got := keys(es); !reflect.DeepEqual(got, c.keys) {
			t.Errorf("Answer(%q) = %q, want %q", c.query, got, c.keys)
			continue
		}
		d := es[0]
		if !strings.Contains(d.Text.EN, c.decoded) || !strings.Contains(d.Text.EN, "encoding, not encryption") {
			t.Errorf("Answer(%q): EN %q lacks %s or the point", c.query, d.Text.EN, c.decoded)
		}
		if !strings.Contains(d.Text.JA, "デコード") || strings.Contains(d.Text.JA, "復号") || !strings.Contains(d.Text.JA, "暗号化ではなく") {
			t.Errorf("Answer(%q): JA %q", c.query, d.Text.JA)
		}
	}
	// Ordinary words are not taken for base64.
	for _, q := range []string{"xyzzy", "test", "hello", "QUIT", "abcd"} {
		for _, e := range explain.Answer(q) {
			if e.Key == "base64" {
				t.Errorf("Answer(%q) decoded an ordinary word", q)
			}
		}
	}
}

// TestResolve: the words of one command line, as the shell split them.
func TestResolve(t *testing.T) {
	for _, c := range []struct {
		args    []string
		want    []string
		missing []string
	}{
		{[]string{"554", "null", "MX"}, []string{"554", "DNS null MX"}, nil},
		{[]string{"554 null MX"}, []string{"554", "DNS null MX"}, nil},
		{[]string{"null", "MX"}, []string{"DNS null MX"}, nil},
		{[]string{"SMTP", "RCPT"}, []string{"SMTP RCPT"}, nil},
		{[]string{"tcp", "drop"}, []string{"TCP drop"}, nil},
		{[]string{"POP", "before", "SMTP"}, []string{"POP before SMTP"}, nil},
		{[]string{"第三者中継", "SMTP-AUTH", "POP before SMTP"}, []string{"open relay", "SMTP-AUTH", "POP before SMTP"}, nil},
		{[]string{"RCPT", "TO:<bob@example.jp>"}, []string{"SMTP RCPT"}, []string{"TO:<bob@example.jp>"}},
		{[]string{"QUIT", "xyzzy"}, []string{"SMTP QUIT", "POP3 QUIT"}, []string{"xyzzy"}},
		{[]string{"554", "5.7.1"}, []string{"554", "5.7.1"}, nil},
		{[]string{"250 OK"}, []string{"250"}, nil},
		{[]string{"00:00:00.040", "alice-pc:49152", "<-", "mail.isp.example:587", "SMTP", "250-mail.isp.example"}, []string{"250"}, nil},
	} {
		r := explain.Resolve(c.args)
		if got := keys(r.Entries); !reflect.DeepEqual(got, c.want) || !reflect.DeepEqual(r.Missing, c.missing) {
			t.Errorf("Resolve(%q) = %q missing %q, want %q missing %q", c.args, got, r.Missing, c.want, c.missing)
		}
	}
}

// TestSuggest: a near miss gets a "did you mean", in either language.
func TestSuggest(t *testing.T) {
	for q, want := range map[string]string{
		"rctp": "RCPT", "RETT": "RETR", "第三者中断": "第三者中継", "SMTP-AUHT": "SMTP-AUTH",
		"DMRAC": "DMARC", "サブミッションポーと": "サブミッションポート",
	} {
		squash := strings.NewReplacer(" ", "", "-", "").Replace
		if got := explain.Suggest(q); len(got) == 0 || !strings.EqualFold(squash(got[0]), squash(want)) {
			t.Errorf("Suggest(%q) = %q, want %q first", q, got, want)
		}
	}
	if got := explain.Suggest("xyzzyqqq"); len(got) != 0 {
		t.Errorf("Suggest(xyzzyqqq) = %q", got)
	}
	r := explain.Resolve([]string{"rctp"})
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		msg := explain.NotFound(r, lang)
		if !strings.Contains(msg, "RCPT") || !strings.Contains(msg, i18n.T("did you mean", "のことですか").In(lang)) {
			t.Errorf("%s: %s", lang, msg)
		}
	}
}

// examTerms reads the terms of testdata/EXAM-TOPICS.md's "Japanese terms
// to use" (a copy of ../shared/EXAM-TOPICS.md): comma-separated, with
// alternatives in parentheses, "A / B" and "A と B".
func examTerms(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/EXAM-TOPICS.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(b), "## Japanese terms to use")
	if !ok {
		t.Fatal("no Japanese terms section")
	}
	sec, _, _ = strings.Cut(sec, "\n## ")
	sec = strings.ReplaceAll(sec, "\n", " ")
	sec = strings.NewReplacer("(", ",", ")", ",", " / ", ",", " と ", ",", ".", ",").Replace(sec)
	var out []string
	for _, f := range strings.Split(sec, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// TestExamTermsResolve: every term EXAM-TOPICS.md tells us to use finds an
// entry, and so do the words of its topic table and misconceptions.
func TestExamTermsResolve(t *testing.T) {
	terms := examTerms(t)
	if len(terms) < 25 {
		t.Fatalf("only %d terms read: %q", len(terms), terms)
	}
	for _, term := range terms {
		if len(explain.Lookup(term)) == 0 {
			t.Errorf("Lookup(%q) finds nothing", term)
		}
	}
	// The topic table and the misconceptions, in the words they use.
	for _, q := range []string{"OP25B", "IP25B", "submission port", "SMTP-AUTH", "POP before SMTP", "APOP",
		"POP3S", "S/MIME", "SPF", "DKIM", "DMARC", "MX record", "IMAPS", "MAIL FROM", "envelope sender",
		"header From", "STARTTLS", "DELE", "QUIT", "RCPT", "550", "250", "MAIL FROM:<>", "port 25",
		"packet filter", "end-to-end encryption", "store and forward", "SMTPS", "587", "465", "993", "995",
		"110", "143", "25"} {
		if len(explain.Lookup(q)) == 0 {
			t.Errorf("Lookup(%q) finds nothing", q)
		}
	}
}

// TestGlossaryTermsResolve: every term in the "Use" column of
// testdata/GLOSSARY-ja.md (a copy of ../shared/GLOSSARY-ja.md) finds an
// entry.
func TestGlossaryTermsResolve(t *testing.T) {
	b, err := os.ReadFile("testdata/GLOSSARY-ja.md")
	if err != nil {
		t.Fatal(err)
	}
	paren := regexp.MustCompile(`\([^)]*\)`)
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		cols := strings.Split(strings.Trim(line, "| "), "|")
		if !strings.HasPrefix(line, "| ") || len(cols) < 4 || strings.HasPrefix(line, "| English") {
			continue
		}
		use := paren.ReplaceAllString(cols[1], "")
		for _, term := range strings.FieldsFunc(use, func(r rune) bool { return r == '/' || r == ';' || r == ',' }) {
			term = strings.TrimSpace(term)
			term, _, _ = strings.Cut(term, " in ") // "電子メール in quiz stems"
			if i := strings.Index(term, ": "); i >= 0 {
				term = term[i+2:] // "address: 宛先"
			}
			if term == "" {
				continue
			}
			n++
			if len(explain.Lookup(term)) == 0 {
				t.Errorf("glossary term %q finds nothing", term)
			}
		}
	}
	if n < 60 {
		t.Errorf("only %d glossary terms read", n)
	}
}
