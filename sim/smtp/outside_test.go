package smtp

// Checks against code mailsim did not write: Go's net/smtp client and
// net/textproto's dot encoding. (emersion/go-smtp is not a dependency.)

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/smtp"
	"net/textproto"
	"slices"
	"strings"
	"testing"
)

// TestPlainVector checks the client's AUTH PLAIN response against a known
// vector (base64 of "\x00user\x00pass", as in Go's net/smtp tests and
// RFC 4616 2) and against net/smtp's own PLAIN implementation.
func TestPlainVector(t *testing.T) {
	if got := plainResponse(&Auth{User: "user", Pass: "pass"}); got != "AHVzZXIAcGFzcw==" {
		t.Errorf("plainResponse = %q, want AHVzZXIAcGFzcw==", got)
	}
	_, resp, err := smtp.PlainAuth("", "alice", "secret", "localhost").Start(&smtp.ServerInfo{Name: "localhost", Auth: []string{"PLAIN"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := base64.StdEncoding.EncodeToString(resp); plainResponse(&Auth{User: "alice", Pass: "secret"}) != want {
		t.Errorf("plainResponse differs from net/smtp's %q", want)
	}
}

// TestDotStuffingMatchesTextproto compares the client's DATA lines with
// net/textproto's DotWriter, and the server's unstuffed data with its
// DotReader.
func TestDotStuffingMatchesTextproto(t *testing.T) {
	if got := dotStuff("", ""); len(got) != 1 || got[0] != "." {
		t.Errorf("dotStuff(\"\", \"\") = %q, want just \".\"", got)
	}
	// An empty message is left out: DotWriter sends an empty line before the
	// ".", where RFC 5321 4.1.1.4 needs none (".\r\n" is the empty message).
	for _, msg := range []string{
		"one line",
		"Subject: x\n\nbody\n",
		"Subject: x\r\n\r\n.\r\n..\r\n.leading\r\nend\r\n",
		".\n",
		"mixed\r\nline\nends\n\n\n",
		"no final newline\n.",
	} {
		var want bytes.Buffer
		w := textproto.NewWriter(bufioWriter(&want)).DotWriter()
		io.WriteString(w, msg)
		w.Close()
		got := strings.Join(dotStuff("", msg), "\r\n") + "\r\n"
		if got != want.String() {
			t.Errorf("dotStuff(%q):\n got %q\nwant %q", msg, got, want.String())
		}

		s := NewServer(mxConfig(), outPeer)
		var m *Message
		for _, l := range append([]string{"HELO a", "MAIL FROM:<>", "RCPT TO:<bob@example.jp>", "DATA"}, dotStuff("", msg)...) {
			if r := s.Handle(l); r.Message != nil {
				m = r.Message
			}
		}
		decoded, err := io.ReadAll(textproto.NewReader(bufioReader(&want)).DotReader())
		if err != nil {
			t.Fatal(err)
		}
		// DotReader turns CRLF into LF.
		if m == nil || strings.ReplaceAll(string(m.Data), "\r\n", "\n") != string(decoded) {
			t.Errorf("message %q: server data %q, DotReader %q", msg, m.Data, decoded)
		}
	}
}

// TestNetSMTPClientInterop runs Go's net/smtp client against the server
// core over an in-memory connection: a real client's lines, parsed by our
// server, and our replies, parsed by a real client.
func TestNetSMTPClientInterop(t *testing.T) {
	clientConn, serverConn := net.Pipe()
	const body = "Subject: interop\r\n\r\n.dot line\r\nbye\r\n"
	errc := make(chan error, 1)
	go func() {
		defer clientConn.Close()
		errc <- func() error {
			c, err := smtp.NewClient(clientConn, "localhost")
			if err != nil {
				return err
			}
			if err := c.Hello("pc10.home.isp.example"); err != nil {
				return err
			}
			// net/smtp sends PLAIN credentials in clear only to localhost.
			if err := c.Auth(smtp.PlainAuth("", "alice", "secret", "localhost")); err != nil {
				return err
			}
			if err := c.Mail("alice@isp.example"); err != nil {
				return err
			}
			if err := c.Rcpt("bob@example.jp"); err != nil {
				return err
			}
			var tpErr *textproto.Error
			if err := c.Rcpt("nobody@isp.example"); !errors.As(err, &tpErr) || tpErr.Code != 550 || !strings.HasPrefix(tpErr.Msg, "5.1.1 <nobody@isp.example>") {
				return fmt.Errorf("RCPT of an unknown user: %v", err)
			}
			w, err := c.Data()
			if err != nil {
				return err
			}
			if _, err := io.WriteString(w, body); err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			return c.Quit()
		}()
	}()

	cfg := with(submissionConfig(), func(c *Config) {
		c.Hostname = "localhost"
		c.Mailbox = func(addr string) bool { return addr != "nobody@isp.example" }
	})
	srv := NewServer(cfg, homePeer)
	conn := textproto.NewConn(serverConn)
	send := func(r Reply) {
		for i := range r.NumLines() {
			if err := conn.PrintfLine("%s", r.Line(i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	send(srv.Greeting())
	var got []string
	var msg *Message
	for {
		line, err := conn.ReadLine()
		if err != nil {
			t.Fatalf("server read: %v (client lines so far: %q; client: %v)", err, got, <-errc)
		}
		got = append(got, line)
		res := srv.Handle(line)
		if res.Message != nil {
			msg = res.Message
		}
		if res.Reply.Code != 0 {
			send(res.Reply)
		}
		if res.Close {
			break
		}
	}
	serverConn.Close()
	if err := <-errc; err != nil {
		t.Fatalf("net/smtp: %v", err)
	}
	want := []string{
		"EHLO pc10.home.isp.example",
		"AUTH PLAIN AGFsaWNlAHNlY3JldA==",
		"MAIL FROM:<alice@isp.example> BODY=8BITMIME SMTPUTF8",
		"RCPT TO:<bob@example.jp>",
		"RCPT TO:<nobody@isp.example>",
		"DATA",
		"Subject: interop", "", "..dot line", "bye", ".",
		"QUIT",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("net/smtp sent\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if msg == nil || string(msg.Data) != body || msg.User != "alice" || strings.Join(msg.To, ",") != "bob@example.jp" {
		t.Errorf("message = %+v", msg)
	}
}

func bufioWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }
func bufioReader(b *bytes.Buffer) *bufio.Reader { return bufio.NewReader(bytes.NewReader(b.Bytes())) }

// TestDotStuffHead: a Job's Head goes out as if it were part of Data, whole
// lines or not.
func TestDotStuffHead(t *testing.T) {
	for _, c := range []struct{ head, data string }{
		{"", "Subject: x\r\n\r\nbody\r\n"},
		{"Received: from a\r\n\tby b\r\n", "Subject: x\r\n\r\n.dot\r\n"},
		{".Received: x\n", ".\r\n"},
		{"Received: no line end", " continued\r\n\r\nbody"},
		{"Received: x\r\n", ""},
	} {
		got, want := dotStuff(c.head, c.data), dotStuff("", c.head+c.data)
		if !slices.Equal(got, want) {
			t.Errorf("dotStuff(%q, %q) = %q, want %q", c.head, c.data, got, want)
		}
	}
}
