package scenario

import "maps"

// campaignMessagesJA is the Japanese of the loader's messages about bots,
// campaigns and repeats (campaign.go), kept apart from messagesJA so that
// the two lists grow without touching each other.
var campaignMessagesJA = map[string]string{
	`%s name: the pattern needs exactly one {n}, the bot's number, such as "bot-{n}"; got %q`:                                                                                          `%s name: 名前のパターンには、ボットの番号を表す「{n}」をちょうど1つ入れてください(例: 「bot-{n}」)。実際: %q`,
	`%s: %s is more than %d (the limit %s)`:                                                                                                                                            `%s: %sは%dを超えています(上限は「%s」)`,
	`campaign over: give the time the attempts are spread over, such as 1h: bots that all start at once are not how a botnet sends`:                                                    `campaign over: 送信を分散させる時間を1hのように指定してください。全ボットが同時に送信を始めるのは、ボットネットの実際の送り方ではありません`,
	`campaign: say where the bots send, with server: host:port or servers: [{server: host:port, share: 80}, ...]`:                                                                      `campaign: ボットの送信先を「server: ホスト:ポート番号」か「servers: [{server: ホスト:ポート番号, share: 80}, ...]」で指定してください`,
	`campaign: give server or servers, not both`:                                                                                                                                       `campaign: 「server」と「servers」はどちらか一方だけを指定してください`,
	`bots %s: this group brings the bots to %d, more than %d (the limit MaxBots)`:                                                                                                      `bots %s: このグループでボットの合計が%d台になり、%d台を超えます(上限は「MaxBots」)`,
	`scale %d: the scale must be at least 1`:                                                                                                                                           `倍率%d: 倍率は1以上にしてください`,
	`scale %d makes more than %d delivery attempts (the limit MaxAttempts): at scale 1 the scenario makes %d`:                                                                          `倍率%dでは配送の試行が%d回を超えます(上限は「MaxAttempts」)。倍率1でのこのシナリオの試行は%d回です`,
	`bots %s: give range (such as 198.18.0.0/16) or a network whose addresses the bots take`:                                                                                           `bots %s: 「range」(例: 198.18.0.0/16)か、ボットのアドレスを割り当てるネットワークを指定してください`,
	`bots %s: range %s is not inside its network %s (%s)`:                                                                                                                              `bots %s: 範囲%sがネットワーク%s(%s)に含まれていません`,
	`bots %s: %d bots do not fit in %s, which has %d addresses for hosts: give a larger range`:                                                                                         `bots %s: %d台のボットは%sに収まりません(ホストに使えるアドレスは%d個)。もっと広い範囲を指定してください`,
	`host %s: address %s is taken by the bots %s (%s to %s): move the host or the bots' range`:                                                                                         `ホスト%s: アドレス%sはボット%s(%s〜%s)が使っています。ホストかボットの範囲を移してください`,
	`host %s: this name is taken by bot %d of the group %s (%s): rename the host or the bots`:                                                                                          `ホスト%s: この名前はボット%d台目(グループ%s、%s)が使っています。ホストかボットの名前を変えてください`,
	`bots %s: its addresses overlap those of the bots %s: give the groups separate ranges`:                                                                                             `bots %s: アドレスがボット%sと重なっています。グループごとに別の範囲を指定してください`,
	`bots %s: its names overlap those of the bots %s (%s): give the groups different name patterns`:                                                                                    `bots %s: 名前がボット%s(%s)と重なっています。グループごとに別の名前のパターンを指定してください`,
	`campaign bots: %q is not defined: add a group under world: bots:, such as home-bots: {count: 1000, network: isp-home}`:                                                            `campaign bots: %qは定義されていません。world: bots:の下に「home-bots: {count: 1000, network: isp-home}」のようにグループを追加してください`,
	`campaign: %q is not a mail address (user@domain)`:                                                                                                                                 `campaign: %qはメールアドレス(user@domain)ではありません`,
	`step %d: this campaign makes more than %d trace events (the limit MaxEvents) when every event is kept: run it summarised, as mailsim run does, or give it fewer bots or messages`: `ステップ%d: このキャンペーンは、イベントをすべて記録すると%d件を超えます(上限は「MaxEvents」)。「mailsim run」のように集計して実行するか、ボットかメールの数を減らしてください`,
	`campaign: this step brings the delivery attempts of all campaigns to %d, more than %d (the limit MaxAttempts): fewer bots, messages or repeats`:                                   `campaign: このステップで全キャンペーンの配送の試行が%d回になり、%d回を超えます(上限は「MaxAttempts」)。ボット、メール、繰り返しの数を減らしてください`,
}

func init() { maps.Copy(messagesJA, campaignMessagesJA) }
