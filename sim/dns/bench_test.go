package dns

import (
	"testing"
)

// BenchmarkMXLookup is one MX lookup of the simulated path: build the
// query, answer it from the zone, read the answer.
func BenchmarkMXLookup(b *testing.B) {
	z := testZone()
	b.ReportAllocs()
	var id uint16
	for b.Loop() {
		id++
		q, err := NewQuery(id, "example.jp", TypeMX)
		if err != nil {
			b.Fatal(err)
		}
		a, err := ParseAnswer(z.Handle(q))
		if err != nil || len(a.MX) != 3 {
			b.Fatal(a, err)
		}
	}
}

// BenchmarkALookup is the lookup that follows for each MX host.
func BenchmarkALookup(b *testing.B) {
	z := testZone()
	b.ReportAllocs()
	var id uint16
	for b.Loop() {
		id++
		q, err := NewQuery(id, "mx1.example.jp", TypeA)
		if err != nil {
			b.Fatal(err)
		}
		a, err := ParseAnswer(z.Handle(q))
		if err != nil || len(a.A) != 1 {
			b.Fatal(a, err)
		}
	}
}

// BenchmarkMXLookupLines adds what the trace shows for the MX lookup.
func BenchmarkMXLookupLines(b *testing.B) {
	z := testZone()
	b.ReportAllocs()
	for b.Loop() {
		q, _ := NewQuery(1, "example.jp", TypeMX)
		a, _ := ParseAnswer(z.Handle(q))
		if QuestionLine("example.jp", TypeMX) == "" || len(a.Lines()) != 3 {
			b.Fatal(a)
		}
	}
}

func BenchmarkSortMX(b *testing.B) {
	rng := seeded(1)
	b.ReportAllocs()
	for b.Loop() {
		if s, ok := SortMX(equalPrefs, rng); !ok || len(s) != 6 {
			b.Fatal(s)
		}
	}
}
