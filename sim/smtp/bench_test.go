package smtp

import (
	"testing"
	"time"
)

// benchMessage is a 10-line message.
var benchMessage = "From: alice@isp.example\r\nTo: bob@example.jp\r\nSubject: Hello\r\n" +
	"Date: Tue, 5 Mar 2024 09:04:05 +0900\r\nMessage-ID: <1@isp.example>\r\n\r\n" +
	"Hi Bob,\r\n.this line is dot-stuffed\r\nSee you.\r\nAlice\r\n"

func benchConfig() *Config {
	cfg := submissionConfig()
	cfg.NextID = func() string { return "1A2B3C" }
	return cfg
}

// submit runs one whole submission, client and server wired directly: EHLO,
// AUTH PLAIN, MAIL, RCPT, DATA with a 10-line message, QUIT. render says
// whether every wire line is also turned into a string, as the engine does
// for the trace.
func submit(b *testing.B, cfg *Config, job Job, render bool) {
	s := NewServer(cfg, homePeer)
	c := NewClient(job)
	r := s.Greeting()
	sink := 0
	for {
		if render {
			for i := range r.NumLines() {
				sink += len(r.Line(i))
			}
		}
		lines := c.Next(r)
		if lines == nil {
			break
		}
		for _, l := range lines {
			if res := s.Handle(l); res.Reply.Code != 0 {
				r = res.Reply
			}
		}
	}
	if !c.Result().Sent {
		b.Fatal("not sent")
	}
	_ = sink
}

func benchJob() Job {
	return Job{
		Helo: "pc10.home.isp.example",
		Auth: &Auth{User: "alice", Pass: "secret"},
		From: "alice@isp.example",
		To:   []string{"bob@example.jp"},
		Data: benchMessage,
	}
}

func BenchmarkSubmission(b *testing.B) {
	cfg, job := benchConfig(), benchJob()
	b.ReportAllocs()
	for b.Loop() {
		submit(b, cfg, job, false)
	}
}

func BenchmarkSubmissionRendered(b *testing.B) {
	cfg, job := benchConfig(), benchJob()
	b.ReportAllocs()
	for b.Loop() {
		submit(b, cfg, job, true)
	}
}

// BenchmarkServerRelay is the receiving MX alone: a relay hop's 20 lines.
func BenchmarkServerRelay(b *testing.B) {
	cfg := mxConfig()
	cfg.NextID = func() string { return "1A2B3C" }
	lines := append([]string{"EHLO mail.isp.example", "MAIL FROM:<alice@isp.example> SIZE=300", "RCPT TO:<bob@example.jp>", "DATA"},
		dotStuff("", benchMessage)...)
	lines = append(lines, "QUIT")
	b.ReportAllocs()
	for b.Loop() {
		s := NewServer(cfg, outPeer)
		s.Greeting()
		for _, l := range lines {
			s.Handle(l)
		}
	}
}

func BenchmarkParseReplyLine(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseReplyLine("250 2.0.0 Ok: queued as 1A2B3C")
	}
}

func BenchmarkReplyAppendLine(b *testing.B) {
	r := fixed(C250Completed, E200Other, "Ok: queued as 1A2B3C")
	buf := make([]byte, 0, 512)
	b.ReportAllocs()
	for b.Loop() {
		buf = r.AppendLine(buf[:0], 0)
	}
}

func BenchmarkReceived(b *testing.B) {
	m := &Message{Helo: "pc10", ESMTP: true, User: "alice", To: []string{"bob@example.jp"}, Peer: homePeer}
	now := time.Date(2024, 3, 5, 9, 4, 5, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		Received(m, "mail.isp.example", "1A2B3C", now)
	}
}
