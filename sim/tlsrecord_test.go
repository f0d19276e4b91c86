package sim

import (
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// TestRecordHeader reads records as a capture shows them.
func TestRecordHeader(t *testing.T) {
	// A ServerHello choosing TLS 1.3: legacy_version 0x0303, random,
	// an empty session id, a suite, compression, supported_versions.
	sh := []byte{2, 0, 0, 46, 3, 3}
	sh = append(sh, make([]byte, 32)...)
	sh = append(sh, 0, 0x13, 0x01, 0, 0, 6, 0, 43, 0, 2, 3, 4)
	rec := append([]byte{22, 3, 3, 0, byte(len(sh))}, sh...)
	for _, tc := range []struct {
		rec  []byte
		want string
	}{
		{rec, "Handshake (ServerHello) 1.3, " + itoa(len(sh)) + " bytes"},
		{[]byte{23, 3, 3, 0, 3, 1, 2, 3}, "Application Data, 3 bytes"},
		{[]byte{20, 3, 3, 0, 1, 1}, "ChangeCipherSpec, 1 byte"},
		{[]byte{22, 3, 1, 0, 4, 1, 0, 0, 0}, "Handshake (ClientHello), 4 bytes"}, // cut short: no version
		{[]byte{99, 3, 3, 0, 0}, "content(99), 0 bytes"},
	} {
		if got := recordHeader(tc.rec).String(); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.rec, got, tc.want)
		}
	}
	recs, rest := splitRecords(append(append([]byte{}, rec...), 23, 3, 3, 0))
	if len(recs) != 1 || len(rest) != 4 {
		t.Errorf("splitRecords: %d records, %d left", len(recs), len(rest))
	}
	if v := trace.VersionName(0x0304); v != "1.3" {
		t.Errorf("VersionName = %q", v)
	}
}

// FuzzRecordHeader: records from a real client (mailsim serve) are read
// without panicking, whatever they hold.
func FuzzRecordHeader(f *testing.F) {
	f.Add([]byte{22, 3, 1, 0, 4, 1, 0, 0, 0})
	f.Add([]byte{22, 3, 3, 0, 10, 2, 0, 0, 6, 3, 3, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, rest := splitRecords(b)
		n := len(rest)
		for _, r := range recs {
			n += len(r)
			h := recordHeader(r)
			if h.Length != len(r)-5 {
				t.Fatalf("length %d of a %d-byte record", h.Length, len(r))
			}
			_ = h.String()
		}
		if n != len(b) {
			t.Fatalf("split %d bytes into %d", len(b), n)
		}
	})
}
