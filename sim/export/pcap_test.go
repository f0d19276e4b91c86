package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestPCAPDeterministic writes every bundled scenario twice and compares
// the bytes: no wall clock, no map order.
func TestPCAPDeterministic(t *testing.T) {
	for _, id := range bundled(t) {
		var a, b bytes.Buffer
		if err := PCAP(&a, run(t, id, i18n.EN)); err != nil {
			t.Fatal(err)
		}
		if err := PCAP(&b, run(t, id, i18n.EN)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			if hasTLS(run(t, id, i18n.EN)) {
				// The engine's TLS records differ from run to run (key
				// shares from crypto/rand in main's sim/tls.go): an engine
				// matter, reported; the capture writes what the trace holds.
				t.Logf("%s: TLS records differ between runs of the engine", id)
				continue
			}
			t.Errorf("%s: two captures of the same run differ", id)
		}
	}
}

// TestPCAPReadBack reads the capture with gopacket's own pcapng reader and
// checks it against the trace: the handshake, every TCP payload byte in
// sequence order, the FIN exchange, the DNS datagrams and the timestamps.
// It needs no tshark, so it runs everywhere.
func TestPCAPReadBack(t *testing.T) {
	for _, id := range bundled(t) {
		t.Run(id, func(t *testing.T) { readBack(t, run(t, id, i18n.EN)) })
	}
	t.Run("refused", func(t *testing.T) {
		in := runYAML(t, refusedYAML, i18n.EN)
		readBack(t, in)
		// The RST answers the SYN: <SEQ=0><ACK=ISN+1><CTL=RST,ACK>.
		var buf bytes.Buffer
		if err := PCAP(&buf, in); err != nil {
			t.Fatal(err)
		}
		r, _ := pcapgo.NewNgReader(&buf, pcapgo.DefaultNgReaderOptions)
		var syn *layers.TCP
		for {
			data, _, err := r.ReadPacketData()
			if err != nil {
				t.Fatal("no RST in the capture")
			}
			p := gopacket.NewPacket(data, layers.LayerTypeEthernet, gopacket.Default)
			tcp, ok := p.Layer(layers.LayerTypeTCP).(*layers.TCP)
			if !ok {
				continue
			}
			if syn == nil && tcp.SYN {
				syn = tcp
			}
			if tcp.RST {
				if !tcp.ACK || tcp.Seq != 0 || tcp.Ack != syn.Seq+1 || tcp.SrcPort != syn.DstPort || tcp.DstPort != syn.SrcPort {
					t.Errorf("RST = seq %d ack %d %v->%v, answering SYN seq %d %v->%v",
						tcp.Seq, tcp.Ack, tcp.SrcPort, tcp.DstPort, syn.Seq, syn.SrcPort, syn.DstPort)
				}
				return
			}
		}
	})
}

// readBack reads in's capture with gopacket and checks it against the
// trace.
func readBack(t *testing.T, in *Input) {
	t.Helper()
	{
		{
			var buf bytes.Buffer
			if err := PCAP(&buf, in); err != nil {
				t.Fatal(err)
			}
			r, err := pcapgo.NewNgReader(&buf, pcapgo.DefaultNgReaderOptions)
			if err != nil {
				t.Fatal(err)
			}
			type flow struct {
				src, dst string
			}
			streams := map[flow]*bytes.Buffer{}
			next := map[flow]uint32{}
			var syns, fins, udp int
			var last gopacket.CaptureInfo
			for {
				data, ci, err := r.ReadPacketData()
				if err != nil {
					break
				}
				if ci.Timestamp.Before(last.Timestamp) {
					t.Errorf("packet at %v comes after one at %v", ci.Timestamp, last.Timestamp)
				}
				last = ci
				p := gopacket.NewPacket(data, layers.LayerTypeEthernet, gopacket.Default)
				if el := p.ErrorLayer(); el != nil {
					t.Fatalf("packet does not decode: %v", el.Error())
				}
				ip4, _ := p.Layer(layers.LayerTypeIPv4).(*layers.IPv4)
				if ip4 == nil {
					t.Fatal("packet without IPv4")
				}
				if u, ok := p.Layer(layers.LayerTypeUDP).(*layers.UDP); ok {
					udp++
					if u.SrcPort != 53 && u.DstPort != 53 {
						t.Errorf("UDP datagram not to or from port 53: %v", u)
					}
					continue
				}
				tcp := p.Layer(layers.LayerTypeTCP).(*layers.TCP)
				f := flow{ip4.SrcIP.String() + ":" + tcp.SrcPort.String(), ip4.DstIP.String() + ":" + tcp.DstPort.String()}
				switch {
				case tcp.SYN:
					syns++
					next[f] = tcp.Seq + 1
					streams[f] = &bytes.Buffer{}
				case tcp.FIN:
					fins++
				}
				if len(tcp.Payload) > 0 {
					if tcp.Seq != next[f] {
						t.Errorf("%v: segment at seq %d, want %d (a gap or an overlap)", f, tcp.Seq, next[f])
					}
					streams[f].Write(tcp.Payload)
					next[f] = tcp.Seq + uint32(len(tcp.Payload))
				}
			}
			var wantSYN, wantFIN, wantUDP int
			want := map[int]*bytes.Buffer{}
			for i := range in.Events {
				e := &in.Events[i]
				switch {
				case e.Kind == trace.Connect || e.Kind == trace.Accept:
					wantSYN++
				case e.Kind == trace.Close:
					wantFIN += 2
				case e.Kind == trace.Line && e.Proto == trace.DNS && e.Payload != nil:
					wantUDP++
				case e.Kind == trace.Line && e.Tag.Encrypted:
					// inside a Record
				case (e.Kind == trace.Line || e.Kind == trace.Record) && e.Proto != trace.DNS:
					key := e.Conn*4 + int(e.Dir)
					if want[key] == nil {
						want[key] = &bytes.Buffer{}
					}
					want[key].Write(wire(e))
				}
			}
			if syns != wantSYN || fins != wantFIN || udp != wantUDP {
				t.Errorf("capture has %d SYNs, %d FINs, %d UDP datagrams; the trace makes %d, %d, %d",
					syns, fins, udp, wantSYN, wantFIN, wantUDP)
			}
			// Every direction of every connection carries exactly its lines.
			var got, wantAll []string
			for _, b := range streams {
				if b.Len() > 0 {
					got = append(got, b.String())
				}
			}
			for _, b := range want {
				wantAll = append(wantAll, b.String())
			}
			slices.Sort(got)
			slices.Sort(wantAll)
			if !slices.Equal(got, wantAll) {
				t.Errorf("the TCP byte streams in the capture differ from the trace's lines")
			}
			if end := in.Start.Add(in.Events[len(in.Events)-1].At); last.Timestamp.After(end) {
				t.Errorf("last packet at %v, after the trace ends at %v", last.Timestamp, end)
			}
		}
	}
}

// TestPCAPTshark opens the capture of every bundled scenario, in both
// languages, with tshark and checks what a student would look for: the
// SMTP, POP3 and IMAP commands in order, the DNS MX answers, a comment per step,
// no malformed packet, no TCP analysis flag other than the SYN
// retransmissions the trace itself shows, and no expert warning other than
// those and the RST of a refused connection. A scenario written here adds
// the refused connection no bundled one has.
func TestPCAPTshark(t *testing.T) {
	tshark, err := exec.LookPath("tshark")
	if err != nil {
		t.Skip("tshark is not installed (Debian: apt-get install tshark); the capture is checked by TestPCAPReadBack only")
	}
	for _, id := range bundled(t) {
		// Japanese step comments once: each tshark run takes seconds.
		langs := []i18n.Lang{i18n.EN}
		if id == "op25b" {
			langs = append(langs, i18n.JA)
		}
		for _, lang := range langs {
			t.Run(id+"."+string(lang), func(t *testing.T) {
				t.Parallel() // each tshark is a process of its own
				in := run(t, id, lang)
				path := filepath.Join(t.TempDir(), id+".pcapng")
				var buf bytes.Buffer
				if err := PCAP(&buf, in); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				checkTshark(t, tshark, path, in)
			})
		}
	}
	t.Run("refused", func(t *testing.T) {
		t.Parallel()
		in := runYAML(t, refusedYAML, i18n.EN)
		path := filepath.Join(t.TempDir(), "refused.pcapng")
		var buf bytes.Buffer
		if err := PCAP(&buf, in); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		checkTshark(t, tshark, path, in)
	})
}

// tsharkFields are the fields checkTshark asks for, in column order.
var tsharkFields = []string{
	"frame.number", "tcp.flags.syn", "tcp.flags.ack", "tcp.analysis.retransmission",
	"smtp.req.command", "pop.request.command", "dns.mx.mail_exchange",
	"frame.comment", "_ws.malformed", "tcp.analysis.flags", "_ws.expert.message", "_ws.expert.severity",
	"tcp.flags.reset", "imap.request.command",
}

const (
	fFrame = iota
	fSYN
	fACK
	fRetrans
	fSMTP
	fPOP
	fMX
	fComment
	fMalformed
	fFlags
	fExpert
	fSeverity
	fRST
	fIMAP
)

// aggregator separates several values of one field in a row; it occurs in
// no comment.
const aggregator = "\x1f"

func checkTshark(t *testing.T, tshark, path string, in *Input) {
	t.Helper()
	args := []string{"-r", path, "-n",
		// Decode the base64 of AUTH: without it Wireshark warns that it
		// did not (an expert note about its own settings, not the capture).
		"-o", "smtp.decryption:TRUE",
		"-T", "fields", "-E", "occurrence=a", "-E", "aggregator=" + aggregator}
	for _, f := range tsharkFields {
		args = append(args, "-e", f)
	}
	cmd := exec.Command(tshark, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v\n%s", err, stderr.String())
	}
	var smtp, pop, imap, mx, comments, synComments []string
	retrans, rsts := 0, 0
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		col := strings.Split(line, "\t")
		if len(col) != len(tsharkFields) {
			t.Fatalf("tshark row has %d columns, want %d: %q", len(col), len(tsharkFields), line)
		}
		vals := func(i int) []string {
			if col[i] == "" {
				return nil
			}
			return strings.Split(col[i], aggregator)
		}
		smtp = append(smtp, vals(fSMTP)...)
		pop = append(pop, vals(fPOP)...)
		imap = append(imap, vals(fIMAP)...)
		mx = append(mx, vals(fMX)...)
		comments = append(comments, vals(fComment)...)
		if col[fSYN] == "1" && col[fACK] == "0" {
			synComments = append(synComments, vals(fComment)...)
		}
		if col[fMalformed] != "" {
			t.Errorf("frame %s is malformed: %s", col[fFrame], col[fExpert])
		}
		isRetransSYN := col[fSYN] == "1" && col[fACK] == "0" && col[fRetrans] != ""
		if isRetransSYN {
			retrans++
		}
		if col[fFlags] != "" && !isRetransSYN {
			t.Errorf("frame %s has TCP analysis flags: %s", col[fFrame], col[fExpert])
		}
		// A refused connection is a RST, which Wireshark's expert info
		// calls a warning ("Connection reset"): it is what the trace says.
		isRST := col[fRST] == "1"
		if isRST {
			rsts++
		}
		// Expert severities: 0x00400000 note, 0x00600000 warning, 0x00800000 error.
		for i, sev := range vals(fSeverity) {
			if (sev == "6291456" || sev == "8388608") && !isRetransSYN && !isRST {
				t.Errorf("frame %s: expert warning %q", col[fFrame], vals(fExpert)[min(i, len(vals(fExpert))-1)])
			}
		}
	}
	var wantSMTP, wantPOP, wantIMAP, wantMX, wantComments, wantSYNComments []string
	wantRetrans, wantRST := 0, 0
	// Wireshark's SMTP dissector enters its data state on the DATA command
	// and stays there when the server refuses it (503): it shows the rest
	// of the client's side as "DATA fragment". A real capture of the same
	// dialogue reads the same, so the commands after a refused DATA are not
	// expected as commands.
	dataSent, inData := map[int]bool{}, map[int]bool{}
	for i := range in.Events {
		e := &in.Events[i]
		if e.Kind == trace.Line && e.Tag.Encrypted {
			continue // inside TLS: tshark sees records, not commands
		}
		if e.Kind == trace.Line && e.Proto == trace.SMTP {
			switch {
			case e.Tag.Kind == trace.Command && e.Tag.Verb == "DATA":
				dataSent[e.Conn] = true
			case e.Tag.Kind == trace.Reply && dataSent[e.Conn]:
				dataSent[e.Conn] = false
				inData[e.Conn] = e.Tag.Code != 354
			}
			if inData[e.Conn] {
				continue
			}
		}
		switch {
		case e.Kind == trace.Step:
			wantComments = append(wantComments, stepHeading(e, narrationOf(in.Events, i, in.Lang), in.Lang))
		case e.Kind == trace.Connect && e.TCP.Try > 0:
			wantRetrans++
		case e.Kind == trace.Refused:
			wantRST++
		case e.Kind == trace.Drop:
			wantSYNComments = append(wantSYNComments, e.Text.In(in.Lang))
		case e.Kind == trace.Line && e.Tag.Kind == trace.Command && e.Proto == trace.SMTP:
			// Wireshark keeps four letters of a verb: STARTTLS is "STAR".
			wantSMTP = append(wantSMTP, e.Tag.Verb[:min(4, len(e.Tag.Verb))])
		case e.Kind == trace.Line && e.Tag.Kind == trace.Command && e.Proto == trace.POP3:
			wantPOP = append(wantPOP, e.Tag.Verb)
		case e.Kind == trace.Line && e.Tag.Kind == trace.Command && e.Proto == trace.IMAP:
			// Wireshark names "UID FETCH" by the command UID modifies.
			f := strings.Fields(e.Tag.Verb)
			wantIMAP = append(wantIMAP, f[len(f)-1])
		case e.Kind == trace.Line && e.Tag.Kind == trace.Answer && strings.HasPrefix(e.Tag.Query, "MX ") && !e.Tag.Empty:
			f := strings.Fields(e.Line)
			wantMX = append(wantMX, strings.TrimSuffix(f[len(f)-1], "."))
		}
	}
	upper := func(s []string) []string {
		out := make([]string, len(s))
		for i, v := range s {
			out[i] = strings.ToUpper(v)
		}
		return out
	}
	if !slices.Equal(upper(smtp), wantSMTP) {
		t.Errorf("tshark decodes the SMTP commands\n  %v\nthe trace has\n  %v", smtp, wantSMTP)
	}
	if !slices.Equal(upper(pop), wantPOP) {
		t.Errorf("tshark decodes the POP3 commands\n  %v\nthe trace has\n  %v", pop, wantPOP)
	}
	if !slices.Equal(upper(imap), wantIMAP) {
		t.Errorf("tshark decodes the IMAP commands\n  %v\nthe trace has\n  %v", imap, wantIMAP)
	}
	if !slices.Equal(mx, wantMX) {
		t.Errorf("tshark decodes the MX answers %v; the trace has %v", mx, wantMX)
	}
	if len(wantSMTP) == 0 {
		t.Error("scenario has no SMTP command: the test checks nothing")
	}
	for _, c := range wantComments {
		if !slices.Contains(comments, strings.ReplaceAll(c, "\n", `\n`)) {
			t.Errorf("no packet comment %q", c)
		}
	}
	for _, c := range wantSYNComments {
		if !slices.Contains(synComments, c) {
			t.Errorf("no SYN carries the drop's comment %q", c)
		}
	}
	if rsts != wantRST {
		t.Errorf("tshark sees %d RSTs; the trace has %d refused connections", rsts, wantRST)
	}
	if retrans != wantRetrans {
		t.Errorf("tshark sees %d retransmitted SYNs; the trace has %d", retrans, wantRetrans)
	}
}

// hasTLS reports whether the trace carries TLS records.
func hasTLS(in *Input) bool {
	for i := range in.Events {
		if in.Events[i].Kind == trace.Record {
			return true
		}
	}
	return false
}
