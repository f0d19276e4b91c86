package sim

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/binary"
	"errors"
	"io"
	"math/big"
	"net"
	"sync"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Real TLS inside the world: crypto/tls runs over a virtual connection.
//
// crypto/tls needs a blocking net.Conn, and the world is one goroutine
// that must never block. Each TLS end therefore runs in a goroutine of its
// own behind a net.Conn whose other side is the world, in lockstep with it:
// when the world hands the end bytes (or starts its handshake), it waits
// until that goroutine is blocked again in Read waiting for more (or has
// finished), and collects what it wrote. Only one TLS goroutine ever runs
// at a time, and only while the world waits for it, so a run is as
// deterministic as the rest of the world. The goroutine ends when its
// connection closes.
//
// Determinism of the bytes: the certificates are Ed25519 (deterministic
// signatures) with keys seeded from the host name and issued by a seeded
// per-world CA; the handshake's randomness comes from Config.Rand, a reader
// of one constant byte per connection, which crypto/tls and crypto/ecdh use
// only with GODEBUG cryptocustomrand=1 (set by //go:debug in cmd/mailsim
// and in the tests); key exchange is X25519 only, since ML-KEM shares use
// internal randomness whatever the setting. Without the setting the
// ciphertext changes from run to run but the records' types and lengths do
// not, and those are all a transcript shows.
//
// The Go team means to remove cryptocustomrand. Then Config.Rand is
// ignored outside tests: transcripts and golden files stay as they are
// (types and lengths), the key shares and randoms differ per run, and
// nothing that compares bytes may rely on them: tests would compare the
// record headers, or fix the randomness with testing/cryptotest's
// SetGlobalRandom (tests only, not parallel), and exports keep ciphertext
// out of golden files.

// pki is a world's certificate authority and the certificates it issued.
type pki struct {
	ca    *x509.Certificate
	caKey ed25519.PrivateKey
	pool  *x509.CertPool
	certs map[string]*tls.Certificate
}

// seededKey is an Ed25519 key derived from a label, the same every run.
func seededKey(label string) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("mailsim tls key\x00" + label))
	return ed25519.NewKeyFromSeed(seed[:])
}

// serial is a certificate serial number derived from a label.
func serial(label string) *big.Int {
	h := sha256.Sum256([]byte("mailsim serial\x00" + label))
	return new(big.Int).SetBytes(h[:16])
}

// validFrom is the first day of the scenario: certificates are valid from
// its start, for a year (the CA for ten), whatever the wall clock says.
func (w *World) validFrom() time.Time {
	s := w.opts.Start.UTC()
	return time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC)
}

// pki returns the world's certificate authority, made on first use.
func (w *World) pki() *pki {
	if w.tls != nil {
		return w.tls
	}
	key := seededKey("ca")
	from := w.validFrom()
	tmpl := &x509.Certificate{
		SerialNumber:          serial("ca"),
		Subject:               pkix.Name{CommonName: "mailsim virtual CA", Organization: []string{"mailsim"}},
		NotBefore:             from,
		NotAfter:              from.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(constReader(0), tmpl, tmpl, key.Public(), key)
	if err != nil {
		panic("sim: cannot make the CA certificate: " + err.Error()) // fixed inputs: a bug, not bad input
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		panic("sim: cannot read the CA certificate: " + err.Error())
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	w.tls = &pki{ca: ca, caKey: key, pool: pool, certs: map[string]*tls.Certificate{}}
	return w.tls
}

// CACertificate is the world's CA certificate (DER), which the simulated
// clients trust; a real client pointed at `mailsim serve` can trust it too.
func (w *World) CACertificate() []byte { return w.pki().ca.Raw }

// certificate returns the server certificate of host name, issued by the
// world's CA on first use.
func (w *World) certificate(name string) *tls.Certificate {
	p := w.pki()
	if c := p.certs[name]; c != nil {
		return c
	}
	key := seededKey("host\x00" + name)
	from := w.validFrom()
	tmpl := &x509.Certificate{
		SerialNumber: serial("host\x00" + name),
		Subject:      pkix.Name{CommonName: name},
		DNSNames:     []string{name},
		NotBefore:    from,
		NotAfter:     from.AddDate(1, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(constReader(0), tmpl, p.ca, key.Public(), p.caKey)
	if err != nil {
		panic("sim: cannot make the certificate of " + name + ": " + err.Error())
	}
	c := &tls.Certificate{Certificate: [][]byte{der, p.ca.Raw}, PrivateKey: key}
	p.certs[name] = c
	return c
}

// constReader yields one byte value forever: the handshake's "randomness".
// Its bytes do not depend on how many were read before, so that the
// one-byte reads crypto/internal/randutil.MaybeReadByte makes at random do
// not change what follows. Never do this outside a simulation.
type constReader byte

func (r constReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// tlsBase is the configuration both ends share.
func (w *World) tlsBase(conn int) *tls.Config {
	return &tls.Config{
		// The virtual clock, not the wall clock, checks validity.
		Time: w.Date,
		// One byte per connection, so that connections differ.
		Rand: constReader(byte(conn*37 + 11)),
		// ML-KEM key shares draw from the system's randomness whatever
		// Rand is: X25519 alone keeps the bytes reproducible.
		CurvePreferences:       []tls.CurveID{tls.X25519},
		MinVersion:             tls.VersionTLS12,
		SessionTicketsDisabled: true,
	}
}

// serverTLS is the configuration of the TLS server of host name.
func (w *World) serverTLS(name string, conn int) *tls.Config {
	cfg := w.tlsBase(conn)
	cfg.Certificates = []tls.Certificate{*w.certificate(name)}
	return cfg
}

// clientTLS is the configuration of a simulated client connecting to
// server name: it trusts the world's CA and checks the name, as a mail
// program does.
func (w *World) clientTLS(server string, conn int) *tls.Config {
	cfg := w.tlsBase(conn)
	cfg.ServerName = server
	cfg.RootCAs = w.pki().pool
	return cfg
}

// tlsEnd is one end of a TLS session, run by crypto/tls in a goroutine of
// its own in lockstep with the world.
type tlsEnd struct {
	tc      *tls.Conn
	in      chan []byte   // bytes from the wire; closed at the connection's end
	ev      chan tlsEvent // what the goroutine did, up to its next wait
	exited  chan struct{} // closed as the goroutine returns
	pending []byte        // input the goroutine has not read yet (its own)

	mu  sync.Mutex
	out []byte // bytes written to the wire, not yet taken by the world

	started bool
	done    bool  // the goroutine has finished
	ready   bool  // the handshake completed
	err     error // why the handshake failed, or why the session ended
}

// tlsEvent is something the TLS goroutine reports to the world.
type tlsEvent struct {
	kind uint8
	data []byte
	err  error
}

const (
	evIdle      uint8 = iota // blocked waiting for bytes from the wire
	evHandshake              // the handshake finished; err says whether it failed
	evPlain                  // decrypted application data
	evDone                   // the goroutine has ended; err says why
)

// newTLSEnd makes a TLS end; the goroutine starts with start.
func newTLSEnd(server bool, cfg *tls.Config) *tlsEnd {
	e := &tlsEnd{in: make(chan []byte), ev: make(chan tlsEvent), exited: make(chan struct{})}
	conn := wireConn{e}
	if server {
		e.tc = tls.Server(conn, cfg)
	} else {
		e.tc = tls.Client(conn, cfg)
	}
	return e
}

// start runs the goroutine up to its first wait: a client has then written
// its ClientHello. It returns what the goroutine reported.
func (e *tlsEnd) start() []tlsEvent {
	e.started = true
	go e.run()
	return e.wait(nil)
}

// run is the TLS goroutine: the handshake, then reading application data
// until the wire closes.
func (e *tlsEnd) run() {
	defer close(e.exited)
	err := e.tc.Handshake()
	e.ev <- tlsEvent{kind: evHandshake, err: err}
	if err == nil {
		buf := make([]byte, 16<<10)
		for {
			n, rerr := e.tc.Read(buf)
			if n > 0 {
				e.ev <- tlsEvent{kind: evPlain, data: append([]byte(nil), buf[:n]...)}
			}
			if rerr != nil {
				err = rerr
				break
			}
		}
	}
	e.ev <- tlsEvent{kind: evDone, err: err}
}

// feed hands the goroutine bytes from the wire and returns what it did
// with them, in order, once it waits again.
func (e *tlsEnd) feed(b []byte) []tlsEvent {
	if !e.started || e.done {
		return nil
	}
	return e.wait(b)
}

// wait sends b (when not nil) and collects the goroutine's reports until
// it is blocked in Read again or has ended.
func (e *tlsEnd) wait(b []byte) []tlsEvent {
	if b != nil {
		e.in <- b
	}
	var evs []tlsEvent
	for {
		ev := <-e.ev
		switch ev.kind {
		case evIdle:
			return evs
		case evHandshake:
			e.ready = ev.err == nil
			if ev.err != nil {
				e.err = ev.err
			}
		case evDone:
			e.done = true
			<-e.exited
			if e.err == nil && !errors.Is(ev.err, io.EOF) {
				e.err = ev.err
			}
			return append(evs, ev)
		}
		evs = append(evs, ev)
	}
}

// write encrypts application data. The goroutine is blocked in Read, so
// the world's goroutine may write (tls.Conn allows one reader and one
// writer at once).
func (e *tlsEnd) write(p []byte) {
	if !e.ready || e.done {
		return
	}
	_, _ = e.tc.Write(p) // errors end up as an ended session
}

// take returns the bytes written to the wire since the last take.
func (e *tlsEnd) take() []byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	b := e.out
	e.out = nil
	return b
}

// stop ends the goroutine, if it runs: the wire is closed, so its Read
// returns EOF. It returns once the goroutine has ended.
func (e *tlsEnd) stop() {
	if !e.started || e.done {
		return
	}
	close(e.in)
	for !e.done {
		if ev := <-e.ev; ev.kind == evDone {
			e.done = true
		}
	}
	<-e.exited
}

// wireConn is the net.Conn crypto/tls reads and writes: its other side is
// the world.
type wireConn struct{ e *tlsEnd }

func (c wireConn) Read(p []byte) (int, error) {
	e := c.e
	if len(e.pending) == 0 {
		e.ev <- tlsEvent{kind: evIdle}
		b, ok := <-e.in
		if !ok {
			return 0, io.EOF
		}
		e.pending = b
	}
	n := copy(p, e.pending)
	e.pending = e.pending[n:]
	return n, nil
}

func (c wireConn) Write(p []byte) (int, error) {
	c.e.mu.Lock()
	c.e.out = append(c.e.out, p...)
	c.e.mu.Unlock()
	return len(p), nil
}

func (wireConn) Close() error                     { return nil }
func (wireConn) LocalAddr() net.Addr              { return virtualAddr{} }
func (wireConn) RemoteAddr() net.Addr             { return virtualAddr{} }
func (wireConn) SetDeadline(time.Time) error      { return nil }
func (wireConn) SetReadDeadline(time.Time) error  { return nil }
func (wireConn) SetWriteDeadline(time.Time) error { return nil }

type virtualAddr struct{}

func (virtualAddr) Network() string { return "virtual" }
func (virtualAddr) String() string  { return "virtual" }

// splitRecords cuts a byte stream into whole TLS records (RFC 8446 5.1:
// a 5-byte header, type, legacy version, length) and returns them with
// what is left of an incomplete one.
func splitRecords(b []byte) (recs [][]byte, rest []byte) {
	for len(b) >= 5 {
		n := 5 + int(binary.BigEndian.Uint16(b[3:5]))
		if len(b) < n {
			break
		}
		recs = append(recs, b[:n:n])
		b = b[n:]
	}
	return recs, b
}

// recordHeader describes a record for the trace: its header and, for a
// ClientHello or ServerHello in the clear, the message type and the
// version it offers or chooses.
func recordHeader(rec []byte) trace.TLSRecord {
	h := trace.TLSRecord{
		Type:    trace.ContentType(rec[0]),
		Version: binary.BigEndian.Uint16(rec[1:3]),
		Length:  len(rec) - 5,
	}
	if h.Type == trace.Handshake && len(rec) > 5 {
		h.HandshakeType = rec[5]
		h.HelloVersion = helloVersion(rec[5:])
	}
	return h
}

// helloVersion reads the version a ClientHello offers (the highest in
// supported_versions, else legacy_version) or a ServerHello chooses
// (RFC 8446 4.1.2, 4.1.3, 4.2.1) from a handshake message; 0 when msg is
// neither or is cut short.
func helloVersion(msg []byte) uint16 {
	if len(msg) < 4 || (msg[0] != 1 && msg[0] != 2) {
		return 0
	}
	client := msg[0] == 1
	b := msg[4:]
	if n := int(msg[1])<<16 | int(msg[2])<<8 | int(msg[3]); n < len(b) {
		b = b[:n]
	}
	// legacy_version, random
	if len(b) < 2+32 {
		return 0
	}
	legacy := binary.BigEndian.Uint16(b)
	b = b[34:]
	skip := func(lenBytes int) bool { // a length-prefixed vector
		if len(b) < lenBytes {
			return false
		}
		n := 0
		for i := 0; i < lenBytes; i++ {
			n = n<<8 | int(b[i])
		}
		if len(b) < lenBytes+n {
			return false
		}
		b = b[lenBytes+n:]
		return true
	}
	if !skip(1) { // legacy_session_id
		return legacy
	}
	if client {
		if !skip(2) || !skip(1) { // cipher_suites, legacy_compression_methods
			return legacy
		}
	} else {
		if len(b) < 3 { // cipher_suite, legacy_compression_method
			return legacy
		}
		b = b[3:]
	}
	if len(b) < 2 {
		return legacy
	}
	ext := b[2:]
	if n := int(binary.BigEndian.Uint16(b)); n < len(ext) {
		ext = ext[:n]
	}
	for len(ext) >= 4 {
		typ, n := binary.BigEndian.Uint16(ext), int(binary.BigEndian.Uint16(ext[2:]))
		if len(ext) < 4+n {
			break
		}
		data := ext[4 : 4+n]
		ext = ext[4+n:]
		if typ != 43 { // supported_versions
			continue
		}
		if !client {
			if len(data) == 2 {
				return binary.BigEndian.Uint16(data)
			}
			continue
		}
		best := uint16(0)
		if len(data) >= 1 {
			list := data[1:]
			if int(data[0]) < len(list) {
				list = list[:data[0]]
			}
			for ; len(list) >= 2; list = list[2:] {
				// GREASE values (RFC 8701) are 0x?A?A: not versions.
				if v := binary.BigEndian.Uint16(list); v&0x0f0f != 0x0a0a && v > best {
					best = v
				}
			}
		}
		if best != 0 {
			return best
		}
	}
	return legacy
}

// tlsSide is TLS over one side of a connection: what a server handler or
// a simulated client writes goes in as plaintext lines, recorded as
// encrypted lines, and out on the wire as records; what arrives is
// decrypted for the protocol core.
type tlsSide struct {
	c     *Conn
	side  Side
	end   *tlsEnd
	carry []byte // the start of a record not yet written whole
	plain []byte // lines written since the last flush
	// Record, for a real client's end (mailsim serve): trace the records
	// that arrive as the peer's, since it says nothing of what it sends.
	Record bool
}

// startTLS begins TLS on side's end of c: a client sends its ClientHello,
// a server waits for one. The events are what the TLS goroutine did.
func (w *World) startTLS(c *Conn, side Side, peer string) (*tlsSide, []tlsEvent) {
	var cfg *tls.Config
	if side == ServerSide {
		_, srv := c.Endpoints()
		cfg = w.serverTLS(srv.Host, c.id)
	} else {
		cfg = w.clientTLS(peer, c.id)
	}
	t := &tlsSide{c: c, side: side, end: newTLSEnd(side == ServerSide, cfg)}
	evs := t.end.start()
	t.emit()
	if side == ServerSide {
		// A client that never starts the handshake (one that speaks plain
		// text to 465) is hung up on, as a real server's timeout does.
		w.wakeAt(addTime(w.now, tlsHandshakeTimeout), func() {
			if !t.end.ready && !t.end.done && !c.closed[ServerSide] {
				w.note(w.byName[c.server.Host], i18n.M(msgTLSNoHello, itoa(int(tlsHandshakeTimeout.Seconds()))))
				c.Close(ServerSide)
				t.stop()
			}
		})
	}
	return t, evs
}

// tlsHandshakeTimeout is how long a server waits for the handshake.
const tlsHandshakeTimeout = 30 * time.Second

// receive hands the goroutine a segment from the wire and returns what it
// did with it.
func (t *tlsSide) receive(d Data) []tlsEvent {
	b := d.Bytes()
	if t.Record {
		recs, _ := splitRecords(b)
		for _, r := range recs {
			// A real client's bytes arrive unrecorded (Conn.Write): the
			// record is its trace, and its sequence numbers advance here.
			t.c.traceRecord(t.side.other(), r, recordHeader(r), false)
			t.c.sent[t.side.other()] += uint32(len(r))
		}
	}
	evs := t.end.feed(b)
	t.emit()
	return evs
}

// line writes one plaintext line: recorded now, encrypted at flush.
func (t *tlsSide) line(text string, tag trace.Tag, sess *trace.Session) {
	t.emit() // what the handshake wrote goes first
	t.c.Inner(t.side, text, tag, sess)
	t.plain = append(append(t.plain, text...), '\r', '\n')
}

// flush encrypts the lines written since the last flush and sends the
// records as one segment.
func (t *tlsSide) flush() {
	if len(t.plain) > 0 {
		t.end.write(t.plain)
		t.plain = t.plain[:0]
	}
	t.emit()
}

// emit writes what the TLS goroutine put on the wire as records, in one
// segment.
func (t *tlsSide) emit() {
	b := t.end.take()
	if len(b) == 0 {
		return
	}
	recs, rest := splitRecords(append(t.carry, b...))
	t.carry = append(t.carry[:0], rest...)
	for _, r := range recs {
		t.c.Record(t.side, r, recordHeader(r))
	}
	t.c.Flush(t.side)
}

// stop ends the TLS goroutine.
func (t *tlsSide) stop() { t.end.stop() }
