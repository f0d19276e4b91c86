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
	src := trace.Endpoint{Host: "a", IP: netip.MustParseAddr("192.0.2.2"), Port: 25}
	fill(t, reflect.ValueOf(e).Elem(), "Event")
	w.eventBetween(trace.Line, src, src)
	if e.Src != src || e.Dst != src || e.Kind != trace.Line {
		t.Errorf("eventBetween set %v, %v, %v", e.Src, e.Dst, e.Kind)
	}
	e.Src, e.Dst, e.Kind = trace.Endpoint{}, trace.Endpoint{}, 0
	if !reflect.ValueOf(*e).IsZero() {
		t.Errorf("eventBetween left %+v", *e)
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
