package player

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// Predict mode stops before each server reply that matters and asks the
// learner what comes back. It reads only the trace: a question is a server
// line (Kind Line, Dir ServerToClient) that starts a reply to a command:
// an SMTP reply (Tag.Code) or a POP3 status (Tag.Status), not a greeting
// (no command was sent yet on that connection), not a continuation line
// ("250-" lines after the first, RFC 5321 4.2.1; the lines of a POP3
// listing or message, RFC 1939 3).

// Question is one reply the learner is asked to predict.
type Question struct {
	Event  int    // index of the reply's first line in the trace
	Server string // the host that answers
	Asked  string // the client line it answers, as sent ("." for the end of the message text)
	Proto  trace.Proto
	Code   int          // SMTP: the reply code
	Status trace.Status // POP3: +OK or -ERR
}

// Answer is the reply as the learner would write it: "250", "+OK".
func (q Question) Answer() string {
	if q.Proto == trace.POP3 {
		return q.Status.String()
	}
	return strconv.Itoa(q.Code)
}

// Questions finds the replies to predict in a trace, in order.
func Questions(events []trace.Event) []Question {
	var out []Question
	spoke := map[int]string{} // conn -> the last client line, once the client has sent one
	open := map[int]bool{}    // conn -> inside a multi-line reply
	for i := range events {
		e := &events[i]
		if e.Kind != trace.Line || (e.Proto != trace.SMTP && e.Proto != trace.POP3) {
			continue
		}
		if e.Dir == trace.ClientToServer {
			spoke[e.Conn] = e.Line
			continue
		}
		if e.Dir != trace.ServerToClient {
			continue
		}
		starts := !open[e.Conn]
		if e.Proto == trace.SMTP {
			open[e.Conn] = !e.Tag.Last
		} else {
			starts = e.Tag.Status != trace.NoStatus
		}
		asked, ok := spoke[e.Conn]
		if !starts || !ok {
			continue
		}
		q := Question{Event: i, Server: e.Src.Host, Asked: asked, Proto: e.Proto}
		switch {
		case e.Proto == trace.SMTP && e.Tag.Code != 0:
			q.Code = e.Tag.Code
		case e.Proto == trace.POP3 && e.Tag.Status != trace.NoStatus:
			q.Status = e.Tag.Status
		default:
			continue
		}
		out = append(out, q)
	}
	return out
}

// Judge compares an answer with the reply. An SMTP reply is matched by its
// code ("250") or its class ("2xx", "2"; RFC 5321 4.2.1 lets a client act on
// the first digit alone), a POP3 status by "+OK" or "-ERR" (the sign or the
// word alone will do). understood is false for anything else, such as an
// empty line.
func Judge(answer string, q Question) (right, understood bool) {
	a := strings.ToUpper(strings.Join(strings.Fields(answer), ""))
	a = strings.Map(func(r rune) rune { // full-width digits and signs from a Japanese IME
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, a)
	if q.Proto == trace.POP3 {
		switch a {
		case "+OK", "OK", "+":
			return q.Status == trace.OK, true
		case "-ERR", "ERR", "-":
			return q.Status == trace.Err, true
		}
		return false, false
	}
	code := strconv.Itoa(q.Code)
	switch {
	case len(a) == 3 && isDigits(a):
		return a == code, true
	case len(a) == 1 && a[0] >= '2' && a[0] <= '5',
		len(a) == 3 && a[0] >= '2' && a[0] <= '5' && (a[1:] == "XX" || a[1:] == "YZ"):
		return a[0] == code[0], true
	}
	return false, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Score counts predictions.
type Score struct {
	Asked, Right int
	Unanswered   int // questions left when the input ended
}

// Text is the score as the end of a predict run says it.
func (s Score) Text() i18n.Text {
	pct := 0
	if s.Asked > 0 {
		pct = s.Right * 100 / s.Asked
	}
	t := i18n.T(
		fmt.Sprintf("Predictions: %d of %d right (%d%%).", s.Right, s.Asked, pct),
		fmt.Sprintf("予想: %d問中%d問正解(%d%%)。", s.Asked, s.Right, pct))
	if s.Unanswered > 0 {
		t.EN += fmt.Sprintf(" %d not answered: the input ended.", s.Unanswered)
		t.JA += fmt.Sprintf("入力が終わったため、%d問は未回答です。", s.Unanswered)
	}
	return t
}

// Prompt is the question as the learner reads it.
func (q Question) Prompt() i18n.Text {
	asked := q.Asked
	if asked == "." {
		asked = `"." (end of the message text)`
	} else {
		asked = fmt.Sprintf("%q", asked)
	}
	askedJA := "「" + q.Asked + "」"
	if q.Asked == "." {
		askedJA = "本文の終わりの「.」"
	}
	if q.Proto == trace.POP3 {
		return i18n.T(
			fmt.Sprintf("What does %s answer to %s? Type +OK or -ERR.", q.Server, asked),
			fmt.Sprintf("%sは%sに何と応答しますか。+OKか-ERRで答えてください。", q.Server, askedJA))
	}
	return i18n.T(
		fmt.Sprintf("What does %s answer to %s? Type a reply code (250) or a class (5xx).", q.Server, asked),
		fmt.Sprintf("%sは%sに何と応答しますか。応答コード(250)かクラス(5xx)で答えてください。", q.Server, askedJA))
}

// Verdict says whether an answer was right, and the reply if not.
func (q Question) Verdict(answer string, right, understood bool) i18n.Text {
	answer = strings.TrimSpace(answer)
	switch {
	case right:
		return i18n.T(fmt.Sprintf("%s: right.", answer), fmt.Sprintf("%s: 正解です。", answer))
	case !understood:
		return i18n.T(
			fmt.Sprintf("%q is not an answer: the server answered %s.", answer, q.Answer()),
			fmt.Sprintf("「%s」は答えになっていません。サーバの応答は%sです。", answer, q.Answer()))
	}
	return i18n.T(
		fmt.Sprintf("%s: no, the server answered %s.", answer, q.Answer()),
		fmt.Sprintf("%s: 不正解です。サーバの応答は%sです。", answer, q.Answer()))
}

// PredictPlain is predict mode without a terminal: it prints the plain
// transcript, and before each question prints it ("?  ...") and reads one
// answer a line from in, then prints the verdict (">  ...") and goes on.
// When the input ends, the rest of the trace is printed without questions.
// The recap and the score close the run.
func PredictPlain(in io.Reader, out io.Writer, topo *trace.Topology, events []trace.Event, lang i18n.Lang) (Score, error) {
	qs := Questions(events)
	tw := transcript.New(out, lang, events)
	sc := bufio.NewScanner(in)
	var s Score
	eof := false
	next := 0
	for i := range events {
		if next < len(qs) && qs[next].Event == i {
			q := qs[next]
			next++
			if eof {
				s.Unanswered++
			} else {
				if err := tw.Flush(); err != nil {
					return s, err
				}
				fmt.Fprintf(out, "?  %s\n", transcript.Clean(q.Prompt().In(lang)))
				if !sc.Scan() {
					if err := sc.Err(); err != nil {
						return s, err
					}
					eof = true
					s.Unanswered++
				} else {
					answer := sc.Text()
					right, understood := Judge(answer, q)
					s.Asked++
					if right {
						s.Right++
					}
					fmt.Fprintf(out, ">  %s\n", transcript.Clean(q.Verdict(answer, right, understood).In(lang)))
				}
			}
		}
		tw.Event(&events[i])
	}
	if err := tw.Recap(topo.Recap, topo.Facts); err != nil {
		return s, err
	}
	_, err := fmt.Fprintf(out, "\n%s\n", s.Text().In(lang))
	return s, err
}

// predictor is predict mode in the animated player: which beats start with
// a question, which were answered, and the score.
type predictor struct {
	qs      []Question
	byEvent map[int]int // event index -> question
	done    map[int]bool
	cur     int // the question being asked
	score   Score
}

func newPredictor(events []trace.Event) *predictor {
	pr := &predictor{qs: Questions(events), byEvent: map[int]int{}, done: map[int]bool{}}
	for i, q := range pr.qs {
		pr.byEvent[q.Event] = i
	}
	return pr
}

// ask opens the predict prompt when the next beat starts with a question
// not yet answered, and reports whether it did.
func (p *Player) ask() bool {
	pr := p.pred
	if pr == nil || p.m.AtEnd() {
		return false
	}
	qi, ok := pr.byEvent[p.m.starts[p.m.pos]]
	if !ok || pr.done[qi] {
		return false
	}
	pr.cur = qi
	p.v.Predicting, p.v.Prompt, p.v.Question = true, "", pr.qs[qi].Prompt()
	return true
}

// predictKey edits the answer: Enter judges it and shows the reply, Esc
// shows the reply without scoring, q closes the prompt.
func (p *Player) predictKey(k Key) {
	pr := p.pred
	switch {
	case k.Code == KeyEsc:
		pr.done[pr.cur] = true
		p.v.Predicting = false
		p.next()
	case k.Code == KeyRune && (k.Rune == 'q' || k.Rune == 'Q'):
		p.v.Predicting = false
	case k.Code == KeyBackspace:
		if r := []rune(p.v.Prompt); len(r) > 0 {
			p.v.Prompt = string(r[:len(r)-1])
		}
	case k.Code == KeyRune && k.Rune > ' ' && k.Rune != 0x7f:
		if len([]rune(p.v.Prompt)) < 6 {
			p.v.Prompt += string(k.Rune)
		}
	case k.Code == KeyEnter:
		q := pr.qs[pr.cur]
		right, understood := Judge(p.v.Prompt, q)
		if !understood {
			if strings.TrimSpace(p.v.Prompt) == "" {
				p.v.Message = i18n.T("Type your answer first (Esc shows the reply without scoring).", "先に答えを入力してください(Escで採点せずに応答を表示します)。")
			} else {
				p.v.Message = i18n.T("Type a reply code (250), a class (5xx), +OK or -ERR.", "応答コード(250)、クラス(5xx)、+OK、-ERRのどれかで答えてください。")
			}
			return
		}
		pr.done[pr.cur] = true
		pr.score.Asked++
		if right {
			pr.score.Right++
		}
		p.v.Score = pr.score.Text()
		p.v.Predicting = false
		p.next()
		p.v.Message = q.Verdict(p.v.Prompt, right, true)
	}
}
