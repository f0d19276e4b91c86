package sim

import (
	"net/netip"
	"reflect"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// TestClearEvent checks that the scratch event comes back empty whatever
// the event before it set: every field of trace.Event, including any added
// later, is filled and must be cleared.
func TestClearEvent(t *testing.T) {
	w := New(Options{})
	e := &w.ev
	fill(t, reflect.ValueOf(e).Elem(), "Event")
	e.Src.IP = netip.MustParseAddr("192.0.2.1")
	e.Dst.IP = netip.MustParseAddr("2001:db8::1")
	if got := w.event(0); got != e || !reflect.ValueOf(*e).IsZero() {
		t.Errorf("World.event left %+v", *e)
	}
}

// fill sets every exported field of v to something other than its zero
// value.
func fill(t *testing.T, v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				fill(t, v.Field(i), path+"."+f.Name)
			}
		}
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	default:
		t.Fatalf("%s: cannot fill a %s", path, v.Kind())
	}
	if v.IsZero() && v.Kind() != reflect.Struct {
		t.Fatalf("%s is still zero", path)
	}
}

// TestConnEvent checks that a connection's scratch events come back with
// only the fields of the event asked for, whatever the event before set,
// and with the ends of the connection after another connection's event.
func TestConnEvent(t *testing.T) {
	w := New(Options{})
	a := trace.Endpoint{Host: "a", IP: netip.MustParseAddr("192.0.2.1"), Port: 1025}
	b := trace.Endpoint{Host: "b", IP: netip.MustParseAddr("192.0.2.2"), Port: 25}
	c1 := &Conn{w: w, id: 1, proto: trace.SMTP, client: a, server: b}
	c2 := &Conn{w: w, id: 2, proto: trace.POP3, client: b, server: a}
	for _, c := range []struct {
		conn     *Conn
		from     Side
		src, dst trace.Endpoint
		line     bool
	}{
		{c1, ClientSide, a, b, false},
		{c1, ServerSide, b, a, true},
		{c2, ClientSide, b, a, true},
		{c2, ServerSide, a, b, false},
		{c1, ServerSide, b, a, false},
		{c1, ClientSide, a, b, true},
	} {
		e := &w.connEv[c.from]
		src, dst := e.Src, e.Dst
		fill(t, reflect.ValueOf(e).Elem(), "Event")
		e.Src, e.Dst = src, dst // the ends are the scratch event's own
		want := trace.Event{Kind: trace.Close, Conn: c.conn.id, Proto: c.conn.proto, Dir: c.from.dir(), Src: c.src, Dst: c.dst}
		var got *trace.Event
		if c.line {
			tag := trace.Tag{Kind: trace.Reply, Code: 250, Last: true}
			got = c.conn.lineEvent(c.from, "250 OK", &tag, nil)
			want.Kind, want.Line, want.Tag = trace.Line, "250 OK", tag
		} else {
			got = c.conn.event(trace.Close, c.from)
		}
		if got != e || !reflect.DeepEqual(*got, want) {
			t.Errorf("conn %d side %d: got %+v, want %+v", c.conn.id, c.from, *got, want)
		}
	}
}
