package explain

import (
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Sender domain authentication as the trace shows it: the DMARC refusal
// of the final ".", the header fields the signer and the receiver add,
// and the receiver's SPF, DKIM and DMARC results (RFC 7208, 6376, 7489,
// 8601). The DNS records themselves are in dns.go.

const (
	keyDMARCReject  = "SMTP 550 DMARC"
	keyHdrAuthRes   = "Authentication-Results"
	keyHdrDKIMSig   = "DKIM-Signature"
	keyHdrSpamFlag  = "X-Spam-Flag"
	keyResultSPF    = "SPF result"
	keyResultDKIM   = "DKIM result"
	keyResultDMARC  = "DMARC result"
	authNotePrefix  = "auth."
	authSignNoteID  = "auth.dkim-sign"
	dmarcNotePrefix = "auth.dmarc-"
)

var authEntries = []Entry{
	{
		Key:   keyDMARCReject,
		Title: i18n.T(`Refused by the sender domain's DMARC policy`, `送信ドメインのDMARCポリシーによる拒否`),
		Text: i18n.T(
			`"550 5.7.1 Unauthenticated email from <domain> is not accepted due to domain's DMARC policy": after the final dot the receiver found no SPF or DKIM pass aligned with the header From domain, and that domain publishes p=reject, so the whole message is refused. Gmail sends this text (with 5.7.26, RFC 7372's code for failed authentication); Postfix with OpenDMARC says "5.7.1 rejected by DMARC policy for <domain>".`,
			`「550 5.7.1 Unauthenticated email from <ドメイン> is not accepted due to domain's DMARC policy」は、最後の「.」の後の検査で、ヘッダFromのドメインと一致(アライメント)するSPF又はDKIMの成功がなく、そのドメインがp=rejectを公開しているため、メール全体を拒否したことを表す。Gmailはこの文面を(RFC 7372の認証失敗のコード5.7.26で)返し、PostfixとOpenDMARCの組合せは「5.7.1 rejected by DMARC policy for <ドメイン>」と返す。`),
		Cause: i18n.T(
			`The sender forged the domain (spoofing), or a legitimate sender sent through a server the domain's SPF does not list and without a DKIM signature of the domain.`,
			`送信者がドメインを詐称した(なりすまし)か、正規の送信者が、SPFに載っていないサーバからそのドメインのDKIM署名なしで送った。`),
		Fix: i18n.T(
			`A legitimate domain owner lists every sending server in SPF and signs with DKIM for the header From domain; a forged message is meant to be refused.`,
			`正規のドメインの所有者は、送信に使う全てのサーバをSPFに載せ、ヘッダFromのドメインでDKIM署名する。なりすましメールなら、拒否されるのが正しい動作である。`),
		RFC: "RFC 7489 6.6.3, 10.3; RFC 3463 3.8; RFC 7372 3.3",
	},
	{
		Key:   keyHdrAuthRes,
		Title: i18n.T(`Authentication-Results: what the receiver checked`, `Authentication-Results: 受信側の認証結果`),
		Text: i18n.T(
			`The receiving server records its SPF, DKIM and DMARC results here, after its own name: "spf=pass smtp.mailfrom=<domain>; dkim=pass header.d=<domain>; dmarc=pass header.from=<domain>". Mail software reads it to mark a verified or a suspicious sender; only the field added by one's own provider can be trusted.`,
			`受信側のサーバが、自分の名前に続けてSPF、DKIM、DMARCの結果を記録するヘッダである(「spf=pass smtp.mailfrom=<ドメイン>; dkim=pass header.d=<ドメイン>; dmarc=pass header.from=<ドメイン>」)。メールソフトはこれを読んで、確認済みの送信者や疑わしい送信者を表示する。信用できるのは自分のプロバイダが付けたものだけである。`),
		RFC: "RFC 8601 2.2, 2.7",
	},
	{
		Key:   keyHdrDKIMSig,
		Title: i18n.T(`DKIM-Signature: the sending domain's signature`, `DKIM-Signature: 送信ドメインの署名`),
		Text: i18n.T(
			`Added by the sending server: d= is the signing domain, s= the selector (the public key is the TXT record at <s>._domainkey.<d>), t= the signing time, h= the signed header fields, bh= the hash of the body and b= the signature over all of it, made with the domain's private key. Here a= is ed25519-sha256 (RFC 8463); rsa-sha256 is the common other.`,
			`送信側のサーバが付けるヘッダである。d=は署名したドメイン、s=はセレクタ(公開鍵は<s>._domainkey.<d>のTXTレコード)、t=は署名した時刻、h=は署名したヘッダ、bh=は本文のハッシュ値、b=はそれら全体へのディジタル署名で、ドメインの秘密鍵で作る。ここではa=ed25519-sha256(RFC 8463)で、rsa-sha256もよく使われる。`),
		RFC: "RFC 6376 3.5; RFC 8463 3",
	},
	{
		Key:   keyHdrSpamFlag,
		Title: i18n.T(`X-Spam-Flag: marked as spam`, `X-Spam-Flag: スパムメールの印`),
		Text: i18n.T(
			`"X-Spam-Flag: YES" marks a message the server accepted but judged to be spam; here it is how p=quarantine is carried out: the message is delivered, and the mail software or a filter files it in the Junk folder. It comes from SpamAssassin and is operational practice, not an RFC.`,
			`「X-Spam-Flag: YES」は、サーバが受け付けたがスパムメールと判定したメールに付ける印である。ここではp=quarantineの実施方法で、メールは配送され、メールソフトやフィルタがスパムメール用のフォルダに振り分ける。SpamAssassin由来の慣行で、RFCではない。`),
		RFC: "RFC 7489 6.3 (p=quarantine); " + Practice,
	},
	{
		Key:   keyResultSPF,
		Title: i18n.T(`SPF check: may this IP send for the domain`, `SPFの検査結果: このIPアドレスは送信してよいか`),
		Text: i18n.T(
			`The receiver looked up the TXT record of the envelope sender's (MAIL FROM) domain, or of the HELO name for a bounce (MAIL FROM:<>), and matched the connecting IP against it: pass (listed), fail (not listed, -all), softfail (~all), neutral (?all), none (no record), temperror or permerror.`,
			`受信側が、エンベロープFrom(MAIL FROM)のドメイン(バウンスメールのMAIL FROM:<>ではHELOの名前)のTXTレコードを引き、接続元のIPアドレスと照合した結果である。pass(載っている)、fail(載っておらず「-all」)、softfail(「~all」)、neutral(「?all」)、none(レコードなし)、temperror、permerrorがある。`),
		RFC: "RFC 7208 2.6, 4",
	},
	{
		Key:   keyResultDKIM,
		Title: i18n.T(`DKIM check: does the signature verify`, `DKIMの検査結果: 署名を検証できたか`),
		Text: i18n.T(
			`The receiver fetched the public key named by the signature's d= and s= from DNS and verified the signature: pass, fail (the message changed on the way or the signature is forged), none (no signature), or permerror and temperror when the key cannot be had.`,
			`受信側が、署名のd=とs=が示す公開鍵をDNSから得て署名を検証した結果である。pass、fail(途中で改ざんされたか署名が偽物)、none(署名なし)、鍵が得られないときのpermerrorとtemperrorがある。`),
		RFC: "RFC 6376 6; RFC 8601 2.7.1",
	},
	{
		Key:   keyResultDMARC,
		Title: i18n.T(`DMARC check: aligned pass, or the policy applies`, `DMARCの検査結果: 一致する成功か、ポリシーの適用か`),
		Text: i18n.T(
			`DMARC passes when SPF or DKIM passed for a domain aligned with the header From domain (the same domain, or the same organizational domain in the default relaxed mode). On a fail the receiver applies the domain's policy: p=none delivers (the owner only collects reports), p=quarantine treats the message as spam, p=reject refuses it with 550 5.7.1.`,
			`DMARCは、ヘッダFromのドメインと一致(アライメント)するドメインでSPFかDKIMが成功していればpassとなる(既定のrelaxedモードでは組織ドメインが同じなら一致とみなす)。failのときは受信側がそのドメインのポリシーを適用する。p=noneなら配送し(所有者はレポートを集めるだけ)、p=quarantineならスパムメールとして扱い、p=rejectなら550 5.7.1で拒否する。`),
		RFC: "RFC 7489 3.1, 6.3, 6.6",
	},
}

// headerEntry returns the entry of a header field line of message text
// that sender authentication adds, or -1.
func headerEntry(line string) int {
	name, _, ok := strings.Cut(line, ":")
	if !ok || strings.ContainsAny(name, " \t") {
		return -1
	}
	for _, k := range []string{keyHdrAuthRes, keyHdrDKIMSig, keyHdrSpamFlag} {
		if strings.EqualFold(name, k) {
			return pos(k)
		}
	}
	return -1
}

// isDMARCReject reports whether an SMTP reply line is the DMARC refusal.
func isDMARCReject(line string) bool {
	return strings.HasSuffix(line, smtp.TextDMARCReject)
}

// authNote returns the entry of a note of the receiver's checks, by its
// catalogue id ("auth.spf-pass"), or -1.
func authNote(e *trace.Event) int {
	if e.Text.T == nil || !strings.HasPrefix(e.Text.T.ID, authNotePrefix) {
		return -1
	}
	id := e.Text.T.ID
	switch {
	case id == authSignNoteID:
		return pos(keyHdrDKIMSig)
	case strings.HasPrefix(id, "auth.spf-"):
		return pos(keyResultSPF)
	case strings.HasPrefix(id, "auth.dkim-"):
		return pos(keyResultDKIM)
	}
	return pos(keyResultDMARC)
}
