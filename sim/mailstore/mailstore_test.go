package mailstore

import "testing"

func TestUIDsAscendAndAreNeverReused(t *testing.T) {
	b := New(1)
	a := b.Append("A", "", "one\r\n")
	c := b.Append("B", "", "two\r\n")
	if a.UID != 1 || c.UID != 2 || b.UIDNext() != 3 {
		t.Fatalf("UIDs %d %d, next %d; want 1 2 3", a.UID, c.UID, b.UIDNext())
	}
	if n := b.Remove(1); n != 1 || b.Len() != 1 {
		t.Fatalf("Remove(1) = %d, %d left; want 1, 1", n, b.Len())
	}
	if d := b.Append("C", "", ""); d.UID != 3 {
		t.Errorf("after removing UID 1, the next message got UID %d, want 3 (RFC 9051 2.3.1.1)", d.UID)
	}
	if got := c.UniqueID(); got != "B.2" {
		t.Errorf("UniqueID = %q, want B.2", got)
	}
	if b.Size() != 5 {
		t.Errorf("Size = %d, want 5", b.Size())
	}
}

func TestLock(t *testing.T) {
	b := New(1)
	if !b.Lock() {
		t.Fatal("first Lock failed")
	}
	if b.Lock() {
		t.Error("second Lock succeeded while the first session holds the mailbox (RFC 1939 8)")
	}
	b.Unlock()
	if !b.Lock() {
		t.Error("Lock after Unlock failed")
	}
}

func TestFlagsAndRecent(t *testing.T) {
	b := New(1)
	b.Append("A", "", "a")
	if !b.SetFlags(1, Seen|Deleted) || b.Message(1).Flags != Seen|Deleted {
		t.Errorf("SetFlags(1): flags %v", b.Message(1).Flags)
	}
	if b.SetFlags(9, Seen) || b.Message(9) != nil {
		t.Error("SetFlags on a UID that does not exist reported success")
	}
	// RFC 3501 2.3.2: only the first session after an arrival sees it as
	// \Recent.
	if n := b.TakeRecent(); n != 1 {
		t.Errorf("first TakeRecent = %d, want 1", n)
	}
	if n := b.TakeRecent(); n != 0 {
		t.Errorf("second TakeRecent = %d, want 0", n)
	}
	b.Append("B", "", "b")
	if n := b.TakeRecent(); n != 1 {
		t.Errorf("TakeRecent after a new message = %d, want 1", n)
	}
}

// TestHeadAndBody: a message is its Head then its Body.
func TestHeadAndBody(t *testing.T) {
	b := New(1)
	m := b.Append("A", "Return-Path: <>\r\n", "Subject: x\r\n\r\nhi\r\n")
	if got, want := m.Text(), "Return-Path: <>\r\nSubject: x\r\n\r\nhi\r\n"; got != want || m.Size() != len(want) || b.Size() != len(want) {
		t.Errorf("Text() = %q, Size() = %d, mailbox Size() = %d; want %q, %d", got, m.Size(), b.Size(), want, len(want))
	}
	if n := b.Append("B", "", "x\r\n"); n.Text() != "x\r\n" || n.Size() != 3 {
		t.Errorf("no head: Text() = %q, Size() = %d", n.Text(), n.Size())
	}
}
