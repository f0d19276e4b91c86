package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/serve"
)

// lockedBuffer is an output several goroutines write.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe runs the command as a user would, talks to it over loopback
// with a hand-written client, stops it as Ctrl-C does, and reads what it
// printed: the listeners, the session, what the world did, the summary.
func TestServe(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		t.Run(string(lang), func(t *testing.T) {
			out := &lockedBuffer{}
			ios := &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: out, Getenv: func(string) string { return "" }}
			ctx, cancel := context.WithCancel(context.Background())
			ready := make(chan *serve.Server, 1)
			done := make(chan error, 1)
			opts := &serveOptions{scenario: "submission-auth", offset: 23000 + int(time.Now().UnixNano()%20000), idle: time.Minute, maxConns: 10, color: "auto", lang: lang}
			go func() { done <- runServe(ctx, ios, opts, func(s *serve.Server) { ready <- s }) }()
			var srv *serve.Server
			select {
			case srv = <-ready:
			case err := <-done:
				t.Fatalf("serve stopped: %v\n%s", err, out)
			}
			var addr string
			for _, l := range srv.Listeners() {
				if l.Host.Name == "mail.isp.example" && l.Port == 587 {
					addr = l.Addr.String()
				}
			}
			nc, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			r := bufio.NewReader(nc)
			nc.SetDeadline(time.Now().Add(10 * time.Second))
			want := func(prefix string) {
				t.Helper()
				for {
					l, err := r.ReadString('\n')
					if err != nil {
						t.Fatalf("read: %v", err)
					}
					if len(l) > 3 && l[3] == '-' {
						continue
					}
					if !strings.HasPrefix(l, prefix) {
						t.Fatalf("got %q, want %q", l, prefix)
					}
					return
				}
			}
			want("220 ")
			nc.Write([]byte("EHLO real.example\r\nMAIL FROM:<alice@isp.example>\r\nQUIT\r\n"))
			want("250 ")
			want("530 5.7.0")
			want("221 ")
			nc.Close()
			// The world logs the server's FIN one latency after the 221.
			for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), "TCP  FIN") && time.Now().Before(deadline); {
				time.Sleep(5 * time.Millisecond)
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			got := out.String()
			for _, w := range []string{
				"== submission-auth: ",
				"\nmail.isp.example:587 -> 127.0.0.3:",
				"\nmail.isp.example:25 -> 127.0.0.3:",
				"\nmx.example.jp:25 -> 127.0.0.4:",
				"alice-pc:49152 -> mail.isp.example:587  ",
				"SMTP EHLO real.example\n",
				"SMTP 530 5.7.0 Authentication required\n",
				"TCP  FIN\n",
			} {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			summary := map[i18n.Lang]string{
				i18n.EN: "stopped: served 1 session, turned away 0 connections\n",
				i18n.JA: "終了しました: 1件のセッションを処理し、0件の接続を断りました。\n",
			}[lang]
			if !strings.HasSuffix(got, summary) {
				t.Errorf("output does not end with %q:\n%s", summary, got)
			}
		})
	}
}

func TestServeBadInput(t *testing.T) {
	for _, tc := range []struct {
		opts serveOptions
		want string
	}{
		{serveOptions{scenario: "no-such"}, `no bundled scenario "no-such"`},
		{serveOptions{scenario: "op25b", as: "nobody"}, `--as "nobody": no such host in op25b`},
		{serveOptions{scenario: "op25b", listen: "localhost"}, `--listen "localhost": not an IP address`},
		{serveOptions{scenario: "op25b", offset: 65000}, "outside 1-65535"},
		{serveOptions{scenario: "basic-delivery", listen: "127.0.0.1"}, "mail.isp.example and mx.example.jp both listen on port 25, and --listen 127.0.0.1 gives them one address"},
		{serveOptions{scenario: "open-relay", after: 9}, "open-relay has 7 steps: cannot start after step 9"},
	} {
		var out bytes.Buffer
		ios := &IOStreams{Out: &out, ErrOut: &out}
		err := runServe(context.Background(), ios, &tc.opts, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.opts, err, tc.want)
		}
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != ExitBadInput {
			t.Errorf("%+v: %v is not exit 2", tc.opts, err)
		}
	}
}
