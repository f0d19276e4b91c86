package player

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// press feeds keys to p as a terminal would send them.
func press(t *testing.T, p *Player, keys string) {
	t.Helper()
	ks, rest := DecodeKeys(nil, []byte(keys))
	if len(rest) > 0 {
		t.Fatalf("keys %q leave %q", keys, rest)
	}
	for _, k := range ks {
		p.Key(k)
	}
}

func screen(p *Player) string { return strings.Join(p.Frame(), "\n") }

func TestStepKeys(t *testing.T) {
	p := play(t, Config{Width: 80, Height: 24, Lang: i18n.EN, NoAnim: true}, nil, "", 0)
	m := p.Model()
	for _, key := range []string{"\r", " ", "\x1b[C", "n"} {
		pos := m.Pos()
		press(t, p, key)
		if m.Pos() != pos+1 {
			t.Errorf("%q: pos %d, want %d", key, m.Pos(), pos+1)
		}
	}
	for _, key := range []string{"\x1b[D", "b"} {
		pos := m.Pos()
		press(t, p, key)
		if m.Pos() != pos-1 {
			t.Errorf("%q: pos %d, want %d", key, m.Pos(), pos-1)
		}
	}
	press(t, p, "g4\r")
	if m.Step() != 4 || !strings.Contains(screen(p), "[4] bob-pc fetches with POP3") {
		t.Errorf("g4: step %d\n%s", m.Step(), screen(p))
	}
	// Past the last step: the last step, as a pager's G goes to the end.
	press(t, p, "g9\r")
	if m.Step() != 5 {
		t.Errorf("g9: step %d, want the last, 5\n%s", m.Step(), screen(p))
	}
	press(t, p, "g4\r")
	// Step 0 does not exist: the cursor stays, the status line says so.
	pos := m.Pos()
	press(t, p, "g0\r")
	if m.Pos() != pos || !strings.Contains(screen(p), "There is no step 0.") {
		t.Errorf("g0: pos %d, want %d\n%s", m.Pos(), pos, screen(p))
	}
	// Esc and Backspace in the prompt.
	press(t, p, "g12\x7f\x1b")
	if p.View().Prompting || m.Pos() != pos {
		t.Error("Esc did not cancel the prompt")
	}
	press(t, p, "g5\x7f2\r")
	if m.Step() != 2 {
		t.Errorf("g5, backspace, 2: step %d, want 2", m.Step())
	}
	// Home and End scroll the dialogue; playback stays where it is.
	pos = m.Pos()
	press(t, p, "\x1b[H\x1b[F")
	if m.Pos() != pos || p.View().Back != 0 {
		t.Errorf("Home, End: pos %d (want %d), scrollback %d", m.Pos(), pos, p.View().Back)
	}
	m.Seek(0)
	press(t, p, "b")
	if !strings.Contains(screen(p), "Already at the start.") {
		t.Error("back at the start says nothing")
	}
}

// TestScrollback: Up, PgUp and Home scroll the dialogue back without moving
// playback, a marker says so, auto play waits, and a playback key or End
// returns to the newest line.
func TestScrollback(t *testing.T) {
	p := play(t, Config{Width: 80, Height: 24, Lang: i18n.EN, NoAnim: true}, line("550 "), "", 0)
	m := p.Model()
	pos := m.Pos()
	live := screen(p)
	press(t, p, "\x1b[A")
	if p.View().Back != 1 || m.Pos() != pos || !strings.Contains(screen(p), "scrolled back 1 rows") {
		t.Fatalf("Up: scrollback %d, pos %d\n%s", p.View().Back, m.Pos(), screen(p))
	}
	press(t, p, "\x1b[5~")
	if p.View().Back != 13 {
		t.Errorf("PgUp: scrollback %d, want 13", p.View().Back)
	}
	press(t, p, "\x1b[H")
	sc := screen(p)
	top := p.View().Back
	if !strings.Contains(sc, "[1] Why OP25B exists") {
		t.Errorf("Home did not reach the first line:\n%s", screen(p))
	}
	press(t, p, "\x1b[A")
	if p.View().Back != top {
		t.Errorf("Up past the first line: scrollback %d, want %d", p.View().Back, top)
	}
	press(t, p, "\x1b[B")
	if p.View().Back != top-1 {
		t.Errorf("Down: scrollback %d, want %d", p.View().Back, top-1)
	}
	// Auto play waits while scrolled back.
	press(t, p, "p")
	for i := 0; i < 200; i++ {
		p.Tick()
	}
	if m.Pos() != pos {
		t.Errorf("auto play moved on while scrolled back: pos %d, want %d", m.Pos(), pos)
	}
	press(t, p, "\x1b[F")
	if p.View().Back != 0 || screen(p) == live || strings.Contains(screen(p), "scrolled back") {
		t.Errorf("End did not return to the newest line:\n%s", screen(p))
	}
	press(t, p, "p\x1b[A\r")
	if p.View().Back != 0 || m.Pos() != pos+1 || !strings.Contains(live, "STEP") {
		t.Errorf("Enter while scrolled back: scrollback %d, pos %d", p.View().Back, m.Pos())
	}
}

func TestPanes(t *testing.T) {
	p := play(t, Config{Width: 80, Height: 24, Lang: i18n.EN, NoAnim: true}, line("550 "), "", 0)
	press(t, p, "e")
	if p.View().Pane != PaneExplain || !strings.Contains(screen(p), "5.1.1 Bad destination mailbox address") {
		t.Fatalf("e did not explain the 550:\n%s", screen(p))
	}
	// The pane follows the cursor.
	press(t, p, "\r")
	if !strings.Contains(screen(p), "Nothing to explain here") {
		t.Errorf("after next, the explain pane still shows the 550:\n%s", screen(p))
	}
	press(t, p, "e")
	if p.View().Pane != PaneDialogue {
		t.Error("e again did not close the pane")
	}
	press(t, p, "s")
	if !strings.Contains(screen(p), "Refused recipients: <carol@example.jp> 550") {
		t.Errorf("s does not show the refused recipient:\n%s", screen(p))
	}
	press(t, p, "\x1b")
	if p.View().Pane != PaneDialogue {
		t.Error("Esc did not close the pane")
	}
	press(t, p, "t")
	if !strings.Contains(screen(p), "Full transcript") {
		t.Fatalf("t did not open the transcript:\n%s", screen(p))
	}
	// The transcript ends at the current line: nothing still to come.
	bottom := screen(p)
	if !strings.Contains(bottom, "SMTP 550 5.1.1") || strings.Contains(bottom, "alice-pc:49156 <- mx.example.jp:587") {
		t.Errorf("the transcript does not end at the current line:\n%s", bottom)
	}
	press(t, p, "\x1b[5~")
	if screen(p) == bottom {
		t.Error("Page Up did not scroll the transcript")
	}
	press(t, p, "\x1b[H")
	if !strings.Contains(screen(p), "[1] Why OP25B exists") || p.Model().Pos() == 0 {
		t.Errorf("Home did not scroll to the top (or moved playback):\n%s", screen(p))
	}
	press(t, p, "\x1b[F")
	if screen(p) != bottom {
		t.Errorf("End did not scroll back to the bottom:\n%s", screen(p))
	}
	for i := 0; i < 30; i++ {
		press(t, p, "\x1b[B")
	}
	press(t, p, "\x1b[A")
	if p.View().Scroll != p.maxScroll-1 {
		t.Errorf("one Up after the bottom: scroll %d, want %d (scrolling past the end must not pile up)", p.View().Scroll, p.maxScroll-1)
	}
	// Narration wraps: no line of the pane is cut with an ellipsis.
	if strings.Contains(screen(p), "…") {
		t.Errorf("the transcript cuts a line:\n%s", screen(p))
	}
	press(t, p, "q")
	if p.View().Pane != PaneDialogue || p.Done() {
		t.Error("q in the transcript pane did not just close it")
	}
	press(t, p, "t")
	press(t, p, "t")
	if p.View().Pane != PaneDialogue {
		t.Error("t again did not close the transcript")
	}
}

func TestAnimation(t *testing.T) {
	p := play(t, Config{Width: 80, Height: 24, Lang: i18n.EN}, line("250 2.1.5"), "", 0)
	m := p.Model()
	pos := m.Pos()
	press(t, p, "\r")
	if m.Pos() != pos+1 || p.View().AnimSteps == 0 {
		t.Fatal("Enter did not launch the next line")
	}
	if strings.Contains(screen(p), "C: RCPT TO:<carol") {
		t.Error("the line is in the dialogue before it landed")
	}
	// The marker moves with each tick.
	var strips []string
	for p.View().AnimSteps > 0 {
		strips = append(strips, p.Frame()[4])
		p.Tick()
	}
	if len(strips) != flightStep/tickMS || strips[0] == strips[len(strips)-1] {
		t.Errorf("flight took %d frames, want %d, moving", len(strips), flightStep/tickMS)
	}
	if !strings.Contains(screen(p), "C: RCPT TO:<carol") {
		t.Error("the line did not land in the dialogue")
	}
	// Enter during a flight lands it and moves on: one press, one beat.
	press(t, p, "\r")
	press(t, p, "\r")
	if p.View().AnimSteps == 0 || m.Pos() != pos+3 {
		t.Errorf("Enter during a flight: pos %d, want %d with the next beat in flight", m.Pos(), pos+3)
	}
	// Back during a flight returns to before the beat in the air.
	press(t, p, "b")
	if p.View().AnimSteps != 0 || m.Pos() != pos+2 {
		t.Errorf("back during a flight: pos %d, want %d", m.Pos(), pos+2)
	}
	// Faster speed, shorter flight.
	press(t, p, "++++")
	if p.View().Speed != 500 {
		t.Errorf("four + from 1x: %d%%, want 500%%", p.View().Speed)
	}
	press(t, p, "\r")
	n := 0
	for ; p.View().AnimSteps > 0; n++ {
		p.Tick()
	}
	if n != (flightStep+tickMS*5-1)/(tickMS*5) {
		t.Errorf("a flight at 5x took %d ticks", n)
	}
	press(t, p, "--------------")
	if p.View().Speed != 25 {
		t.Errorf("speed does not stop at 0.25x: %d", p.View().Speed)
	}
}

func TestAutoPlay(t *testing.T) {
	p := play(t, Config{Width: 80, Height: 24, Lang: i18n.JA, Auto: true, Speed: 1000, ExitAtEnd: true}, nil, "", 0)
	m := p.Model()
	seen := map[int]bool{}
	for i := 0; i < 100000 && !p.Done(); i++ {
		p.Tick()
		seen[m.Pos()] = true
		if i == 50 {
			press(t, p, "p") // pause
			pos := m.Pos()
			for j := 0; j < 100; j++ {
				p.Tick()
			}
			if m.Pos() != pos || !strings.Contains(screen(p), "一時停止") {
				t.Fatal("paused playback moved on")
			}
			press(t, p, "p")
		}
	}
	if !p.Done() || !m.AtEnd() {
		t.Fatalf("auto play did not reach the end and quit: pos %d of %d", m.Pos(), m.Len())
	}
	for pos := 0; pos <= m.Len(); pos++ {
		if !seen[pos] {
			t.Fatalf("auto play skipped beat %d", pos)
		}
	}
	// p in step mode starts playing.
	p = play(t, Config{Width: 80, Height: 24, Lang: i18n.EN}, nil, "p", 0)
	if !p.View().Auto || p.View().Paused {
		t.Error("p in step mode did not start playback")
	}
}

func TestQuit(t *testing.T) {
	for _, key := range []string{"q", "Q", "\x03"} {
		p := play(t, Config{Width: 80, Height: 24}, nil, key, 0)
		if !p.Done() {
			t.Errorf("%q did not quit", key)
		}
	}
	p := play(t, Config{Width: 80, Height: 24}, nil, "gq", 0)
	if p.Done() || p.View().Prompting {
		t.Error("q in the prompt should cancel the prompt, not quit")
	}
	p = play(t, Config{Width: 80, Height: 24}, nil, "g\x03", 0)
	if !p.Done() {
		t.Error("Ctrl-C in the prompt did not quit")
	}
}

// Back and jump are instant: they move the cursor and nothing else.
func TestBackIsInstant(t *testing.T) {
	p := play(t, Config{Width: 80, Height: 24}, nil, "g4\r", 0)
	before := screen(p)
	press(t, p, "\r")
	for p.View().AnimSteps > 0 {
		p.Tick()
	}
	press(t, p, "b")
	if p.View().AnimSteps != 0 || screen(p) != before {
		t.Errorf("back did not return to the same frame:\n%s\n---\n%s", screen(p), before)
	}
}

func TestTravels(t *testing.T) {
	for k := trace.Step; k <= trace.Expect; k++ {
		e := trace.Event{Kind: k}
		want := k == trace.Connect || k == trace.Accept || k == trace.Ack || k == trace.Refused || k == trace.Close || k == trace.Line
		if travels(&e) != want {
			t.Errorf("travels(%v) = %v", k, !want)
		}
	}
}

// TestRecapAtEnd: at the end of the scenario the dialogue closes with the
// recap and the exam facts, in the reader's language, under the last line;
// one step back, they are gone.
func TestRecapAtEnd(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		topo := fixtureTopology()
		topo.Recap = []i18n.Text{i18n.T("Alice submitted on 587.", "アリスは587番ポートで送信しました。"),
			i18n.T("The MX stored it.", "MXが格納しました。"), i18n.T("Bob fetched it.", "ボブが受信しました。")}
		topo.Facts = []i18n.Text{i18n.T("Relay on 25 needs no login.", "25番ポートの中継に認証は不要です。")}
		p := New(topo, fixtureEvents(topo), Config{Width: 80, Height: 40, Lang: lang, NoAnim: true})
		p.Model().Seek(p.Model().Len())
		s := screen(p)
		for _, want := range []string{i18n.T("Recap", "まとめ").In(lang), topo.Recap[0].In(lang), topo.Recap[2].In(lang),
			i18n.T("Exam facts", "試験のポイント").In(lang), topo.Facts[0].In(lang), i18n.T("End of the scenario", "シナリオの最後です").In(lang)} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: the last frame lacks %q:\n%s", lang, want, s)
			}
		}
		if strings.Index(s, topo.Recap[0].In(lang)) > strings.Index(s, topo.Facts[0].In(lang)) {
			t.Errorf("%s: facts before the recap:\n%s", lang, s)
		}
		press(t, p, "b")
		if strings.Contains(screen(p), topo.Facts[0].In(lang)) {
			t.Errorf("%s: the recap stays one step before the end", lang)
		}
	}
}
