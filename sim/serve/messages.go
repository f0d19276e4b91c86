package serve

import "github.com/mailsim/mailsim/sim/i18n"

// What the server says of its own doings, in both languages (UI register:
// です・ます, per GLOSSARY-ja.md).
func tpl(id, en, ja string) *i18n.Template { return &i18n.Template{ID: id, EN: en, JA: ja} }

var (
	msgAccepted = tpl("serve.accepted",
		"-- real client {0} connects to {1} (as {2})",
		"-- 実クライアント{0}が{1}に接続します({2}として)")
	msgGone = tpl("serve.gone",
		"-- real client {0} closed the connection",
		"-- 実クライアント{0}が接続を閉じました")
	msgTooMany = tpl("serve.too-many",
		"-- real client {0} turned away from {1}: the limit of open connections (--max-conns {2}) is reached",
		"-- 実クライアント{0}の{1}への接続を断りました(同時接続数の上限(--max-conns {2})に達しています)")
	msgIdle = tpl("serve.idle",
		"-- real client {0} sent nothing for {1}: the server closes the connection",
		"-- 実クライアント{0}から{1}何も届かないため、サーバが接続を閉じます")
	msgNoWorld = tpl("serve.failed",
		"-- real client {0}: the virtual connection failed ({1}); the socket is closed",
		"-- 実クライアント{0}: 仮想世界での接続に失敗しました({1})。ソケットを閉じます")
	msgSlow = tpl("serve.slow",
		"-- real client {0} does not read what the server sends: the connection is dropped",
		"-- 実クライアント{0}がサーバの送信を読まないため、接続を切ります")
)
