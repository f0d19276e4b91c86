package player

import (
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// longModel is the fixture run 25 times over: about 2,400 events, the size
// of a long lesson.
func longModel() *Model {
	topo := fixtureTopology()
	one := fixtureEvents(topo)
	var events []trace.Event
	for r := 0; r < 25; r++ {
		for _, e := range one {
			e.Seq = len(events)
			e.Conn += r * 10
			events = append(events, e)
		}
	}
	return NewModel(topo, events)
}

// BenchmarkRender draws one frame near the end of a long trace; the budget
// is 1 ms a frame.
func BenchmarkRender(b *testing.B) {
	m := longModel()
	cases := []struct {
		name string
		v    View
	}{
		{"80x24-en", View{Width: 80, Height: 24, Lang: i18n.EN, Color: true}},
		{"120x30-ja", View{Width: 120, Height: 30, Lang: i18n.JA, Color: true}},
		{"200x60-ja", View{Width: 200, Height: 60, Lang: i18n.JA, Color: true}},
		{"80x24-flight", View{Width: 80, Height: 24, Lang: i18n.EN, Color: true, Anim: 3, AnimSteps: 9}},
		{"80x24-explain", View{Width: 80, Height: 24, Lang: i18n.JA, Color: true, Pane: PaneExplain, Explain: fixtureExplain}},
		{"80x24-state", View{Width: 80, Height: 24, Lang: i18n.JA, Color: true, Pane: PaneState}},
		{"80x24-transcript", View{Width: 80, Height: 24, Lang: i18n.JA, Color: true, Pane: PaneTranscript, Scroll: -1}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			// The relay's 550 in the last repetition: a protocol line with an
			// explanation, deep into the trace.
			pos := m.Len() - 1
			for ; pos > 0; pos-- {
				if e := m.Beat(pos)[0]; e.Tag.Code == 550 {
					break
				}
			}
			m.Seek(pos + 1)
			v := tc.v
			Render(m, &v) // the transcript pane renders its text once per language
			b.ReportAllocs()
			for b.Loop() {
				Render(m, &v)
			}
		})
	}
}

// BenchmarkTick is a tick of auto play with a frame: what the driver does
// 25 times a second.
func BenchmarkTick(b *testing.B) {
	topo := fixtureTopology()
	p := New(topo, fixtureEvents(topo), Config{Width: 80, Height: 24, Lang: i18n.EN, Color: true, Auto: true, Speed: 1000})
	b.ReportAllocs()
	for b.Loop() {
		if !p.Tick() && p.Model().AtEnd() {
			p.Model().Seek(0)
		}
		p.Frame()
	}
}

func BenchmarkDecodeKeys(b *testing.B) {
	in := []byte("\r \x1b[C\x1b[Dg12\re\x1b[5~q日")
	keys := make([]Key, 0, 16)
	b.ReportAllocs()
	for b.Loop() {
		keys, _ = DecodeKeys(keys[:0], in)
	}
}
