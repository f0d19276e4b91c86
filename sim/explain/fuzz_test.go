package explain_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/trace"
)

// checkEntries fails when an entry handed out is not one of the table's.
func checkEntries(t *testing.T, es []explain.Entry) {
	t.Helper()
	for _, e := range es {
		if got, ok := explain.Get(e.Key); !ok || !reflect.DeepEqual(got, e) {
			t.Fatalf("returned entry %q is not the table's", e.Key)
		}
	}
}

// FuzzLookup feeds Lookup whatever a user might type or paste.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{
		"554", "5.7.1", "554 5.7.1 <a@b>: Relay access denied", "250-SIZE", "RCPT TO:<x>",
		"rcpt", "+OK 2 320", "-ERR", "op25b", "null MX", "example.jp. 3600 IN MX 0 .",
		"query _dmarc.example.jp. IN TXT", "NXDOMAIN x.", "5.", "5..1", "IN", "x IN", ".",
		"\x00", "\xff\xfe", "２５", "第三者中継",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		checkEntries(t, explain.Lookup(q))
	})
}

// FuzzForEvent builds events from arbitrary fields, including combinations
// the engine never emits.
func FuzzForEvent(f *testing.F) {
	f.Add(uint8(trace.Line), uint8(trace.SMTP), uint8(trace.ServerToClient), "554 5.7.1 x", "", 554, "5.7.1", "", "", "", true, uint16(25))
	f.Add(uint8(trace.Line), uint8(trace.SMTP), uint8(trace.NoDir), "250-x", "", 0, "", "", "", "", false, uint16(0))
	f.Add(uint8(trace.Line), uint8(trace.POP3), uint8(trace.ServerToClient), "-ERR x", "", 0, "", "-ERR", "", "", true, uint16(110))
	f.Add(uint8(trace.Line), uint8(trace.DNS), uint8(trace.ServerToClient), "example.jp. 3600 IN TXT \"v=spf1 -all\"", "", 0, "", "", "TXT example.jp", "NOERROR", true, uint16(53))
	f.Add(uint8(trace.Line), uint8(trace.DNS), uint8(trace.ClientToServer), "query IN", "QUERY", 0, "", "", "", "", true, uint16(53))
	f.Add(uint8(trace.Connect), uint8(trace.TCP), uint8(trace.ClientToServer), "", "", 0, "", "", "", "", false, uint16(587))
	f.Fuzz(func(t *testing.T, kind, proto, dir uint8, line, verb string, code int, enh, status, query, rcode string, last bool, port uint16) {
		e := &trace.Event{
			Kind: trace.Kind(kind), Proto: trace.Proto(proto), Dir: trace.Dir(dir), Line: line,
			Tag: trace.Tag{Verb: verb, Code: code, Enhanced: enh, Status: map[string]trace.Status{"+OK": trace.OK, "-ERR": trace.Err}[status], Query: query, RCode: rcode, Last: last},
			Dst: trace.Endpoint{Port: port},
		}
		before := *e
		checkEntries(t, explain.ForEvent(e))
		checkEntries(t, explain.ForReply(e, verb))
		if !reflect.DeepEqual(*e, before) {
			t.Fatal("event modified")
		}
	})
}

// FuzzAnswer feeds Answer and Resolve what a user might paste: transcript
// lines, base64 and words in either language. Nothing may panic, and every
// entry but a decoded base64 one is the table's.
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{
		"00:00:00.040  alice-pc:49152 <- mail.isp.example:587      SMTP 250-mail.isp.example",
		"00:00:00.005  bot-pc:49152 -> mx.example.jp:25  TCP  SYN dropped by isp-router (OP25B: x)",
		"00:00:00.400  mx.example.jp  delivered message 1 to bob", "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=",
		"YWxpY2U=", "334 VXNlcm5hbWU6", "554 null MX", "ｻｰﾊﾞｰ", "ＳＭＴＰ－ＡＵＴＨ", "ﾞﾟ", "25番ポート",
		"00:00:00.000  a:99999999 -> b:x  TCP  SYN", "AUTH PLAIN ====",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, es := range [][]explain.Entry{explain.Answer(q), explain.Resolve(strings.Fields(q)).Entries} {
			for _, e := range es {
				if _, ok := explain.Get(e.Key); !ok && !strings.Contains(e.RFC, "RFC 4648") {
					t.Fatalf("entry %q is neither the table's nor a decoding", e.Key)
				}
			}
		}
		explain.Suggest(q)
	})
}
