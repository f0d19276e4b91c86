package export

import (
	_ "embed" // the player's script and style sheet
	"encoding/json"
	"html"
	"io"
	"strings"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

//go:embed html/player.js
var playerJS string

//go:embed html/player.css
var playerCSS string

// HTML writes one self-contained page with a step player for the run: the
// hosts and routers as a path with the current hop highlighted, the
// dialogue up to the cursor, the step's narration, the explanation of the
// line under the cursor, English and Japanese switchable on the page, and
// keyboard control (→/Space next, ← back, PgDn/PgUp step, Home/End, L
// language). Everything it needs is inside the file: no network, no
// external script, style sheet or font (a Content-Security-Policy says so
// to the browser). in.Lang is the language the page opens in.
//
// The trace is embedded as JSON, rendered by the Go views (transcript.Line
// and Route, explain.ForReply) in both languages, so the page's script only
// moves a cursor and shows what it is given.
func HTML(w io.Writer, in *Input) error {
	data, err := json.Marshal(htmlData(in))
	if err != nil {
		return err
	}
	title := ""
	if t := in.Topology; t != nil {
		title = t.ID + ": " + t.Title.In(in.Lang)
	}
	lang := string(in.Lang)
	if lang == "" {
		lang = string(i18n.EN)
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
	b.WriteString("<meta name=\"generator\" content=\"mailsim export --format html\">\n")
	b.WriteString("<title>" + html.EscapeString(title) + "</title>\n<style>\n" + playerCSS + "</style>\n</head>\n<body>\n")
	b.WriteString(htmlBody)
	// json.Marshal escapes <, > and & as \u003c..., so the data cannot end
	// the script element early.
	b.WriteString("<script type=\"application/json\" id=\"trace\">")
	b.Write(data)
	b.WriteString("</script>\n<script>\n" + playerJS + "</script>\n</body>\n</html>\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// htmlBody is the page's skeleton; player.js fills it.
const htmlBody = `<header>
  <h1 id="title"></h1>
  <nav>
    <button id="back" type="button" aria-keyshortcuts="ArrowLeft">&#9664;</button>
    <span id="pos" aria-live="polite"></span>
    <button id="next" type="button" aria-keyshortcuts="ArrowRight">&#9654;</button>
    <button id="lang" type="button" aria-keyshortcuts="L"></button>
  </nav>
</header>
<main>
  <section id="path" aria-label="path"></section>
  <p id="hop"></p>
  <section id="step"><h2 id="step-title"></h2><p id="narration"></p></section>
  <section id="dialogue" tabindex="0"></section>
  <section id="explain" aria-live="polite"></section>
  <p id="keys"></p>
</main>
`

// The page's data, with short field names: a long scenario has hundreds of
// events.
type htmlTrace struct {
	ID      string               `json:"id"`
	Title   i18n.Text            `json:"title"`
	Lang    string               `json:"lang"`
	Hosts   []htmlHost           `json:"hosts"`
	Steps   []htmlStep           `json:"steps"`
	Events  []htmlEvent          `json:"events"`
	Explain map[string]htmlEntry `json:"explain"`
	UI      map[string]i18n.Text `json:"ui"`
}

type htmlHost struct {
	Name    string `json:"name"`
	IP      string `json:"ip,omitempty"`
	Network string `json:"net,omitempty"`
	Router  bool   `json:"router,omitempty"`
	Roles   string `json:"roles,omitempty"`
}

type htmlStep struct {
	Title     i18n.Text `json:"title"`
	Narration i18n.Text `json:"say"`
}

type htmlEvent struct {
	Step    int       `json:"s"`
	Time    string    `json:"t,omitempty"`
	Route   string    `json:"r,omitempty"`
	Text    i18n.Text `json:"x"`
	Class   string    `json:"c"`
	From    string    `json:"f,omitempty"` // host that sends (or acts)
	To      string    `json:"o,omitempty"` // host or router it reaches
	Proto   string    `json:"p,omitempty"`
	Explain []string  `json:"e,omitempty"` // keys into htmlTrace.Explain
}

type htmlEntry struct {
	Title i18n.Text `json:"title"`
	Text  i18n.Text `json:"text"`
	Cause i18n.Text `json:"cause"`
	Fix   i18n.Text `json:"fix"`
	OK    i18n.Text `json:"ok"`
	Err   i18n.Text `json:"err"`
	RFC   string    `json:"rfc"`
}

// htmlClass is the CSS class of each transcript class.
var htmlClass = [transcript.NumClasses]string{
	transcript.Plain: "plain", transcript.StepHead: "step", transcript.Narration: "say",
	transcript.Command: "cmd", transcript.ClientText: "ctext", transcript.Reply2xx: "r2",
	transcript.Reply3xx: "r3", transcript.Reply4xx: "r4", transcript.Reply5xx: "r5",
	transcript.POPOK: "pok", transcript.POPErr: "perr", transcript.POPText: "ptext",
	transcript.DNS: "dns", transcript.TCP: "tcp", transcript.Timeout: "timeout",
	transcript.Drop: "drop", transcript.Note: "note", transcript.Deliver: "deliver",
	transcript.Bounce: "bounce", transcript.ExpectOK: "ok", transcript.ExpectMiss: "miss",
}

// htmlUI is every label the page shows, in both languages.
var htmlUI = map[string]i18n.Text{
	"back":    i18n.T("Back", "戻る"),
	"next":    i18n.T("Next", "次へ"),
	"lang":    i18n.T("日本語", "English"),
	"step":    i18n.T("Step {0}", "ステップ{0}"),
	"pos":     i18n.T("Step {0} of {1}", "ステップ{0}/{1}"),
	"cause":   i18n.T("Cause", "原因"),
	"fix":     i18n.T("Fix", "対処"),
	"source":  i18n.T("Source", "出典"),
	"nothing": i18n.T("Nothing to explain on this line.", "この行に説明はありません。"),
	"start":   i18n.T("Press → or Space to begin.", "→キーかSpaceキーで始めます。"),
	"keys": i18n.T("Keys: → Space next · ← back · PgDn PgUp step · Home End · L language. Click a line to explain it.",
		"キー: 「→」「Space」次へ、「←」戻る、「PgDn」「PgUp」ステップ単位、「Home」「End」最初と最後、「L」言語。行をクリックすると説明を表示します。"),
	"internet": i18n.T("internet", "インターネット"),
}

func htmlData(in *Input) *htmlTrace {
	d := &htmlTrace{Lang: string(in.Lang), Explain: map[string]htmlEntry{}, UI: htmlUI}
	if d.Lang == "" {
		d.Lang = string(i18n.EN)
	}
	if t := in.Topology; t != nil {
		d.ID, d.Title = t.ID, t.Title
		dropping := map[string]bool{}
		for i := range in.Events {
			if e := &in.Events[i]; e.Kind == trace.Drop {
				dropping[e.Router] = true
			}
		}
		routers := map[string]bool{}
		for _, h := range t.Hosts {
			ip := ""
			if h.IP.IsValid() {
				ip = h.IP.String()
			}
			d.Hosts = append(d.Hosts, htmlHost{Name: h.Name, IP: ip, Network: h.Network, Roles: strings.Join(h.Roles, " ")})
		}
		for _, n := range t.Networks {
			if n.Router != "" && dropping[n.Router] && !routers[n.Router] {
				routers[n.Router] = true
				d.Hosts = append(d.Hosts, htmlHost{Name: n.Router, Network: n.Name, Router: true})
			}
		}
	}
	lastCmd := map[int]string{} // per connection: the client's last verb, for ForReply
	for i := range in.Events {
		e := &in.Events[i]
		if e.Kind == trace.Step {
			d.Steps = append(d.Steps, htmlStep{Title: e.Text.Both()})
		}
		if e.Kind == trace.Narration && len(d.Steps) > 0 {
			d.Steps[len(d.Steps)-1].Narration = e.Text.Both()
		}
		h := htmlEvent{
			Step:  e.Step,
			Route: transcript.Route(e),
			Text:  i18n.T(transcript.Line(e, i18n.EN), transcript.Line(e, i18n.JA)),
			Class: htmlClass[transcript.ClassOf(e)],
			Proto: e.Proto.String(),
		}
		switch e.Kind {
		case trace.Step, trace.Narration, trace.Expect:
		default:
			h.Time = trace.FormatTime(e.At)
			h.From, h.To = e.Src.Host, e.Dst.Host
		}
		if e.Kind == trace.Drop {
			h.To = e.Router
		}
		var entries []explain.Entry
		if e.Kind == trace.Line && e.Dir == trace.ClientToServer {
			switch e.Tag.Kind {
			case trace.Command:
				lastCmd[e.Conn] = e.Tag.Verb
			case trace.MessageText:
				lastCmd[e.Conn] = smtp.TagDataLine // what explain.ForReply takes for message text
			}
			entries = explain.ForEvent(e)
		} else if e.Kind == trace.Line && lastCmd[e.Conn] != "" {
			entries = explain.ForReply(e, lastCmd[e.Conn])
		} else {
			entries = explain.ForEvent(e)
		}
		for _, en := range entries {
			h.Explain = append(h.Explain, en.Key)
			d.Explain[en.Key] = htmlEntry{Title: en.Title, Text: en.Text, Cause: en.Cause, Fix: en.Fix, OK: en.OK, Err: en.Err, RFC: en.RFC}
		}
		d.Events = append(d.Events, h)
	}
	return d
}
