package dns

import (
	"cmp"
	"math/rand/v2"
	"slices"
)

// SortMX orders a domain's MX records for delivery attempts (RFC 5321 5.1):
// lowest preference first, records of equal preference shuffled with rng so
// that load spreads over them. rng is the caller's seeded generator, so a
// run is reproducible; with a nil rng equal preferences keep their order.
// The input is not modified.
//
// ok is false when the domain accepts no mail: its only record is the null
// MX "MX 0 ." (RFC 7505 3; host "" or "."). A record whose host is the root
// names no mail server, so it is dropped from a longer list; if nothing is
// left, ok is false too, because a domain that has MX records is never
// delivered to through its A record (RFC 5321 5.1).
//
// No records gives (nil, true): the caller falls back to the domain's own
// address records, the implicit MX of RFC 5321 5.1.
func SortMX(mx []MX, rng *rand.Rand) (sorted []MX, ok bool) {
	if len(mx) == 0 {
		return nil, true
	}
	sorted = make([]MX, 0, len(mx))
	for _, m := range mx {
		if m.Host != "" && m.Host != "." {
			sorted = append(sorted, m)
		}
	}
	if len(sorted) == 0 {
		return nil, false
	}
	slices.SortStableFunc(sorted, func(a, b MX) int { return cmp.Compare(a.Pref, b.Pref) })
	if rng == nil {
		return sorted, true
	}
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].Pref == sorted[i].Pref {
			j++
		}
		if same := sorted[i:j]; len(same) > 1 {
			rng.Shuffle(len(same), func(x, y int) { same[x], same[y] = same[y], same[x] })
		}
		i = j
	}
	return sorted, true
}
