package sim

import (
	"strings"

	"github.com/emersion/go-msgauth/authres"

	"blitiri.com.ar/go/spf"

	"github.com/mailsim/mailsim/sim/i18n"
)

// The catalogue entries of sender domain authentication: what the
// signing MTA and the checking MTA say in the trace.
var (
	msgDKIMSign = tpl("auth.dkim-sign",
		"{0} signs the message with DKIM for {1} (selector {2}; the public key is the TXT record of {3})",
		"{0}がメールに{1}のDKIM署名を付ける(セレクタ{2}。公開鍵は{3}のTXTレコード)")

	msgSPFPass = tpl("auth.spf-pass",
		"SPF pass: {1} is a sender {0}'s SPF record allows",
		"SPF pass: {1}は{0}のSPFレコードが認める送信元")
	msgSPFFail = tpl("auth.spf-fail",
		"SPF fail: {1} is not a sender {0}'s SPF record allows, and the record says -all (reject the rest)",
		"SPF fail: {1}は{0}のSPFレコードが認める送信元ではなく、レコードは-all(それ以外は拒否)で終わる")
	msgSPFSoftFail = tpl("auth.spf-softfail",
		"SPF softfail: {1} is not a sender {0}'s SPF record allows; the record says ~all (probably not)",
		"SPF softfail: {1}は{0}のSPFレコードが認める送信元ではない。レコードは「~all」(おそらく不正)で終わる")
	msgSPFNeutral = tpl("auth.spf-neutral",
		"SPF neutral: {0}'s SPF record says nothing about {1} (?all)",
		"SPF neutral: {0}のSPFレコードは{1}について何も言わない(?all)")
	msgSPFNone = tpl("auth.spf-none",
		"SPF none: {0} publishes no SPF record",
		"SPF none: {0}はSPFレコードを公開していない")
	msgSPFTempError = tpl("auth.spf-temperror",
		"SPF temperror: the DNS gave no answer for {0}",
		"SPF temperror: {0}についてDNSの応答が得られない")
	msgSPFPermError = tpl("auth.spf-permerror",
		"SPF permerror: {0}'s SPF record cannot be evaluated",
		"SPF permerror: {0}のSPFレコードを評価できない")

	msgDKIMPass = tpl("auth.dkim-pass",
		"DKIM pass: the signature of {0} verifies with the public key {0} publishes in DNS",
		"DKIM pass: {0}の署名が、{0}がDNSで公開している公開鍵で検証できた")
	msgDKIMFail = tpl("auth.dkim-fail",
		"DKIM fail: the signature of {0} does not verify ({1})",
		"DKIM fail: {0}の署名を検証できない({1})")
	msgDKIMNone = tpl("auth.dkim-none",
		"DKIM none: the message carries no DKIM-Signature",
		"DKIM none: メールにDKIM-Signatureがない")
	msgDKIMError = tpl("auth.dkim-error",
		"DKIM {0}: the signature of {1} cannot be checked ({2})",
		"DKIM {0}: {1}の署名を確認できない({2})")

	msgDMARCPass = tpl("auth.dmarc-pass",
		"DMARC pass: {1} passed for a domain aligned with the header From domain {0}",
		"DMARC pass: ヘッダFromのドメイン{0}と一致(アライメント)するドメインで{1}が成功した")
	msgDMARCFail = tpl("auth.dmarc-fail",
		"DMARC fail: neither SPF nor DKIM passed for a domain aligned with the header From domain {0}; its policy is p={1}",
		"DMARC fail: ヘッダFromのドメイン{0}と一致するドメインでは、SPFもDKIMも成功していない。ポリシーはp={1}")
	msgDMARCUnaligned = tpl("auth.dmarc-unaligned",
		"DMARC fail: SPF passed, but for {2}, not for the header From domain {0} (not aligned), and no DKIM signature of {0} verified; its policy is p={1}",
		"DMARC fail: SPFは成功したが、それは{2}についてで、ヘッダFromのドメイン{0}ではない(アライメントしない)。{0}のDKIM署名もない。ポリシーはp={1}")
	msgDMARCNone = tpl("auth.dmarc-none",
		"DMARC none: {0} publishes no DMARC policy",
		"DMARC none: {0}はDMARCポリシーを公開していない")
	msgDMARCError = tpl("auth.dmarc-error",
		"DMARC {0}: the policy of the header From domain cannot be applied",
		"DMARC {0}: ヘッダFromのドメインのポリシーを適用できない")

	msgDMARCReject = tpl("auth.dmarc-reject",
		"{0} refuses the message after the final dot: DMARC fail, and {1} asks p=reject",
		"{0}は最後の「.」の後でメールを拒否する: DMARCがfailで、{1}のポリシーはp=reject")
	msgDMARCQuarantine = tpl("auth.dmarc-quarantine",
		"{0} accepts the message as spam: DMARC fail and {1} asks p=quarantine, so it is marked X-Spam-Flag: YES for the Junk folder",
		"{0}はメールをスパムメールとして受け付ける: DMARCがfailで、{1}のポリシーはp=quarantine。スパムメール用のフォルダに振り分ける印として「X-Spam-Flag: YES」を付ける")
	msgDMARCMonitor = tpl("auth.dmarc-monitor",
		"{0} delivers the message all the same: {1} asks only p=none (monitor)",
		"{0}はそれでもメールを配送する: {1}のポリシーはp=none(監視のみ)")
)

// authMessages are the entries above, for Messages.
func authMessages() []*i18n.Template {
	return []*i18n.Template{
		msgDKIMSign,
		msgSPFPass, msgSPFFail, msgSPFSoftFail, msgSPFNeutral, msgSPFNone, msgSPFTempError, msgSPFPermError,
		msgDKIMPass, msgDKIMFail, msgDKIMNone, msgDKIMError,
		msgDMARCPass, msgDMARCFail, msgDMARCUnaligned, msgDMARCNone, msgDMARCError,
		msgDMARCReject, msgDMARCQuarantine, msgDMARCMonitor,
	}
}

// spfNote says what an SPF run found.
func spfNote(o *AuthOutcome, ip string) i18n.Msg {
	t := map[spf.Result]*i18n.Template{
		spf.Pass: msgSPFPass, spf.Fail: msgSPFFail, spf.SoftFail: msgSPFSoftFail, spf.Neutral: msgSPFNeutral,
		spf.None: msgSPFNone, spf.TempError: msgSPFTempError, spf.PermError: msgSPFPermError,
	}[o.SPF]
	if t == nil {
		t = msgSPFPermError
	}
	return i18n.M(t, o.SPFDomain, ip)
}

// dkimNote says what a DKIM run found.
func dkimNote(o *AuthOutcome) i18n.Msg {
	switch o.DKIM {
	case authres.ResultPass:
		return i18n.M(msgDKIMPass, o.DKIMDomain)
	case authres.ResultNone:
		return i18n.M(msgDKIMNone)
	case authres.ResultFail:
		return i18n.M(msgDKIMFail, o.DKIMDomain, o.DKIMWhy)
	}
	return i18n.M(msgDKIMError, string(o.DKIM), o.DKIMDomain, o.DKIMWhy)
}

// dmarcNote says what a DMARC run found.
func dmarcNote(o *AuthOutcome) i18n.Msg {
	switch o.DMARC {
	case authres.ResultPass:
		return i18n.M(msgDMARCPass, o.FromDomain, strings.Join(o.Aligned, " / "))
	case authres.ResultNone:
		return i18n.M(msgDMARCNone, o.FromDomain)
	case authres.ResultFail:
		if o.SPF == spf.Pass {
			return i18n.M(msgDMARCUnaligned, o.FromDomain, string(o.Policy), o.SPFDomain)
		}
		return i18n.M(msgDMARCFail, o.FromDomain, string(o.Policy))
	}
	return i18n.M(msgDMARCError, string(o.DMARC))
}
