package export

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/websocket"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// TestHTMLSelfContained checks what the page may load: nothing. No src or
// href attribute, no url(), no @import, no fetch, and a CSP that forbids
// any other source; and the embedded data cannot close its script element.
func TestHTMLSelfContained(t *testing.T) {
	for _, id := range bundled(t) {
		page := string(render(t, HTML, id, i18n.EN))
		for _, bad := range []string{"src=", "href=", "url(", "@import", "fetch(", "XMLHttpRequest", "http://", "https://"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: the page contains %q: it must need nothing outside the file", id, bad)
			}
		}
		if !strings.Contains(page, `content="default-src 'none';`) {
			t.Errorf("%s: no Content-Security-Policy forbidding other sources", id)
		}
		start := strings.Index(page, `<script type="application/json" id="trace">`)
		end := strings.Index(page[start:], "</script>")
		data := page[start+len(`<script type="application/json" id="trace">`) : start+end]
		var v htmlTrace
		if err := json.Unmarshal([]byte(data), &v); err != nil {
			t.Fatalf("%s: the embedded trace is not JSON up to the first </script>: %v", id, err)
		}
		in := run(t, id, i18n.EN)
		if len(v.Events) != len(in.Events) {
			t.Errorf("%s: page has %d events, trace %d", id, len(v.Events), len(in.Events))
		}
		if !bytes.Equal(render(t, HTML, id, i18n.EN), []byte(page)) {
			t.Errorf("%s: two exports differ", id)
		}
	}
	golden(t, "html/basic-delivery.en.html", render(t, HTML, "basic-delivery", i18n.EN))
}

// TestHTMLChromium opens the page in headless Chromium and drives it with
// key presses through the DevTools protocol (over loopback): it steps
// through op25b, checks the cursor, the dialogue, the path and the
// explanation, switches to Japanese, jumps by steps and to the end, checks
// that the page loaded nothing, and takes screenshots. Set
// MAILSIM_SCREENSHOTS to a directory to keep them.
func TestHTMLChromium(t *testing.T) {
	browser := os.Getenv("CHROMIUM")
	if browser == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				browser = p
				break
			}
		}
	}
	if browser == "" {
		t.Skip("Chromium is not installed (Debian: apt-get install chromium); the page is checked by TestHTMLSelfContained only")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "op25b.html")
	if err := os.WriteFile(page, render(t, HTML, "op25b", i18n.EN), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startChromium(t, browser)
	c.call("Page.enable", nil)
	c.call("Page.navigate", map[string]any{"url": "file://" + page})
	c.waitFor(`document.readyState === "complete" && document.getElementById("pos").textContent !== ""`)

	// Every position below is found in the trace, so that a change to the
	// scenario moves the expectations with it.
	in := run(t, "op25b", i18n.EN)
	n, steps := len(in.Events), len(in.Topology.Steps)
	pos := func(cur int) string {
		step := 1
		if cur > 0 {
			step = in.Events[cur-1].Step + 1
		}
		return fmt.Sprintf("Step %d of %d · %d/%d", step, steps, cur, n)
	}
	find := func(ok func(e *trace.Event) bool) int {
		for i := range in.Events {
			if ok(&in.Events[i]) {
				return i
			}
		}
		t.Fatal("op25b no longer has the event this test walks to")
		return 0
	}
	drop := find(func(e *trace.Event) bool { return e.Kind == trace.Drop })
	refusal := find(func(e *trace.Event) bool { return e.Kind == trace.Line && e.Tag.Code == 554 })
	narration := find(func(e *trace.Event) bool { return e.Kind == trace.Narration })

	text := func(id string) string { return c.eval(`document.getElementById("` + id + `").innerText`) }
	if got := text("pos"); got != pos(0) {
		t.Errorf("before the first key: pos = %q, want %q", got, pos(0))
	}
	// Up to the first narration, then on with Space to the first drop.
	for range narration + 1 {
		c.keys("ArrowRight")
	}
	if got, want := text("narration"), in.Events[narration].Text.In(i18n.EN); got != want {
		t.Errorf("narration = %q, want %q", got, want)
	}
	for range drop - narration {
		c.keys(" ")
	}
	if got := text("pos"); got != pos(drop+1) {
		t.Errorf("on the drop: pos = %q, want %q", got, pos(drop+1))
	}
	d := &in.Events[drop]
	if got, want := text("hop"), d.Src.Host+" → "+d.Router+" ✕"; got != want {
		t.Errorf("hop of the dropped SYN = %q, want %q", got, want)
	}
	if got := c.eval(`document.querySelector(".host.blocked b").textContent`); got != d.Router {
		t.Errorf("blocked box = %q, want %s", got, d.Router)
	}
	if got := text("explain"); !strings.Contains(got, "TCP drop") || !strings.Contains(got, "operational practice") {
		t.Errorf("explanation of the drop = %q", got)
	}
	c.screenshot(t, "op25b-drop.en.png")
	// Back one: the SYN itself.
	c.keys("ArrowLeft")
	if got := c.eval(`document.querySelector("#dialogue .cur").innerText`); !strings.Contains(got, "TCP  SYN") {
		t.Errorf("current line after Back = %q", got)
	}
	// PageDown to the step of the relay refusal, then line by line to it.
	r := &in.Events[refusal]
	for range r.Step - in.Events[drop-1].Step {
		c.keys("PageDown")
	}
	stepStart := find(func(e *trace.Event) bool { return e.Kind == trace.Step && e.Step == r.Step })
	if got, want := text("step-title"), fmt.Sprintf("Step %d: %s", r.Step+1, in.Events[stepStart].Text.In(i18n.EN)); got != want {
		t.Errorf("step title after PageDown = %q, want %q", got, want)
	}
	for range refusal - stepStart {
		c.keys("ArrowRight")
	}
	if got := c.eval(`document.querySelector("#dialogue .cur").innerText`); !strings.Contains(got, r.Line) {
		t.Errorf("the cursor is on %q, want the 554", got)
	}
	ex := text("explain")
	if !strings.Contains(ex, "Relay access denied") || !strings.Contains(ex, "Fix:") {
		t.Errorf("explanation of 554 = %q", ex)
	}
	if got, want := c.eval(`document.querySelector(".host.from b").textContent + " " + document.querySelector(".host.to b").textContent`), r.Src.Host+" "+r.Dst.Host; got != want {
		t.Errorf("lit hosts = %q, want %q", got, want)
	}
	c.screenshot(t, "op25b-554.en.png")
	// The language switch changes every text, the data stays where it is.
	c.keys("l")
	if got := c.eval(`document.documentElement.lang`); got != "ja" {
		t.Errorf("html lang after L = %q", got)
	}
	if got, want := text("step-title"), fmt.Sprintf("ステップ%d: %s", r.Step+1, in.Events[stepStart].Text.In(i18n.JA)); got != want {
		t.Errorf("Japanese step title = %q, want %q", got, want)
	}
	if got := text("explain"); !strings.Contains(got, "対処") {
		t.Errorf("Japanese explanation = %q", got)
	}
	c.screenshot(t, "op25b-554.ja.png")
	c.keys("L", "End")
	if got := text("pos"); got != pos(n) {
		t.Errorf("after End: pos = %q, want %q", got, pos(n))
	}
	c.keys("ArrowRight")
	if got := text("pos"); got != pos(n) {
		t.Errorf("Next at the end moved the cursor: pos = %q", got)
	}
	c.keys("Home")
	if got := text("pos"); got != pos(0) {
		t.Errorf("after Home: pos = %q", got)
	}
	// Clicking a line explains it without moving playback.
	c.keys("End")
	c.eval(`document.querySelector('#dialogue .line[data-i="40"]').click(), ""`)
	if got := text("pos"); got != pos(n) {
		t.Errorf("a click moved playback: pos = %q", got)
	}
	if got, want := c.eval(`document.querySelector("#explain .line").innerText`), transcript.Line(&in.Events[40], i18n.EN); got != want {
		t.Errorf("explanation after clicking line 40 is headed %q, want %q", got, want)
	}
	if got := c.eval(`String(performance.getEntriesByType("resource").length)`); got != "0" {
		t.Errorf("the page loaded %s resources; it must load none", got)
	}
	// A phone: one column, the buttons work as the keys do.
	c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true})
	c.keys("Home")
	c.eval(fmt.Sprintf(`for (let i = 0; i < %d; i++) document.getElementById("next").click(); ""`, drop+1))
	if got := text("pos"); got != pos(drop+1) {
		t.Errorf("after %d taps on Next: pos = %q, want %q", drop+1, got, pos(drop+1))
	}
	c.screenshot(t, "op25b-phone.en.png")
}

// cdp is a minimal Chrome DevTools Protocol client over one page's
// WebSocket: enough to navigate, press keys, evaluate and take screenshots.
type cdp struct {
	t  *testing.T
	ws *websocket.Conn
	id int
}

// startChromium starts a headless Chromium with remote debugging on a free
// loopback port and connects to its page.
func startChromium(t *testing.T, browser string) *cdp {
	t.Helper()
	// The profile lives outside t.TempDir: Chromium's helper processes may
	// still be writing to it after the browser is killed, and a failed
	// RemoveAll of a TempDir fails the test.
	profile, err := os.MkdirTemp("", "mailsim-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(profile) })
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--no-default-browser-check", "--remote-debugging-address=127.0.0.1",
		"--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir="+profile,
		"--window-size=1280,900", "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	// Chromium says where it listens on its standard error.
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`DevTools listening on ws://(127\.0\.0\.1:[0-9]+)/`)
		sent := false
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil && !sent {
				listening <- m[1]
				sent = true
			}
		}
		if !sent {
			close(listening)
		}
	}()
	var addr string
	select {
	case a, ok := <-listening:
		if !ok {
			t.Fatal("Chromium exited without opening its DevTools port")
		}
		addr = a
	case <-time.After(2 * time.Minute): // a loaded machine starts a browser slowly; this only stops a hang
		t.Fatal("Chromium did not open its DevTools port")
	}
	resp, err := http.Get("http://" + addr + "/json/list")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var targets []struct{ Type, WebSocketDebuggerURL string }
	if err := json.NewDecoder(resp.Body).Decode(&targets); err != nil {
		t.Fatal(err)
	}
	for _, tg := range targets {
		if tg.Type == "page" {
			ws, err := websocket.Dial(tg.WebSocketDebuggerURL, "", "http://127.0.0.1/")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ws.Close() })
			return &cdp{t: t, ws: ws}
		}
	}
	t.Fatal("Chromium has no page")
	return nil
}

// call sends one command and returns its result, skipping the events that
// arrive in between.
func (c *cdp) call(method string, params any) json.RawMessage {
	c.t.Helper()
	c.id++
	if err := websocket.JSON.Send(c.ws, map[string]any{"id": c.id, "method": method, "params": params}); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	for {
		var msg struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct{ Message string }
		}
		if err := websocket.JSON.Receive(c.ws, &msg); err != nil {
			if err == io.EOF {
				c.t.Fatalf("%s: Chromium closed the connection", method)
			}
			c.t.Fatalf("%s: %v", method, err)
		}
		if msg.ID != c.id {
			continue
		}
		if msg.Error != nil {
			c.t.Fatalf("%s: %s", method, msg.Error.Message)
		}
		return msg.Result
	}
}

// eval evaluates a JavaScript expression in the page and returns its
// value as a string.
func (c *cdp) eval(expr string) string {
	c.t.Helper()
	var r struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct{ Text string } `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(c.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}), &r); err != nil {
		c.t.Fatal(err)
	}
	if r.ExceptionDetails != nil {
		c.t.Fatalf("%s: %s", expr, r.ExceptionDetails.Text)
	}
	return fmt.Sprint(r.Result.Value)
}

// waitFor polls a condition in the page until it holds.
func (c *cdp) waitFor(cond string) {
	c.t.Helper()
	for range 600 {
		if c.eval("String(Boolean("+cond+"))") == "true" {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	c.t.Fatalf("the page never got to %s", cond)
}

// keyCodes are the Windows virtual key codes Chromium wants with each key.
var keyCodes = map[string]int{
	"ArrowRight": 39, "ArrowLeft": 37, "PageDown": 34, "PageUp": 33, "Home": 36, "End": 35,
	" ": 32, "l": 76, "L": 76,
}

// keys presses each key in turn, as a keyboard would: keyDown with its
// text (for printable keys), then keyUp.
func (c *cdp) keys(keys ...string) {
	c.t.Helper()
	for _, k := range keys {
		down := map[string]any{"type": "rawKeyDown", "key": k, "windowsVirtualKeyCode": keyCodes[k]}
		if len([]rune(k)) == 1 {
			down["type"] = "keyDown"
			down["text"] = k
		}
		c.call("Input.dispatchKeyEvent", down)
		c.call("Input.dispatchKeyEvent", map[string]any{"type": "keyUp", "key": k, "windowsVirtualKeyCode": keyCodes[k]})
	}
}

// screenshot captures the page, checks that it shows the path with its
// highlight colours, and keeps it in $MAILSIM_SCREENSHOTS if set.
func (c *cdp) screenshot(t *testing.T, name string) {
	t.Helper()
	var r struct{ Data string }
	if err := json.Unmarshal(c.call("Page.captureScreenshot", map[string]any{"format": "png"}), &r); err != nil {
		t.Fatal(err)
	}
	b, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// The sending host is yellow (#ffd54f); the receiving one is blue
	// (#90caf9) or, for a drop, the router is red (#e53935).
	if !hasColour(img, color.RGBA{0xff, 0xd5, 0x4f, 0xff}) {
		t.Errorf("%s: no highlighted sending host in the screenshot", name)
	}
	if !hasColour(img, color.RGBA{0x90, 0xca, 0xf9, 0xff}) && !hasColour(img, color.RGBA{0xe5, 0x39, 0x35, 0xff}) {
		t.Errorf("%s: no highlighted receiving host or router in the screenshot", name)
	}
	if d := os.Getenv("MAILSIM_SCREENSHOTS"); d != "" {
		if err := os.WriteFile(filepath.Join(d, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hasColour reports whether at least 200 pixels of img are exactly c (a
// box, not a stray anti-aliased pixel).
func hasColour(img image.Image, c color.RGBA) bool {
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == c.R && uint8(g>>8) == c.G && uint8(b>>8) == c.B {
				if n++; n >= 200 {
					return true
				}
			}
		}
	}
	return false
}
