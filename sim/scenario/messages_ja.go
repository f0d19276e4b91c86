package scenario

// messagesJA is the Japanese of every loader message, keyed by its English
// format (errorf, errorAt, newError). The arguments are the same: names and
// keys from the file stay as written, phrases (i18n.Text) switch language.
// UI register (です・ます), terms from GLOSSARY-ja.md. TestMessagesJA fails
// when a format has no entry here.
var messagesJA = map[string]string{
	// Reading the file.
	`cannot read the scenario: %s`:                           `シナリオを読み込めません: %s`,
	`not a regular file (%s): give the path of a .yaml file`: `通常のファイルではありません(%s)。.yamlファイルのパスを指定してください`,
	`no bundled scenario %q (did you mean %q?); run 'mailsim list' to see them, or give a path to a .yaml file`: `同梱のシナリオ%qはありません(%qの誤りではありませんか)。一覧は「mailsim list」で表示できます。.yamlファイルのパスも指定できます`,
	`no bundled scenario %q; run 'mailsim list' to see them, or give a path to a .yaml file`:                    `同梱のシナリオ%qはありません。一覧は「mailsim list」で表示できます。.yamlファイルのパスも指定できます`,
	`the file is longer than %d bytes (the limit MaxFileBytes): a scenario is a page or two of YAML`:            `ファイルが%dバイトを超えています(上限は「MaxFileBytes」)。シナリオはYAMLで1〜2ページの長さです`,
	`the byte 0x%02X is not UTF-8: save the file as UTF-8`:                                                      `バイト0x%02XはUTF-8ではありません。ファイルをUTF-8で保存してください`,
	`the control character %s is not allowed in a YAML file`:                                                    `制御文字%sはYAMLファイルに書けません`,
	`the file is empty: a scenario needs at least id, title, world and steps`:                                   `ファイルが空です。シナリオには少なくとも「id」「title」「world」「steps」が必要です`,

	// YAML syntax.
	`YAML syntax: %s`: `YAMLの構文エラー: %s`,
	`YAML syntax: nested more than %d levels deep (the limit MaxDepth)`:                                              `YAMLの構文エラー: 入れ子が%d段を超えています(上限は「MaxDepth」)`,
	`YAML syntax: this %%YAML version cannot be read; remove the %%YAML line (or write %%YAML 1.1)`:                  `YAMLの構文エラー: この%%YAMLのバージョンは読めません。%%YAMLの行を削除してください(または%%YAML 1.1と書いてください)`,
	`YAML syntax: the alias *%s refers to no anchor &%s; aliases are not supported here anyway: write the value out`: `YAMLの構文エラー: エイリアス*%sが参照するアンカー&%sがありません。エイリアスはもともと使えないので、値をそのまま書いてください`,
	`nested more than %d levels deep (the limit MaxDepth)`:                                                           `入れ子が%d段を超えています(上限は「MaxDepth」)`,
	`the alias *%s is not supported: write the value out where it is used`:                                           `エイリアス*%sは使えません。使う場所に値をそのまま書いてください`,
	`the merge key << is not supported: write the keys out in this mapping`:                                          `マージキー<<は使えません。このマッピングにキーをそのまま書いてください`,

	// Shapes and values.
	`not a scenario: a scenario is YAML with the keys id, title, world and steps, but this file holds %s`: `シナリオではありません。シナリオはキー「id」「title」「world」「steps」を持つYAMLですが、このファイルの中身は%sです`,
	`not a scenario: a scenario is YAML with the keys id, title, world and steps, but this file has %s`:   `シナリオではありません。シナリオはキー「id」「title」「world」「steps」を持つYAMLですが、このファイルのキーは%sです`,
	`%s: expected a mapping (key: value lines), got %s`:                                                   `%s: マッピング(キー: 値の行)を指定してください(実際: %s)`,
	`%s: expected a list, got %s`:                                                                                            `%s: リストを指定してください(実際: %s)`,
	`%s: expected a string, got %s`:                                                                                          `%s: 文字列を指定してください(実際: %s)`,
	`%s: expected a whole number from %d to %d, got %s`:                                                                      `%s: %d〜%dの整数を指定してください(実際: %s)`,
	`%s: expected true or false, got %s`:                                                                                     `%s: 「true」か「false」を指定してください(実際: %s)`,
	`%s: expected an IP address such as 192.0.2.25, got %q`:                                                                  `%s: 192.0.2.25のようなIPアドレスを指定してください(実際: %q)`,
	`%s: expected a network in CIDR form such as 203.0.113.0/24, got %q`:                                                     `%s: 203.0.113.0/24のようなCIDR形式のネットワークを指定してください(実際: %q)`,
	`%s: expected a duration such as 30m, 4h or 90s, got %q`:                                                                 `%s: 30m、4h、90sのような時間を指定してください(実際: %q)`,
	`%s: expected host:port such as mail.isp.example:587, got %q`:                                                            `%s: mail.isp.example:587のようにホスト:ポート番号を指定してください(実際: %q)`,
	`%s: the port in %q is not a number from 1 to 65535`:                                                                     `%s: %qのポート番号が1〜65535の数字ではありません`,
	`%s: expected "<preference> <host>" such as "10 mx.example.jp", got %q`:                                                  `%s: 「10 mx.example.jp」のように「<プリファレンス値> <ホスト>」を指定してください(実際: %q)`,
	`%s: expected a reply code such as 250 or "554 5.7.1", +OK / -ERR (POP3), or OK / NO / BAD (IMAP), got %q`:               `%s: 250や「554 5.7.1」のような応答コード、「+OK」「-ERR」(POP3)、または「OK」「NO」「BAD」(IMAP)を指定してください(実際: %q)`,
	`%s: %q is not one of %s`:                                                                                                `%s: %qは%sのいずれでもありません`,
	`%s: %q is not one of %s (did you mean %q?)`:                                                                             `%s: %qは%sのいずれでもありません(%qの誤りではありませんか)`,
	`%s: give the text in both languages, en and ja`:                                                                         `%s: 文章を英語(「en」)と日本語(「ja」)の両方で書いてください`,
	`%s: the value is empty: give a name, or leave the key out`:                                                              `%s: 値が空です。名前を書くか、キーごと削除してください`,
	`%s: the control character %s is not allowed here`:                                                                       `%s: 制御文字%sはここに書けません`,
	`%s: the control character %s is not allowed here: write the value on one line, without line breaks or escape sequences`: `%s: 制御文字%sはここに書けません。改行やエスケープシーケンスを含めず1行で書いてください`,
	`id: use lower-case letters, digits and hyphens, such as open-relay; got %q`:                                             `id: open-relayのように英小文字、数字、ハイフンで書いてください(実際: %q)`,
	`start: expected a date and time such as 2026-04-01T09:00:00+09:00, got %q`:                                              `start: 2026-04-01T09:00:00+09:00のような日時を指定してください(実際: %q)`,

	// Keys.
	`%s: key %q appears twice`:                                         `%s: キー%qが2回書かれています`,
	`%s: unknown key %q (did you mean %q?); valid keys: %s`:            `%s: 未知のキー%qです(%qの誤りではありませんか)。使えるキー: %s`,
	`%s: unknown key %q; valid keys: %s`:                               `%s: 未知のキー%qです。使えるキー: %s`,
	`%s: the key %q is missing`:                                        `%s: キー%qがありません`,
	`scenario: the key %q is missing`:                                  `scenario: キー%qがありません`,
	`%s: the key "cidr" is missing (for example cidr: 203.0.113.0/24)`: `%s: キー「cidr」がありません(例: cidr: 203.0.113.0/24)`,
	`%s: the key "ip" is missing (for example ip: 192.0.2.25)`:         `%s: キー「ip」がありません(例: ip: 192.0.2.25)`,
	`%s: the key "port" is missing (110 for POP3)`:                     `%s: キー「port」がありません(POP3は110番ポート)`,
	`%s: the key "port" is missing (143 for IMAP)`:                     `%s: キー「port」がありません(IMAPは143番ポート)`,
	`%s: the key "port" is missing (25 for relay, 587 for submission)`: `%s: キー「port」がありません(中継は25番ポート、送信はサブミッションポート(587番ポート))`,
	`%s: %q is defined twice`:                                          `%s: %qが2回定義されています`,

	// Limits.
	`%s: longer than %d bytes (the limit %s)`:           `%s: %dバイトを超えています(上限%s)`,
	`%s: longer than %d bytes (the limit MaxLineBytes)`: `%s: %dバイトを超えています(上限は「MaxLineBytes」)`,
	`%s: more than %d entries (the limit %s)`:           `%s: 項目が%d個を超えています(上限%s)`,
	`%s: more than %d items (the limit %s)`:             `%s: 要素が%d個を超えています(上限%s)`,
	`%s: more than %d lines (the limit MaxBodyLines)`:   `%s: %d行を超えています(上限は「MaxBodyLines」)`,
	`%s: %s is longer than %s (the limit MaxWait); the queue lifetime is 5 days, so a week shows every retry and bounce`:                                                                `%s: %sは%sより長すぎます(上限は「MaxWait」)。キューの保存期限は5日なので、1週間待てば再送とバウンスメールをすべて見られます`,
	`wait: this step brings the waits to more than %d days in all (the limit MaxTotalWait)`:                                                                                             `wait: このステップで待ち時間の合計が%d日を超えます(上限は「MaxTotalWait」)`,
	`send: this step brings the recipients of all sends to %d, more than %d (the limit MaxTotalRecipients)`:                                                                             `send: このステップで全送信の宛先の合計が%d件になり、%d件を超えます(上限は「MaxTotalRecipients」)`,
	`start: %s is outside the years 1970 to 2199 (the limits MinStart and MaxStart); leave start out for the default, %s`:                                                               `start: %sは1970年〜2199年の範囲外です(上限は「MinStart」と「MaxStart」)。「start」を書かなければ既定の%sになります`,
	`step %d keeps the engine busy past %d scheduler tasks (the limit sim.MaxTasks) and was stopped: please report this scenario as a bug`:                                              `ステップ%dでエンジンの処理が%d件を超えたため止めました(上限は「sim.MaxTasks」)。このシナリオを不具合として報告してください`,
	`step %d makes the run longer than %d trace events (the limit MaxEvents): fewer recipients, shorter waits or fewer retries behind a host that is down will do`:                      `ステップ%dで実行の記録が%dイベントを超えます(上限は「MaxEvents」)。宛先を減らすか、待ち時間を短くするか、停止中のホストへの再送を減らしてください`,
	`step %d makes the trace longer than %d events (the limit MaxKeptEvents), more than play and export keep in memory: 'mailsim run' streams it, or fewer steps or recipients will do`: `ステップ%dで実行の記録が%dイベントを超えます(上限は「MaxKeptEvents」)。再生とエクスポートは記録全体をメモリに保持するため、これより長い記録は扱えません。「mailsim run」なら記録を保持せずに実行できます。ステップか宛先を減らすこともできます`,

	// Campaign expectations.
	`expect counts: name at least one counter, such as delivered: 0; the counters are %s`:                                             `expect counts: 「delivered: 0」のように数えるものを1つ以上書いてください。書けるのは%sです`,
	`%s: give at_least, at_most or both, such as {at_least: 90%%}`:                                                                    `%s: 「{at_least: 90%%}」のように「at_least」「at_most」の一方か両方を書いてください`,
	`%s: at_least %s is more than at_most %s`:                                                                                         `%s: 「at_least」の%sが「at_most」の%sより大きくなっています`,
	`%s: expected a percentage from 0%% to 100%% such as 90%%, got %q`:                                                                `%s: 90%%のように0%%〜100%%の割合を指定してください(実際: %q)`,
	`%s: expected a number, or {at_least: N}, {at_most: N} or both, where N may be a percentage of the attempts such as 90%%; got %s`: `%s: 数、または「{at_least: N}」「{at_most: N}」(両方も可)を指定してください。Nには90%%のように試行回数に対する割合も書けます(実際: %s)`,
	`%s: expected a number or a percentage of the attempts such as 90%%, got %s`:                                                      `%s: 数、または90%%のように試行回数に対する割合を指定してください(実際: %s)`,

	// Steps.
	`%s: a step needs one of %v`: `%s: ステップには%vのどれか1つが必要です`,
	`%s: one action per step, but this one has %v: split it into separate steps`:                   `%s: 1つのステップに書ける動作は1つですが、%vがあります。ステップを分けてください`,
	`expect: a say step has nothing to check`:                                                      `expect: 「say」のステップには確かめる結果がありません`,
	`expect: a configure step has nothing to check`:                                                `expect: 「configure」のステップには確かめる結果がありません`,
	`send subject: a subject is one line; write it without line breaks (with '>-' for a long one)`: `send subject: 件名は1行です。改行を含めずに書いてください(長い件名は'>-'で書けます)`,
	`send auth: expected user/password such as alice/secret, got %q`:                               `send auth: alice/secretのようにユーザ名/パスワードを指定してください(実際: %q)`,
	`send auth: give both user and password`:                                                       `send auth: ユーザ名とパスワードの両方を指定してください`,
	`send: %q is not a mail address (user@domain)`:                                                 `send: %qはメールアドレス(user@domain)ではありません`,
	`configure: relay and auth change a server: say which one with server: host:port`:              `configure: 「relay」と「auth」はサーバの設定です。「server: ホスト:ポート番号」で対象を指定してください`,
	`configure: down changes a host: say which one with host: name`:                                `configure: 「down」はホストの設定です。「host: 名前」で対象を指定してください`,
	`configure: nothing to change: give relay, auth or down`:                                       `configure: 変更する設定がありません。「relay」「auth」「down」のどれかを指定してください`,
	`steps: the list is empty: add at least one step (say, send, fetch, talk or wait)`:             `steps: リストが空です。ステップ(「say」「send」「fetch」「talk」「wait」)を1つ以上書いてください`,
	`expect %s does not apply to a %s step; it can check: %s`:                                      `「expect %s」は%sのステップには使えません。使えるもの: %s`,
	`expect blocked_by: %q is neither a network nor a router of this world`:                        `expect blocked_by: %qはこのシナリオのネットワークでもルータでもありません`,

	// The recap.
	`recap facts: %d facts; give at most %d, the ones this scenario shows best`:         `recap facts: 事実が%d件あります。このシナリオがよく示すものを%d件までにしてください`,
	`recap: the key "lines" is missing: say in %d to %d lines what the scenario showed`: `recap: キー「lines」がありません。シナリオで見せたことを%d〜%d行で書いてください`,
	`recap lines: %d lines; give %d to %d, each {en: ..., ja: ...}`:                     `recap lines: %d行あります。{en: ..., ja: ...}の形で%d〜%d行にしてください`,

	// The world.
	`%s %q is not defined`:                    `%s %qは定義されていません`,
	`%s %q is not defined (did you mean %q?)`: `%s %qは定義されていません(%qの誤りではありませんか)`,
	`%s %q is not defined; defined: %s`:       `%s %qは定義されていません。定義済み: %s`,
	`host %s: address %s is already used by host %s (line %d): give each host its own address`:                                         `ホスト%s: アドレス%sはホスト%s(%d行目)が使っています。ホストごとに別のアドレスにしてください`,
	`host %s: address %s is outside its network %s (%s)`:                                                                               `ホスト%s: アドレス%sは所属するネットワーク%s(%s)の範囲外です`,
	`host %s: address %s is taken by the DNS server mailsim adds (%s) when no host has dns: true; use another address`:                 `ホスト%s: アドレス%sは、「dns: true」のホストがないときにmailsimが加えるDNSサーバ(%s)のものです。別のアドレスにしてください`,
	`host %s: only one host may be the DNS server (dns: true)`:                                                                         `ホスト%s: DNSサーバ(「dns: true」)にできるホストは1台だけです`,
	`host %s: this name is taken by the DNS server mailsim adds when no host has dns: true; give this host dns: true, or another name`: `ホスト%s: この名前は、「dns: true」のホストがないときにmailsimが加えるDNSサーバのものです。このホストに「dns: true」を付けるか、別の名前にしてください`,
	`host %s: two servers listen on port %d`:                                                                                           `ホスト%s: %d番ポートで2つのサーバが待ち受けています`,
	`nothing listens on %s:%d: add a server on that port to host %s, or expect refused: true`:                                          `%s:%dでは何も待ち受けていません。ホスト%sにそのポートのサーバを加えるか、「expect refused: true」と書いてください`,
	`%s:%d is a POP3 server, but this step speaks SMTP`:                                                                                `%s:%dはPOP3サーバですが、このステップはSMTPで話します`,
	`%s:%d is an SMTP server, but this step speaks POP3`:                                                                               `%s:%dはSMTPサーバですが、このステップはPOP3で話します`,
	`%s:%d is an IMAP server, but this step speaks SMTP`:                                                                               `%s:%dはIMAPサーバですが、このステップはSMTPで話します`,
	`%s:%d is an IMAP server, but this step speaks POP3`:                                                                               `%s:%dはIMAPサーバですが、このステップはPOP3で話します`,
	`%s:%d is an SMTP server, but this step speaks IMAP`:                                                                               `%s:%dはSMTPサーバですが、このステップはIMAPで話します`,
	`%s:%d is a POP3 server, but this step speaks IMAP`:                                                                                `%s:%dはPOP3サーバですが、このステップはIMAPで話します`,
	`host %s: pop_window is only for a server with relay: pop-before-smtp`:                                                             `ホスト%s: 「pop_window」は「relay: pop-before-smtp」のサーバにだけ書けます`,
	`host %s: relay: pop-before-smtp needs a POP3 server on the same host (pop3: [{port: 110}])`:                                       `ホスト%s: 「relay: pop-before-smtp」には同じホストのPOP3サーバが必要です(「pop3: [{port: 110}]」)`,
	`%s mx: a null MX (".", no mail accepted) must be the only MX record of its domain (RFC 7505 3)`:                                   `%s mx: null MX(「.」、メールを受け付けない)はそのドメインの唯一のMXレコードでなければなりません(RFC 7505 3)`,
	`%s: a null MX (host ".", no mail accepted) has preference 0 (RFC 7505 3)`:                                                         `%s: null MX(ホスト「.」、メールを受け付けない)のプリファレンス値は0です(RFC 7505 3)`,
	`%s tls: port %d speaks TLS from the first byte (RFC 8314); write tls: implicit or leave tls out`:                                  `%s tls: %d番ポートは最初からTLSで通信します(RFC 8314)。「tls: implicit」と書くか、「tls:」を省いてください`,
	`imap tls: port %d starts in plain text; IMAP's implicit TLS is on 993: use port 993, or leave tls out`:                            `imap tls: %d番ポートは平文で始まります。IMAPの暗黙のTLSは993番ポートです。993番ポートを使うか、「tls:」を省いてください`,
	`%s tls: port %d starts in plain text; implicit TLS is on 465 (SMTP), 995 (POP3) and 993 (IMAP): use tls: starttls here`:           `%s tls: %d番ポートは平文で始まります。暗黙のTLSは465番(SMTP)、995番(POP3)、993番(IMAP)です。ここでは「tls: starttls」を使ってください`,

	// Sender domain authentication.
	`%s: dmarc decides on the results of spf and dkim; list all three (checks: [spf, dkim, dmarc])`: `%s: 「dmarc」は「spf」と「dkim」の結果で判定します。3つとも指定してください(「checks: [spf, dkim, dmarc]」)`,
	`%s: the key %q is missing (for example dkim: {domain: bank.example, selector: s1})`:            `%s: キー%qがありません(例: dkim: {domain: bank.example, selector: s1})`,
}
