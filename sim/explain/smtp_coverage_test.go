package explain_test

import (
	"strconv"
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Every verb the SMTP server knows, and every code it can send, must have
// an explanation of its own (not just a class fallback).
func TestCoverSMTPPackage(t *testing.T) {
	for _, v := range append(smtp.Verbs(), smtp.TagAuthData) {
		if e, ok := explain.ForCommand(trace.SMTP, v); !ok || e.Key != "SMTP "+v {
			t.Errorf("smtp verb %s: ForCommand = %q, %v", v, e.Key, ok)
		}
	}
	for _, c := range smtp.Codes() {
		if _, ok := explain.Get(strconv.Itoa(c)); !ok {
			t.Errorf("smtp.Codes() has %d, the explainer does not", c)
		}
	}
	for _, x := range smtp.EnhancedCodes() {
		if _, ok := explain.Get(x); !ok {
			t.Errorf("smtp.EnhancedCodes() has %s, the explainer does not", x)
		}
	}
	// Named constants outside Codes() that the server may still grow into.
	for _, c := range []int{smtp.C211SystemStatus, smtp.C251UserNotLocal, smtp.C432PasswordTransition,
		smtp.C450MailboxUnavailable, smtp.C451LocalError, smtp.C455ParamsNotAccommodated,
		smtp.C534AuthTooWeak, smtp.C538EncryptionRequired, smtp.C551UserNotLocalTry, smtp.C553MailboxNameInvalid} {
		if _, ok := explain.Get(strconv.Itoa(c)); !ok {
			t.Errorf("smtp constant %d has no explanation", c)
		}
	}
}
