package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/transcript"
)

// shortJA is each command's one-line usage in Japanese, shown by --help and
// the command list when the language is Japanese. Cobra's own words
// (Usage:, Flags:) stay English.
var shortJA = map[string]string{
	"mailsim": "メールの動きを見る: 仮想インターネット上のSMTP、POP3、DNS",
	"bench":   "エンジンを計測します: シナリオの通信を何度も再生し、1秒あたりのイベント数を数えます",
	"check":   "シナリオファイルを検査します(結果は表示しません)",
	"explain": "応答コード、コマンド、DNSの応答、TCPのイベントをRFCとともに説明します",
	"export":  "シナリオの実行を、パケットキャプチャ、JSON、シーケンス図、配布資料、HTMLのページ、端末の録画のいずれかとして書き出します",
	"lesson":  "レッスンを受けます: 短い説明、その場で再生するシナリオ、確認問題",
	"list":    "同梱のシナリオを一覧表示します",
	"play":    "シナリオをアニメーションで再生します: プロトコルの1行ずつがホスト間を流れる様子を見られます",
	"quiz":    "メールのプロトコルについて試験形式の問題を解きます: 採点し、誤りの選択肢もすべて解説します",
	"run":     "シナリオを画面表示なしで実行します: 全記録を表示し、期待した結果を確かめます",
	"serve":   "シナリオのSMTPサーバ、POP3サーバ、IMAPサーバをループバックで公開し、実際のメールソフトから接続できるようにします",
	"shell":   "シナリオの世界のホストから、SMTP、POP3、IMAPのコマンドを自分で入力します",
	"version": "mailsimのバージョンを表示します",
}

// longJA is the Japanese description of the commands whose errors and
// results learners read most: check and run.
var longJA = map[string]string{
	"check": `「check」は各シナリオファイルを読み込み、問題をすべて「ファイル:行:桁」の形で
報告します。未知のキー、型の誤り、定義されていないホスト、重複したアドレス、
何も待ち受けていないポートへの接続などです。読み込めたシナリオは出力なしで
一度実行し、「run」が必ず実行できることを確かめます。問題のあるファイルが
あれば終了ステータスは2です。`,
	"run": `「run」は各シナリオをアニメーションなしで再生し、全記録を表示します。仮想時刻、
どのホストがどのポートで誰と話しているか、プロトコルの全行、ナレーション、期待した
結果ごとの1行です。同じシナリオは常に同じ全記録をバイト単位で再現します。

数千台のボットが大量に送信するキャンペーンを含むシナリオ(例は「botnet」です)は、集計して
表示します。一部のセッションを全行で示した後、実行全体の件数(結果別、ネットワーク別、
サーバ別、仮想時間の経過ごと)を表示します。「--compare キー=値,値」を指定すると、
設定ごとに1回ずつ実行し、件数を並べて比べます。切り替えられるのは「op25b=off,on」と
「relay=closed,open」で、「--compare」を2回指定するとすべての組み合わせを実行します。
期待した結果はファイルどおりの設定でのみ確認します。キャンペーンのステップには件数を期待
できます(「delivered: 0」「blocked: {at_least: 85%}」)。「--format json」はスクリプト
向けに件数をJSONで出力します。標準エラー出力が端末なら進み具合を表示します。

終了ステータス: 期待した結果がすべて得られれば0、得られないものがあれば1、
シナリオを読み込めなければ2です。`,
}

// localizeHelp makes --help speak Japanese when the language is Japanese:
// the usage lines of root and every command, and the descriptions of check
// and run.
func localizeHelp(root *cobra.Command, g *globalOptions, ios *IOStreams) {
	defaultHelp := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if lang, err := g.language(ios); err == nil && lang == i18n.JA {
			for _, cmd := range append(root.Commands(), root) {
				if s, ok := shortJA[cmd.Name()]; ok {
					cmd.Short = s
				}
				if l, ok := longJA[cmd.Name()]; ok {
					cmd.Long = l
				}
			}
		}
		defaultHelp(c, args)
	})
}

// errorText is err as the user reads it: in lang when it is a scenario
// error, every line through transcript.Clean, since file names, host names
// and values in messages come from whoever wrote the file or typed the
// command.
func errorText(err error, lang i18n.Lang) string {
	var list scenario.ErrorList
	var one *scenario.Error
	var s string
	switch {
	case errors.As(err, &list):
		s = list.In(lang)
	case errors.As(err, &one):
		s = one.In(lang)
	default:
		s = err.Error()
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = transcript.Clean(l)
	}
	return strings.Join(lines, "\n")
}
