package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/mailsim/mailsim/sim/trace"
)

// The capture is what one network tap that sees every link would record:
// Ethernet frames carrying IPv4 (or IPv6) with TCP for SMTP, POP3 and IMAP and
// UDP for DNS. Every byte comes from the trace: sequence and acknowledgement
// numbers from each event's trace.Segment, payloads from the lines (a line
// is Line+"\r\n" on the wire unless Payload says otherwise) and DNS messages
// from Payload. What the trace records as one event and a real capture
// shows as several packets is written out here:
//
//   - a run of lines with Segment.Cont is one segment (RFC 9293 3.1);
//   - the trace's one Close (the first FIN) becomes the closing exchange
//     FIN/ACK, FIN/ACK, ACK (RFC 9293 3.6), so that tshark sees both halves
//     of the connection close;
//   - a SYN a router dropped stays unanswered, and its retransmissions
//     (Segment.Try) follow at their virtual times; Wireshark marks those
//     retransmissions, which is what they are.
//
// Timestamps are Input.Start plus each event's virtual time. MAC addresses
// are derived from host names, IP identification fields count per host:
// the same trace gives the same file, byte for byte.

const (
	tcpWindow = 65535
	ipTTL     = 64
)

// packet is one frame waiting to be written with its comments.
type packet struct {
	at       time.Duration
	data     []byte
	comments []string
}

// pcapWriter turns events into packets.
type pcapWriter struct {
	in      *Input
	packets []packet
	pending []string          // comments for the next packet (step headings)
	ipID    map[string]uint16 // next IP identification per sending host
	// lastOf is the index of each connection's last packet, where a drop,
	// a timeout or a refusal of that connection is noted.
	lastOf map[int]int
	conn   int // connection of the packet being built
	err    error
}

// PCAP writes in's trace as a pcapng capture with one Ethernet interface.
// Each scenario step's heading (and its narration) is a comment on the
// first packet of the step; drops, timeouts, deliveries and notes are
// comments on the packet they follow.
func PCAP(w io.Writer, in *Input) error {
	pw := &pcapWriter{in: in, ipID: map[string]uint16{}, lastOf: map[int]int{}}
	pw.build()
	if pw.err != nil {
		return pw.err
	}
	if len(pw.pending) > 0 {
		// Steps after the last packet (a closing narration, a wait): their
		// headings go on the last packet so that none is lost.
		if n := len(pw.packets); n > 0 {
			pw.packets[n-1].comments = append(pw.packets[n-1].comments, pw.pending...)
		}
	}
	title := ""
	if in.Topology != nil {
		title = in.Topology.ID + ": " + in.Topology.Title.In(in.Lang)
	}
	ng, err := pcapgo.NewNgWriterInterface(w, pcapgo.NgInterface{
		Name:                "mailsim0",
		Description:         "every link of mailsim's virtual internet",
		LinkType:            layers.LinkTypeEthernet,
		TimestampResolution: 9,
	}, pcapgo.NgWriterOptions{SectionInfo: pcapgo.NgSectionInfo{
		// No Hardware or OS: the file must not depend on the machine.
		Application: "mailsim",
		Comment:     title,
	}})
	if err != nil {
		return err
	}
	for _, p := range pw.packets {
		ci := gopacket.CaptureInfo{
			Timestamp:     in.Start.Add(p.at),
			CaptureLength: len(p.data),
			Length:        len(p.data),
		}
		if err := ng.WritePacketWithOptions(ci, p.data, pcapgo.NgPacketOptions{Comments: p.comments}); err != nil {
			return err
		}
	}
	return ng.Flush()
}

// build walks the trace once and appends the packets.
func (pw *pcapWriter) build() {
	events := pw.in.Events
	// consumed marks lines already written as part of an earlier segment.
	consumed := make([]bool, len(events))
	for i := range events {
		e := &events[i]
		if consumed[i] {
			continue
		}
		pw.conn = e.Conn
		switch e.Kind {
		case trace.Step:
			pw.pending = append(pw.pending, stepHeading(e, narrationOf(events, i, pw.in.Lang), pw.in.Lang))
			if e.Line != "say" {
				if n := narrationOf(events, i, pw.in.Lang); n != "" {
					pw.pending = append(pw.pending, n)
				}
			}
		case trace.Connect:
			pw.tcp(e.At, e.Src, e.Dst, e.TCP.Seq, 0, tcpFlags{syn: true}, nil)
		case trace.Accept:
			pw.tcp(e.At, e.Src, e.Dst, e.TCP.Seq, e.TCP.Ack, tcpFlags{syn: true, ack: true}, nil)
		case trace.Ack:
			pw.tcp(e.At, e.Src, e.Dst, e.TCP.Seq, e.TCP.Ack, tcpFlags{ack: true}, nil)
		case trace.Refused:
			// RFC 9293 3.10.7.1: a SYN to a closed port gets <SEQ=0><ACK=SEG.SEQ+1><CTL=RST,ACK>.
			pw.tcp(e.At, e.Src, e.Dst, 0, e.TCP.Ack, tcpFlags{rst: true, ack: true}, nil)
			pw.note(e)
		case trace.Close:
			// The trace records the first FIN; the peer answers with its own
			// FIN (it has nothing more to send: the dialogue is over) and
			// the closer acknowledges it.
			seq, ack := e.TCP.Seq, e.TCP.Ack
			pw.tcp(e.At, e.Src, e.Dst, seq, ack, tcpFlags{fin: true, ack: true}, nil)
			pw.tcp(e.At, e.Dst, e.Src, ack, seq+1, tcpFlags{fin: true, ack: true}, nil)
			pw.tcp(e.At, e.Src, e.Dst, seq+1, ack+1, tcpFlags{ack: true}, nil)
		case trace.Line, trace.Record:
			switch {
			case e.Kind == trace.Line && e.Tag.Encrypted:
				// Inside TLS: on the wire it is part of a Record event.
			case e.Proto == trace.DNS:
				// A DNS message travels whole in one datagram: the query
				// and the first answer line carry it, later answer lines
				// are the same message read on.
				if e.Payload != nil {
					pw.udp(e.At, e.Src, e.Dst, e.Payload)
				}
			default: // SMTP, POP3: lines over TCP
				payload := wire(e)
				for j := i + 1; j < len(events); j++ {
					f := &events[j]
					if f.Kind == trace.Line && f.Tag.Encrypted {
						continue // not on the wire
					}
					if f.Conn != e.Conn || (f.Kind != trace.Line && f.Kind != trace.Record) || f.Dir != e.Dir {
						if f.Conn == e.Conn {
							break // the connection moved on: the segment ended
						}
						continue // another connection's event in between
					}
					if !f.TCP.Cont {
						break
					}
					payload = append(payload, wire(f)...)
					consumed[j] = true
				}
				pw.tcp(e.At, e.Src, e.Dst, e.TCP.Seq, e.TCP.Ack, tcpFlags{psh: true, ack: true}, payload)
			}
		case trace.Drop, trace.Timeout, trace.Deliver, trace.Queue, trace.Bounce, trace.Note:
			pw.note(e)
		}
	}
}

// wire is what a line puts on the wire.
func wire(e *trace.Event) []byte {
	if e.Payload != nil {
		return append([]byte(nil), e.Payload...)
	}
	return []byte(e.Line + "\r\n")
}

// note adds what e says as a comment on the packet it is about: for a
// drop, a timeout or a refusal the last packet of its connection (the
// dropped SYN, the last unanswered retransmission, the RST); for what a
// server did (queue, deliver, bounce) the last packet written, which is the
// one that made it happen.
func (pw *pcapWriter) note(e *trace.Event) {
	text := e.Text.In(pw.in.Lang)
	if text == "" {
		return
	}
	at, ok := len(pw.packets)-1, len(pw.packets) > 0
	switch e.Kind {
	case trace.Drop, trace.Timeout, trace.Refused:
		at, ok = pw.lastOf[e.Conn]
	default:
		if e.Src.Host != "" {
			text = e.Src.Host + ": " + text
		}
	}
	if !ok {
		pw.pending = append(pw.pending, text)
		return
	}
	pw.packets[at].comments = append(pw.packets[at].comments, text)
}

type tcpFlags struct{ syn, ack, fin, rst, psh bool }

// tcp appends one TCP segment from src to dst.
func (pw *pcapWriter) tcp(at time.Duration, src, dst trace.Endpoint, seq, ack uint32, f tcpFlags, payload []byte) {
	t := &layers.TCP{
		SrcPort: layers.TCPPort(src.Port), DstPort: layers.TCPPort(dst.Port),
		Seq: seq, Ack: ack,
		SYN: f.syn, ACK: f.ack, FIN: f.fin, RST: f.rst, PSH: f.psh,
		Window: tcpWindow,
	}
	if f.rst {
		t.Window = 0
	}
	if f.syn {
		// RFC 9293 3.7.1: the MSS option goes only on SYNs; 1460 is what
		// Ethernet's 1500-octet MTU leaves for IPv4 and TCP headers.
		mss := make([]byte, 2)
		binary.BigEndian.PutUint16(mss, 1460)
		t.Options = []layers.TCPOption{{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: mss}}
	}
	pw.frame(at, src, dst, layers.IPProtocolTCP, t, payload)
}

// udp appends one UDP datagram from src to dst.
func (pw *pcapWriter) udp(at time.Duration, src, dst trace.Endpoint, payload []byte) {
	u := &layers.UDP{SrcPort: layers.UDPPort(src.Port), DstPort: layers.UDPPort(dst.Port)}
	pw.frame(at, src, dst, layers.IPProtocolUDP, u, payload)
}

// transport is a TCP or UDP layer, which needs the IP header for its
// checksum.
type transport interface {
	gopacket.SerializableLayer
	SetNetworkLayerForChecksum(gopacket.NetworkLayer) error
}

// frame serializes Ethernet, IP, the transport header and the payload.
func (pw *pcapWriter) frame(at time.Duration, src, dst trace.Endpoint, proto layers.IPProtocol, tr transport, payload []byte) {
	if pw.err != nil {
		return
	}
	if !src.IP.IsValid() || !dst.IP.IsValid() {
		pw.err = fmt.Errorf("pcap: event at %s between %s and %s has no IP address", trace.FormatTime(at), src, dst)
		return
	}
	eth := &layers.Ethernet{SrcMAC: hostMAC(src.Host), DstMAC: hostMAC(dst.Host)}
	var ip gopacket.NetworkLayer
	var ipLayer gopacket.SerializableLayer
	id := pw.ipID[src.Host]
	pw.ipID[src.Host] = id + 1
	switch {
	case src.IP.Is4() && dst.IP.Is4():
		eth.EthernetType = layers.EthernetTypeIPv4
		v4 := &layers.IPv4{
			Version: 4, TTL: ipTTL, Protocol: proto, Id: id,
			Flags: layers.IPv4DontFragment,
			SrcIP: net.IP(src.IP.AsSlice()), DstIP: net.IP(dst.IP.AsSlice()),
		}
		ip, ipLayer = v4, v4
	case src.IP.Is6() && dst.IP.Is6():
		eth.EthernetType = layers.EthernetTypeIPv6
		v6 := &layers.IPv6{
			Version: 6, HopLimit: ipTTL, NextHeader: proto,
			SrcIP: net.IP(src.IP.AsSlice()), DstIP: net.IP(dst.IP.AsSlice()),
		}
		ip, ipLayer = v6, v6
	default:
		pw.err = errors.New("pcap: " + src.String() + " and " + dst.String() + " are not of the same IP version")
		return
	}
	if err := tr.SetNetworkLayerForChecksum(ip); err != nil {
		pw.err = err
		return
	}
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, eth, ipLayer, tr, gopacket.Payload(payload)); err != nil {
		pw.err = fmt.Errorf("pcap: %w", err)
		return
	}
	p := packet{at: at, data: append([]byte(nil), buf.Bytes()...), comments: pw.pending}
	pw.pending = nil
	if pw.conn != 0 {
		pw.lastOf[pw.conn] = len(pw.packets)
	}
	pw.packets = append(pw.packets, p)
}

// hostMAC is a locally administered unicast MAC address (IEEE 802: the
// second-lowest bit of the first octet set, the lowest clear) derived from
// a host name, so that every run gives a host the same address.
func hostMAC(host string) net.HardwareAddr {
	h := fnv.New64a()
	h.Write([]byte(host))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], h.Sum64())
	mac := net.HardwareAddr(b[:6])
	mac[0] = 0x02
	return mac
}
