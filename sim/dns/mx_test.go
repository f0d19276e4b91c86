package dns

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func seeded(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }

func TestSortMXOrder(t *testing.T) {
	in := []MX{{30, "c.example"}, {10, "a.example"}, {20, "b.example"}, {5, "first.example"}}
	orig := slices.Clone(in)
	got, ok := SortMX(in, seeded(1))
	want := []MX{{5, "first.example"}, {10, "a.example"}, {20, "b.example"}, {30, "c.example"}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("SortMX = %v, %v; want %v, true", got, ok, want)
	}
	if !reflect.DeepEqual(in, orig) {
		t.Errorf("SortMX changed its input to %v", in)
	}
}

// equalPrefs has four hosts at preference 10 between a lower and a higher one.
var equalPrefs = []MX{{20, "backup.example"}, {10, "a.example"}, {10, "b.example"}, {10, "c.example"}, {10, "d.example"}, {5, "primary.example"}}

func TestSortMXDeterministic(t *testing.T) {
	for seed := range uint64(20) {
		first, _ := SortMX(equalPrefs, seeded(seed))
		again, _ := SortMX(equalPrefs, seeded(seed))
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("seed %d: %v then %v", seed, first, again)
		}
	}
	// Without a generator, equal preferences keep the zone's order.
	got, _ := SortMX(equalPrefs, nil)
	want := []MX{{5, "primary.example"}, {10, "a.example"}, {10, "b.example"}, {10, "c.example"}, {10, "d.example"}, {20, "backup.example"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nil rng: %v, want %v", got, want)
	}
}

// TestSortMXShuffles: RFC 5321 5.1, equal preferences are tried in random
// order, so over many seeds each of them comes first, while preference 5
// always leads and 20 always trails.
func TestSortMXShuffles(t *testing.T) {
	firsts := map[string]int{}
	orders := map[string]bool{}
	for seed := range uint64(200) {
		got, ok := SortMX(equalPrefs, seeded(seed))
		if !ok || len(got) != 6 || got[0].Host != "primary.example" || got[5].Host != "backup.example" {
			t.Fatalf("seed %d: %v", seed, got)
		}
		for _, m := range got[1:5] {
			if m.Pref != 10 {
				t.Fatalf("seed %d: %v", seed, got)
			}
		}
		firsts[got[1].Host]++
		key := ""
		for _, m := range got[1:5] {
			key += m.Host + " "
		}
		orders[key] = true
	}
	for _, h := range []string{"a.example", "b.example", "c.example", "d.example"} {
		if firsts[h] == 0 {
			t.Errorf("%s never came first in 200 seeds: %v", h, firsts)
		}
	}
	// 24 orders are possible; 200 draws that showed only a few would mean
	// the shuffle is broken.
	if len(orders) < 12 {
		t.Errorf("only %d distinct orders of the equal preferences in 200 seeds", len(orders))
	}
}

func TestSortMXNull(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []MX
		want []MX
		ok   bool
	}{
		{"no MX: use the A record", nil, nil, true},
		{"null MX, host empty", []MX{{0, ""}}, nil, false},
		{"null MX, host dot", []MX{{0, "."}}, nil, false},
		{"root host only, nonzero preference", []MX{{10, "."}}, nil, false},
		{"null MX among others: the others", []MX{{0, "."}, {10, "mx.example"}}, []MX{{10, "mx.example"}}, true},
		{"single real MX", []MX{{0, "mx.example"}}, []MX{{0, "mx.example"}}, true},
	} {
		got, ok := SortMX(tc.in, seeded(1))
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: SortMX(%v) = %v, %v; want %v, %v", tc.name, tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
