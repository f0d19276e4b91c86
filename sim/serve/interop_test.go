package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// Interop tests: the real clients of this machine (curl, Python 3's
// smtplib and poplib) talk to the served virtual servers over loopback.
// Each skips, saying why, when its client is missing.

// message is what the tests submit: a header, a line that starts with a
// dot (dot-stuffed on the wire both ways), UTF-8 text and a long line.
var message = "From: alice@isp.example\r\n" +
	"To: bob@example.jp\r\n" +
	"Subject: interop\r\n" +
	"\r\n" +
	"Hello Bob,\r\n" +
	".a line that starts with a dot\r\n" +
	"..and one with two\r\n" +
	"こんにちは、ボブさん。\r\n" +
	strings.Repeat("x", 900) + "\r\n" +
	"Alice\r\n"

// retrievedIntact checks that a retrieved message is the submitted one,
// byte for byte, under the trace fields the servers prepended on the way
// (Return-Path:, two Received:).
func retrievedIntact(t *testing.T, got string) {
	t.Helper()
	if !strings.HasPrefix(got, "Return-Path: <alice@isp.example>\r\n") {
		t.Errorf("retrieved message does not start with the Return-Path of final delivery:\n%.300q", got)
	}
	if n := strings.Count(got, "\r\nReceived: "); n != 2 {
		t.Errorf("retrieved message has %d Received: fields, want 2 (submission server, MX)", n)
	}
	if !strings.HasSuffix(got, "\r\n"+message) && !strings.HasSuffix(got, "\r\n"+strings.TrimSuffix(message, "\r\n")) {
		t.Errorf("retrieved message does not end with the submitted one byte for byte:\ngot  %.2000q\nwant ...%q", got, message)
	}
}

func TestCurlSubmitRelayFetch(t *testing.T) {
	curl := need(t, "curl")
	s := startScenario(t, "basic-delivery", 0, Options{})
	file := filepath.Join(t.TempDir(), "msg.eml")
	if err := os.WriteFile(file, []byte(message), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := s.addr(t, "mail.isp.example", 587)
	out, err := run(t, curl, "-sS", "smtp://"+sub, "--user", "alice:wonderland",
		"--mail-from", "alice@isp.example", "--mail-rcpt", "bob@example.jp", "--upload-file", file)
	if err != nil {
		t.Fatalf("curl smtp: %v\n%s\nlog:\n%s", err, out, s.log)
	}
	// The message crossed the world: DNS, relay to the MX, mailbox.
	s.rec.waitFor(t, "MX query for example.jp", func(e *trace.Event) bool {
		return e.Proto == trace.DNS && e.Tag.Kind == trace.Query && e.Tag.Query == "MX example.jp"
	})
	s.rec.waitFor(t, "delivery to bob@example.jp", delivered("bob@example.jp"))

	pop := s.addr(t, "mx.example.jp", 110)
	list, err := run(t, curl, "-sS", "pop3://"+pop+"/", "--user", "bob:hunter2")
	if err != nil {
		t.Fatalf("curl pop3 list: %v\n%s", err, list)
	}
	if !strings.HasPrefix(list, "1 ") || strings.Count(list, "\n") != 1 {
		t.Errorf("LIST gave %q, want one message", list)
	}
	got, err := run(t, curl, "-sS", "pop3://"+pop+"/1", "--user", "bob:hunter2")
	if err != nil {
		t.Fatalf("curl pop3 retr: %v\n%s", err, got)
	}
	retrievedIntact(t, got)
}

func TestCurlSubmissionWithoutAuth(t *testing.T) {
	curl := need(t, "curl")
	s := startScenario(t, "basic-delivery", 0, Options{})
	file := filepath.Join(t.TempDir(), "msg.eml")
	os.WriteFile(file, []byte(message), 0o644)
	out, err := run(t, curl, "-sS", "smtp://"+s.addr(t, "mail.isp.example", 587),
		"--mail-from", "alice@isp.example", "--mail-rcpt", "bob@example.jp", "--upload-file", file)
	if err == nil {
		t.Fatalf("curl submitted without AUTH: %s", out)
	}
	if !strings.Contains(out, "530") {
		t.Errorf("curl says %q, want the server's 530", out)
	}
	if s.rec.has(func(e *trace.Event) bool { return e.Kind == trace.Queue || e.Kind == trace.Deliver }) {
		t.Error("a message was queued or delivered although MAIL was refused")
	}
}

// python runs a Python 3 program with arguments.
func python(t *testing.T, prog string, args ...string) (string, error) {
	t.Helper()
	py := need(t, "python3")
	return run(t, py, append([]string{"-c", prog}, args...)...)
}

// pySend submits with smtplib: host, port, [user, password,] from, to,
// message on stdin would need a pipe, so the message is an argument. It
// prints the reply code and text of a refusal, or "sent".
const pySend = `
import smtplib, sys
host, port, user, pw, frm, to, msg = sys.argv[1:8]
try:
    s = smtplib.SMTP(host, int(port), local_hostname="client.example", timeout=20)
    s.ehlo()
    if user:
        s.login(user, pw)
    s.sendmail(frm, [to], msg.encode("utf-8"))
    s.quit()
    print("sent")
except smtplib.SMTPRecipientsRefused as e:
    for code, text in e.recipients.values():
        print(code, text.decode())
except smtplib.SMTPResponseException as e:
    print(e.smtp_code, e.smtp_error.decode())
`

// pyFetch logs in with poplib, retrieves message 1, deletes it and quits,
// then logs in again: it prints the STAT before, the message as bytes
// (repr), and the STAT after.
const pyFetch = `
import poplib, sys
host, port, user, pw = sys.argv[1:5]
p = poplib.POP3(host, int(port), timeout=20)
p.user(user); p.pass_(pw)
print(p.stat())
resp, lines, octets = p.retr(1)
sys.stdout.buffer.write(b"\r\n".join(lines) + b"\r\n")
print()
print(p.dele(1).decode())
print(p.quit().decode())
p = poplib.POP3(host, int(port), timeout=20)
p.user(user); p.pass_(pw)
print(p.stat())
p.quit()
`

func TestPythonSubmitRelayFetch(t *testing.T) {
	s := startScenario(t, "basic-delivery", 0, Options{})
	host, port := splitAddr(t, s.addr(t, "mail.isp.example", 587))
	out, err := python(t, pySend, host, port, "alice", "wonderland", "alice@isp.example", "bob@example.jp", message)
	if err != nil || strings.TrimSpace(out) != "sent" {
		t.Fatalf("smtplib: %v\n%s\nlog:\n%s", err, out, s.log)
	}
	s.rec.waitFor(t, "delivery to bob@example.jp", delivered("bob@example.jp"))
	host, port = splitAddr(t, s.addr(t, "mx.example.jp", 110))
	out, err = python(t, pyFetch, host, port, "bob", "hunter2")
	if err != nil {
		t.Fatalf("poplib: %v\n%s", err, out)
	}
	first, rest, _ := strings.Cut(out, "\n")
	if !strings.HasPrefix(first, "(1, ") {
		t.Errorf("STAT before = %q, want one message", first)
	}
	// poplib removes the dot-stuffing and the line ends; it joins lines
	// with CRLF again above.
	msg, after, _ := strings.Cut(rest, "\r\n\n")
	retrievedIntact(t, msg+"\r\n")
	if !strings.Contains(after, "(0, 0)") {
		t.Errorf("after DELE and QUIT, STAT = %q, want (0, 0)", after)
	}
}

func TestPythonSubmissionWithoutAuth(t *testing.T) {
	s := startScenario(t, "basic-delivery", 0, Options{})
	host, port := splitAddr(t, s.addr(t, "mail.isp.example", 587))
	out, err := python(t, pySend, host, port, "", "", "alice@isp.example", "bob@example.jp", message)
	if err != nil {
		t.Fatalf("smtplib: %v\n%s", err, out)
	}
	if !strings.HasPrefix(out, "530 5.7.0") {
		t.Errorf("smtplib got %q, want 530 5.7.0", out)
	}
}

func TestOpenRelay(t *testing.T) {
	spam := "From: offers@spam.example\r\nSubject: You have won!\r\n\r\nClick here.\r\n"
	t.Run("open", func(t *testing.T) {
		s := startScenario(t, "open-relay", 0, Options{})
		host, port := splitAddr(t, s.addr(t, "mail.example.com", 25))
		out, err := python(t, pySend, host, port, "", "", "offers@spam.example", "victim@example.net", spam)
		if err != nil || strings.TrimSpace(out) != "sent" {
			t.Fatalf("smtplib: %v\n%s", err, out)
		}
		// Relayed to another domain's MX, inside the world only.
		s.rec.waitFor(t, "relay to mx.example.net and delivery", delivered("victim@example.net"))
	})
	t.Run("closed", func(t *testing.T) {
		// After the scenario's configure step: relay none.
		s := startScenario(t, "open-relay", 4, Options{})
		host, port := splitAddr(t, s.addr(t, "mail.example.com", 25))
		out, err := python(t, pySend, host, port, "", "", "offers@spam.example", "victim@example.net", spam)
		if err != nil {
			t.Fatalf("smtplib: %v\n%s", err, out)
		}
		if !strings.HasPrefix(out, "554 5.7.1") || !strings.Contains(out, "Relay access denied") {
			t.Errorf("smtplib got %q, want 554 5.7.1 ... Relay access denied", out)
		}
	})
}

func splitAddr(t *testing.T, addr string) (string, string) {
	t.Helper()
	i := strings.LastIndexByte(addr, ':')
	return addr[:i], addr[i+1:]
}

// swaks is the SMTP test tool administrators reach for; .ci/run may
// install it (Debian: swaks). It submits with AUTH LOGIN here, where the
// other tests use PLAIN.
func TestSwaksSubmit(t *testing.T) {
	swaks := need(t, "swaks")
	s := startScenario(t, "basic-delivery", 0, Options{})
	host, port := splitAddr(t, s.addr(t, "mail.isp.example", 587))
	out, err := run(t, swaks, "--server", host, "--port", port, "--helo", "swaks.example",
		"--auth", "LOGIN", "--auth-user", "alice", "--auth-password", "wonderland",
		"--from", "alice@isp.example", "--to", "bob@example.jp", "--header", "Subject: swaks", "--body", "sent by swaks")
	if err != nil {
		t.Fatalf("swaks: %v\n%s", err, out)
	}
	if !strings.Contains(out, "<-  235 2.7.0") || !strings.Contains(out, "<-  250 2.0.0 Ok: queued as ") {
		t.Errorf("swaks did not see 235 and a queued 250:\n%s", out)
	}
	s.rec.waitFor(t, "delivery to bob@example.jp", delivered("bob@example.jp"))
	out, err = run(t, swaks, "--server", host, "--port", port, "--helo", "swaks.example",
		"--from", "alice@isp.example", "--to", "bob@example.jp")
	if err == nil || !strings.Contains(out, "530 5.7.0") {
		t.Errorf("swaks without AUTH: err %v, want a 530 5.7.0:\n%s", err, out)
	}
}
