package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

func TestMermaidGolden(t *testing.T) {
	for _, id := range bundled(t) {
		t.Run(id, func(t *testing.T) {
			golden(t, "mermaid/"+id+".en.mmd", render(t, Mermaid, id, i18n.EN))
		})
	}
	golden(t, "mermaid/op25b.ja.mmd", render(t, Mermaid, "op25b", i18n.JA))
}

func TestMermaidText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"EHLO x", "EHLO x"},
		{"MAIL FROM:<a@b>", "MAIL FROM:#lt;a@b#gt;"},
		{"a; b # c & d", "a#59; b #35; c #amp; d"},
		{"\tby mail.isp.example", " by mail.isp.example"},
		{"", "#nbsp;"},
		{"送信(SMTP)", "送信(SMTP)"},
	}
	for _, tt := range tests {
		if got := mermaidText(tt.in); got != tt.want {
			t.Errorf("mermaidText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// GitHub renders a Mermaid block only up to Mermaid's default maxTextSize.
const mermaidMaxText = 50000

// mermaidStatement is every statement Mermaid() writes. A line that matches
// none of them is a mistake in the writer, whatever Mermaid would make of it.
var mermaidStatement = regexp.MustCompile(`^    (?:` +
	`title ` + mText +
	`|participant ([hr][0-9]+) as ` + mText +
	`|([hr][0-9]+)(->>|-->>|-\)|--\)|-x|--x)([hr][0-9]+): ` + mText +
	`|Note over ([hr][0-9]+)(?:,([hr][0-9]+))?: ` + mText + `(?:<br/>` + mText + `)*` +
	`)$`)

// mText is a Mermaid text as mermaidText writes it: no ";", "#", "<" or ">"
// except in entity codes.
const mText = `(?:[^;#<>\n]|#(?:[0-9]+|lt|gt|amp|nbsp);)+`

// entityCode is a Mermaid entity code as mermaidText writes them.
var entityCode = regexp.MustCompile(`#(?:[0-9]+|lt|gt|amp|nbsp);`)

// TestMermaidStructure checks the diagram of every scenario statement by
// statement: the grammar of the statements written, participants declared
// before use, no character that ends or breaks a Mermaid text, one arrow per
// protocol line and per dropped SYN, and a size GitHub renders. The real
// parser runs in TestMermaidCLI when mermaid-cli is installed.
func TestMermaidStructure(t *testing.T) {
	for _, id := range bundled(t) {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			in := run(t, id, lang)
			var buf bytes.Buffer
			if err := Mermaid(&buf, in); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if len(out) > mermaidMaxText {
				t.Errorf("%s: %d characters, more than GitHub renders (%d)", id, len(out), mermaidMaxText)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if lines[0] != "sequenceDiagram" {
				t.Fatalf("%s: first line %q", id, lines[0])
			}
			declared := map[string]bool{}
			arrows := 0
			for n, l := range lines[1:] {
				m := mermaidStatement.FindStringSubmatch(l)
				if m == nil {
					t.Errorf("%s.%s line %d is not a statement the writer should make: %q", id, lang, n+2, l)
					continue
				}
				if m[1] != "" {
					if declared[m[1]] {
						t.Errorf("%s: participant %s declared twice", id, m[1])
					}
					declared[m[1]] = true
				}
				for _, p := range []string{m[2], m[4], m[5], m[6]} {
					if p != "" && !declared[p] {
						t.Errorf("%s line %d: participant %s used before it is declared", id, n+2, p)
					}
				}
				if m[3] != "" {
					arrows++
				}
				if strings.Contains(entityCode.ReplaceAllString(l, ""), "#") {
					t.Errorf("%s line %d: a # that is not an entity code: %q", id, n+2, l)
				}
			}
			want := 0
			for i := range in.Events {
				switch in.Events[i].Kind {
				case trace.Line, trace.Connect, trace.Accept, trace.Ack, trace.Close, trace.Refused:
					want++
				}
			}
			if arrows != want {
				t.Errorf("%s: %d arrows, want one per line and TCP packet of the trace: %d", id, arrows, want)
			}
		}
	}
}

// TestMermaidCLI renders every bundled scenario's diagram with the real
// Mermaid (mermaid-cli, `mmdc`, which drives a headless Chromium) and fails
// on any parse or render error. Set MMDC to the mmdc binary when it is not
// on PATH; CHROMIUM (or a chromium on PATH) is the browser it drives.
func TestMermaidCLI(t *testing.T) {
	mmdc := os.Getenv("MMDC")
	if mmdc == "" {
		var err error
		if mmdc, err = exec.LookPath("mmdc"); err != nil {
			t.Skip("mermaid-cli is not installed (npm install @mermaid-js/mermaid-cli; set MMDC to its mmdc): the diagrams are checked by TestMermaidStructure only")
		}
	}
	dir := t.TempDir()
	// Every diagram in one Markdown file: one browser start for all.
	var md bytes.Buffer
	for _, id := range bundled(t) {
		md.WriteString("```mermaid\n")
		md.Write(render(t, Mermaid, id, i18n.EN))
		md.WriteString("```\n\n")
	}
	md.WriteString("```mermaid\n")
	md.Write(render(t, Mermaid, "op25b", i18n.JA))
	md.WriteString("```\n")
	input := filepath.Join(dir, "all.md")
	if err := os.WriteFile(input, md.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-q", "-i", input, "-o", filepath.Join(dir, "out.md")}
	if cfg := puppeteerConfig(t, dir); cfg != "" {
		args = append(args, "-p", cfg)
	}
	cmd := exec.Command(mmdc, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("mmdc rejects a diagram: %v\n%s", err, out)
	}
	svgs, _ := filepath.Glob(filepath.Join(dir, "out-*.svg"))
	if want := len(bundled(t)) + 1; len(svgs) != want {
		t.Errorf("mmdc wrote %d diagrams, want %d", len(svgs), want)
	}
	for _, s := range svgs {
		b, _ := os.ReadFile(s)
		if bytes.Contains(b, []byte("Syntax error")) {
			t.Errorf("%s shows a syntax error", s)
		}
	}
}

// puppeteerConfig writes the browser settings mmdc needs in a container:
// the system's Chromium, no sandbox (root), no network.
func puppeteerConfig(t *testing.T, dir string) string {
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				chromium = p
				break
			}
		}
	}
	if chromium == "" {
		return ""
	}
	cfg := filepath.Join(dir, "puppeteer.json")
	body := `{"executablePath": "` + chromium + `", "args": ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]}`
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}
