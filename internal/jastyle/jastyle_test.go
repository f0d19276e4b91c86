package jastyle

import (
	"strings"
	"testing"
)

// TestCheck runs each rule on a string that breaks it, most of them
// findings of issue 13, and on the wording the glossary wants instead.
func TestCheck(t *testing.T) {
	tests := []struct {
		kind Kind
		text string
		want string // rule of the first finding; "" for none
	}{
		// Register.
		{Narration, "デイブは旅行中。", "register"},
		{Narration, "デイブは旅行中です。", ""},
		{Narration, "今度は手入力で。", "register"},
		{Narration, "値が小さいほど先に試されます(RFC 5321 5.1)。", ""},
		{Explanation, "配送責任を引き受けたという意味。", "register"},
		{Explanation, "配送責任を引き受けたことを表す。", ""},
		{Explanation, "サーバは250を返します。", "register"},
		{Explanation, "サーバは250を返すだけである。", ""},
		{Cause, "パスワードの打ち間違い。", ""},
		{Cause, "パスワードを打ち間違えました。", "register"},
		{UI, "最初の行です。", ""},
		{UI, "シナリオの最後です。qで終了。", "register"},
		{Label, "配送なし", ""},
		{UI, "%sは%sに何と応答しますか。", ""},
		{UI, "得点: 10問中8問正解。", ""},
		{UI, "記号を正しい順に。", "register"},
		{Quiz, "OP25Bの説明として、適切なものはどれか。", ""},
		{Quiz, "OP25Bの説明として、適切なものはどれですか。", "register"},
		// Terms.
		{Explanation, "DELEで削除の印を付ける。", "term"},
		{Explanation, "DELEで削除マークを付ける。", ""},
		{Narration, "Base64なので誰でも復号できます。", "term"},
		{Narration, "Base64なので誰でもデコードできます。", ""},
		{Explanation, "受信者は秘密鍵で復号する。", ""},
		{Narration, "自分より優先度の高いMXだけを試します。", "term"},
		{Narration, "自分よりプリファレンス値の小さいMXだけを試します。", ""},
		{Label, "第三者中継(オープンリレー)", ""},
		{Label, "第三者中継(オープンリレー)とオープンリレー", "term"},
		{Label, "オープンリレーを防ぐ", "term"},
		{Cause, "迷惑メール対策のポリシー。", ""},
		{Cause, "迷惑メールに多い。", "term"},
		{Narration, "直接スパムを送ろうとします。", "term"},
		{Narration, "スパム送信者が直接スパムメールを送ろうとします。", ""},
		{Label, "ポート25", "term"},
		{Label, "宛先ポート番号25", ""},
		{Label, "サブミッションポート587", "term"},
		{Label, "サブミッションポート(587)", "term"},
		{Label, "サブミッションサーバ", "term"},
		{Label, "メールサーバー", "term"},
		{Explanation, "ユーザ名でログインする。", "term"},
		{UI, "ユーザ名でログインします。", ""},
		{Label, "2yz: 成功", "term"},
		{Label, "恒久的な失敗", "term"},
		{Label, "mx2へ転送を試みる", ""},
		{Label, "自分より優先度の高いMXだけに転送を試み", "term"},
		// Notation.
		{Label, "SMTP-AUTH を使う", "space"},
		{Label, "合格 (期待 4件すべて達成)", "space"},
		{Label, "原因: 打ち間違い", ""},
		{Label, "ＳＭＴＰで送る", "full-width"},
		{Label, "５８７番ポート", "full-width"},
		{Label, "送信（SMTP）", "full-width"},
		{Label, `"."だけの行`, "quote"},
		{Label, "「.」だけの行", ""},
		{UI, "先に「:connect ホスト ポート」で接続してください。", ""},
		{Label, "== まとめ ==", ""},
		// English left in Japanese.
		{Label, "出典: operational practice (OP25B)", "english"},
		{Label, "出典: 運用上の慣行(OP25B)", ""},
		{Label, "554 5.7.1 Relay access deniedと答える", "english"},
		{Label, "「554 5.7.1 Relay access denied」と答える", ""},
		{Label, "OP25B(Outbound Port 25 Blocking)は遮断する", ""},
		{Label, "bob-pcがmx.example.jp:25へ送る", ""},
		{Label, "ユーザ名: bob", ""},
		{Label, "MUA(Mail User Agent、メールソフト)", ""},
		{Label, "POP before SMTPは古い方法", ""},
	}
	for _, tt := range tests {
		got := Check(Part{Kind: tt.kind, Text: tt.text})
		rule := ""
		if len(got) > 0 {
			rule = got[0].Rule
		}
		if rule != tt.want {
			t.Errorf("Check(%v, %q) = %v, want rule %q", tt.kind, tt.text, got, tt.want)
		}
	}
}

// TestFirstUse checks that narration introduces the submission port and the
// ISP in their long form, once per document.
func TestFirstUse(t *testing.T) {
	tests := []struct {
		parts []string
		want  int
	}{
		{[]string{"587番ポートで送ります。"}, 1},
		{[]string{"サブミッションポート(587番ポート)で送ります。", "587番ポートは遮断されません。"}, 0},
		{[]string{"ISPのルータです。"}, 1},
		{[]string{"インターネットサービスプロバイダ(ISP)のルータです。ISPのメールサーバです。"}, 0},
	}
	for _, tt := range tests {
		var parts []Part
		for _, s := range tt.parts {
			parts = append(parts, Part{Kind: Narration, Text: s})
		}
		var n int
		for _, f := range Check(parts...) {
			if f.Rule == "first use" {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%q: %d first-use findings, want %d", strings.Join(tt.parts, " / "), n, tt.want)
		}
	}
}

// TestNotJapanese leaves English and punctuation-only strings alone.
func TestNotJapanese(t *testing.T) {
	for _, s := range []string{"SMTP AUTH is base64, not \"encryption\"", "、。，．・：；？！ー）」』"} {
		if got := Check(Part{Kind: Narration, Text: s}); len(got) != 0 {
			t.Errorf("Check(%q) = %v, want nothing", s, got)
		}
	}
}

func TestIsJapaneseText(t *testing.T) {
	for s, want := range map[string]bool{
		"使い方は mailsim --help で表示できます。":                          true,
		"%s: OK (%s、%dステップ)":                                    true,
		"Explain what a term means (open relay, 第三者中継, OP25B).": false,
		"SMTP AUTH": false,
	} {
		if got := IsJapaneseText(s); got != want {
			t.Errorf("IsJapaneseText(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzCheck makes sure no text, however broken its brackets and encoding,
// makes Check panic or loop.
func FuzzCheck(f *testing.F) {
	f.Add("デイブは旅行中。", 1)
	f.Add("値が小さいほど先に試されます(RFC 5321 5.1))(。", 2)
	f.Add("「554 5.7.1 Relay access denied」と答える(", 3)
	f.Add("\xff\xfeサブミッションポート(587", 4)
	f.Fuzz(func(t *testing.T, s string, k int) {
		kind := Kind(uint(k) % uint(len(kindNames)))
		for _, fd := range Check(Part{Kind: kind, Text: s}, Part{Kind: Narration, Text: s}) {
			if fd.Rule == "" {
				t.Fatalf("finding without a rule: %v", fd)
			}
		}
	})
}
