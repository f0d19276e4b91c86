package trace

import (
	"testing"
	"time"
)

func TestFormatTime(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "00:00:00.000"},
		{15 * time.Millisecond, "00:00:00.015"},
		{time.Hour + 2*time.Minute + 3*time.Second + 4*time.Millisecond, "01:02:03.004"},
		{100 * time.Hour, "100:00:00.000"},
	}
	for _, tt := range tests {
		if got := FormatTime(tt.d); got != tt.want {
			t.Errorf("FormatTime(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestRecorderAndTee(t *testing.T) {
	var a, b Recorder
	s := Tee(&a, Discard, &b)
	e := Event{Kind: Line, Line: "EHLO x"}
	s.Emit(&e)
	e.Line = "changed after emit"
	if len(a.Events) != 1 || len(b.Events) != 1 || a.Events[0].Line != "EHLO x" {
		t.Fatalf("recorders got %+v and %+v; want one copy of the first event each", a.Events, b.Events)
	}
	if Line.String() != "line" || Kind(99).String() != "kind(99)" || SMTP.String() != "SMTP" {
		t.Error("String methods return the wrong names")
	}
}
