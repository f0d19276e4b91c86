package sim

import (
	"reflect"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// TestSnapshotShared checks that the world shares a session snapshot only
// with an equal one: every field, and a nil list apart from an empty one,
// tells two snapshots apart.
func TestSnapshotShared(t *testing.T) {
	base := trace.Session{State: "RCPT", Helo: "a", AuthUser: "u", From: "f", Rcpts: []string{"x"}, Accepted: 1}
	differ := []func(s *trace.Session){
		func(s *trace.Session) { s.State = "MAIL" },
		func(s *trace.Session) { s.Helo = "b" },
		func(s *trace.Session) { s.TLS = true },
		func(s *trace.Session) { s.AuthUser = "" },
		func(s *trace.Session) { s.InMail = true },
		func(s *trace.Session) { s.From = "" },
		func(s *trace.Session) { s.Rcpts = []string{"x", "y"} },
		func(s *trace.Session) { s.Rcpts = []string{"xy"} },
		func(s *trace.Session) { s.Rcpts = nil },
		func(s *trace.Session) { s.Retrieved = []int{} },
		func(s *trace.Session) { s.Rejected = []string{"y"} },
		func(s *trace.Session) { s.Accepted = 2 },
		func(s *trace.Session) { s.User = "u" },
		func(s *trace.Session) { s.LoggedIn = true },
		func(s *trace.Session) { s.Messages = 1 },
		func(s *trace.Session) { s.Octets = 1 },
		func(s *trace.Session) { s.Retrieved = []int{1} },
		func(s *trace.Session) { s.Marked = []int{} },
		func(s *trace.Session) { s.Deleted = 1 },
		func(s *trace.Session) { s.Mailbox = "INBOX" },
		func(s *trace.Session) { s.Seen = []int{2} },
		// The boundary between two strings moves.
		func(s *trace.Session) { s.Helo, s.AuthUser = "au", "" },
	}
	w := New(Options{})
	snapshot := func(v trace.Session) *trace.Session { return &w.snapshot(v, nil).s }
	first := snapshot(base)
	if !reflect.DeepEqual(*first, base) {
		t.Fatalf("snapshot = %+v, want %+v", *first, base)
	}
	again := base
	again.Rcpts = []string{"x"} // equal, not the same slice
	if snapshot(again) != first {
		t.Error("an equal snapshot was not shared")
	}
	// The SMTP lists come from the core, which goes on changing them.
	rcpts := []string{"z"}
	v := base
	v.Rcpts = rcpts
	p := snapshot(v)
	rcpts[0] = "changed"
	if p.Rcpts[0] != "z" {
		t.Error("the snapshot shares the core's list of recipients")
	}
	// An empty list is nil, as smtp.Server.Info gives it.
	v.Rcpts = []string{}
	if p := snapshot(v); p.Rcpts != nil {
		t.Errorf("Rcpts = %#v, want nil", p.Rcpts)
	}
	for i, f := range differ {
		v := base
		v.Rcpts = []string{"x"}
		f(&v)
		p := snapshot(v)
		if p == first {
			t.Errorf("change %d: shares the snapshot of a different state", i)
		}
		// The hint (the snapshot that followed the one before) is taken
		// only when it is equal.
		prev := &snapEntry{next: w.snapshot(base, nil)}
		if h := w.snapshot(v, prev); &h.s != p || prev.next != h {
			t.Errorf("change %d: the hint of a different state was taken", i)
		}
		if !reflect.DeepEqual(*p, v) {
			t.Errorf("change %d: snapshot = %+v, want %+v", i, *p, v)
		}
	}
	// An equal state takes the hint without a look-up.
	prev := &snapEntry{next: w.snapshot(base, nil)}
	if h := w.snapshot(again, prev); &h.s != first {
		t.Error("an equal state did not take the hint")
	}
}

// TestSessionFieldsCompared checks that sameSession and appendSessionKey
// tell apart two snapshots that differ in any one field of trace.Session,
// including a field added later, and a nil list from an empty one: the
// hint and the key must agree with each other and miss nothing.
func TestSessionFieldsCompared(t *testing.T) {
	var zero trace.Session
	key := func(s *trace.Session) string { return string(appendSessionKey(nil, s)) }
	if !sameSession(&zero, &zero) {
		t.Fatal("a session differs from itself")
	}
	typ := reflect.TypeFor[trace.Session]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		var variants []trace.Session
		switch f.Type.Kind() {
		case reflect.String:
			var v trace.Session
			reflect.ValueOf(&v).Elem().Field(i).SetString("x")
			variants = append(variants, v)
		case reflect.Bool:
			var v trace.Session
			reflect.ValueOf(&v).Elem().Field(i).SetBool(true)
			variants = append(variants, v)
		case reflect.Int:
			var v trace.Session
			reflect.ValueOf(&v).Elem().Field(i).SetInt(1)
			variants = append(variants, v)
		case reflect.Slice:
			for _, n := range []int{0, 1} { // empty, and one item
				var v trace.Session
				reflect.ValueOf(&v).Elem().Field(i).Set(reflect.MakeSlice(f.Type, n, n))
				variants = append(variants, v)
			}
		default:
			t.Fatalf("field %s has kind %s: teach this test, sameSession and appendSessionKey about it", f.Name, f.Type.Kind())
		}
		for _, v := range variants {
			if sameSession(&zero, &v) {
				t.Errorf("sameSession misses a change of %s", f.Name)
			}
			if key(&zero) == key(&v) {
				t.Errorf("appendSessionKey misses a change of %s", f.Name)
			}
		}
	}
}
