package pop3

import "testing"

// benchMsg is a 10-line message.
const benchMsg = "From: alice@isp.example\r\n" +
	"To: bob@example.jp\r\n" +
	"Subject: Benchmark\r\n" +
	"Date: Wed, 1 Apr 2026 09:00:00 +0900\r\n" +
	"Message-ID: <20260401090000.1@isp.example>\r\n" +
	"\r\n" +
	"Hi Bob,\r\n" +
	".a line that needs byte-stuffing\r\n" +
	"See you at noon.\r\n" +
	"Alice\r\n"

func benchConfig() *Config {
	data := benchMsg
	return &Config{
		Hostname: "mail.example.jp",
		Users:    map[string]string{"bob": "hunter2"},
		Open:     func(string) []Message { return []Message{{UID: "bench-1", Data: data}} },
	}
}

// BenchmarkSession is one whole download as the simulator runs it: greeting,
// USER, PASS, STAT, LIST, RETR, DELE, QUIT, the server's Response handed to
// the client directly, and every wire line rendered once for the trace.
func BenchmarkSession(b *testing.B) {
	cfg := benchConfig()
	b.ReportAllocs()
	lines := 0
	for b.Loop() {
		srv := NewServer(cfg)
		cli := NewClient(Job{User: "bob", Pass: "hunter2"})
		r := srv.Greeting()
		for {
			for i := 0; i < r.NumLines(); i++ {
				_ = r.Line(i)
				lines++
			}
			cmd, done := cli.Next(r)
			if done {
				break
			}
			lines++
			r = srv.Handle(cmd).Response
		}
		if cli.Result().Deleted != 1 {
			b.Fatal("message not downloaded")
		}
	}
	b.ReportMetric(float64(lines)/float64(b.N), "lines/op")
}

// BenchmarkSessionWire is the same download with every response carried as
// wire lines and reassembled by an Assembler, as over a real connection.
func BenchmarkSessionWire(b *testing.B) {
	cfg := benchConfig()
	b.ReportAllocs()
	for b.Loop() {
		srv := NewServer(cfg)
		cli := NewClient(Job{User: "bob", Pass: "hunter2"})
		var a Assembler
		r := srv.Greeting()
		for {
			var got Response
			for i := 0; i < r.NumLines(); i++ {
				got, _, _ = a.Feed(r.Line(i))
			}
			cmd, done := cli.Next(got)
			if done {
				break
			}
			a.Expect(cmd)
			r = srv.Handle(cmd).Response
		}
	}
}

// BenchmarkHandleSTAT is the cost of one simple command.
func BenchmarkHandleSTAT(b *testing.B) {
	srv := NewServer(benchConfig())
	srv.Handle("USER bob")
	srv.Handle("PASS hunter2")
	b.ReportAllocs()
	for b.Loop() {
		srv.Handle("STAT")
	}
}
