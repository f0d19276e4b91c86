package campaign

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Column is one column of a table of counters: a heading (a setting such
// as "op25b=off", or a network's name) and its counters.
type Column struct {
	Heading string
	Counts  Counts
}

// WriteTable writes counters as an aligned text table, one row per outcome
// and one column per entry of cols; rows that are zero in every column are
// left out, except the sessions and the deliveries, which a reader looks
// for. Widths count East Asian wide characters double, so Japanese
// headings line up.
func WriteTable(w io.Writer, lang i18n.Lang, corner string, cols []Column) error {
	rows := outcomeRows(lang, [][]string{append([]string{corner}, headings(cols)...)}, cols, nil)
	return writeRows(w, rows)
}

// outcomeRows appends to rows one row per outcome, one cell per entry of
// cols; rows that are zero in every column are left out, except the
// sessions and the deliveries, which a reader looks for, and so are the
// outcomes skip (if not nil) says the columns never count.
func outcomeRows(lang i18n.Lang, rows [][]string, cols []Column, skip func(Outcome) bool) [][]string {
	for o := range NumOutcomes {
		if skip != nil && skip(o) {
			continue
		}
		zero := true
		for _, c := range cols {
			zero = zero && c.Counts[o] == 0
		}
		if zero && o != Sessions && o != Delivered {
			continue
		}
		row := []string{o.Text().In(lang)}
		for _, c := range cols {
			row = append(row, Group(c.Counts[o]))
		}
		rows = append(rows, row)
	}
	return rows
}

func headings(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Heading
	}
	return out
}

// writeRows writes rows with the first column left-aligned and the rest
// right-aligned, two spaces apart, and a rule under the first row.
func writeRows(w io.Writer, rows [][]string) error {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	var b strings.Builder
	for n, r := range rows {
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-runewidth.StringWidth(c))
			switch {
			case i == 0:
				b.WriteString(c + pad)
			default:
				b.WriteString("  " + pad + c)
			}
		}
		b.WriteString("\n")
		if n == 0 {
			total := 0
			for i := range len(r) {
				total += widths[i]
			}
			b.WriteString(strings.Repeat("-", total+2*(len(r)-1)) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Group writes n with thousands separators: 1,000,000.
func Group(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return "-" + Group(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// WriteBreakdown writes what a summary counted: the totals, then per
// network of the client and per server (those with anything counted), then
// over virtual time, one line per bucket.
func WriteBreakdown(w io.Writer, lang i18n.Lang, s *Summary) error {
	tr := func(en, ja string) string { return i18n.T(en, ja).In(lang) }
	fmt.Fprintln(w, tr("Totals", "合計"))
	if err := WriteTable(w, lang, "", []Column{{tr("count", "件数"), s.Total()}}); err != nil {
		return err
	}
	if nets := s.ByNetwork(); len(nets) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, tr("Per network of the client", "送信元のネットワーク別"))
		var cols []Column
		for _, name := range slices.Sorted(maps.Keys(nets)) {
			h := name
			if h == "" {
				h = tr("(internet)", "(インターネット)")
			}
			cols = append(cols, Column{h, nets[name]})
		}
		// Deliveries, queued messages and bounces happen at a server,
		// often after a relay: they have no client network, and a row of
		// zeros would say that nothing from these networks arrived.
		atServer := func(o Outcome) bool { return o == Delivered || o == Queued || o == Bounced }
		rows := outcomeRows(lang, [][]string{append([]string{""}, headings(cols)...)}, cols, atServer)
		if err := writeRows(w, rows); err != nil {
			return err
		}
		fmt.Fprintln(w, tr("(messages delivered, queued and bounced are counted per server, below)",
			"(配送、キュー投入、バウンスメールの件数は、下のサーバ別の表に示します)"))
	}
	if servers := s.ByServer(); len(servers) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, tr("Per server", "サーバ別"))
		var cols []Column
		for _, name := range slices.Sorted(maps.Keys(servers)) {
			cols = append(cols, Column{name, servers[name]})
		}
		if err := WriteTable(w, lang, "", cols); err != nil {
			return err
		}
	}
	if bs := s.Buckets(); len(bs) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, tr("Over virtual time", "仮想時間の経過"))
		rows := [][]string{{tr("from", "開始"), tr("to", "終了"), tr("sessions", "セッション"), tr("blocked", "遮断"),
			tr("relay denied", "中継拒否"), tr("delivered", "配送")}}
		for _, b := range bs {
			rows = append(rows, []string{trace.FormatTime(b.Start), trace.FormatTime(b.End),
				Group(b.Counts[Sessions]), Group(b.Counts[Blocked]), Group(b.Counts[RelayDenied]), Group(b.Counts[Delivered])})
		}
		if err := writeRows(w, rows); err != nil {
			return err
		}
	}
	return nil
}

// Report is a summary as JSON shows it: counters keyed by outcome name.
type Report struct {
	Setting   string                      `json:"setting,omitempty"`
	Total     map[string]int64            `json:"total"`
	ByNetwork map[string]map[string]int64 `json:"by_network"`
	ByServer  map[string]map[string]int64 `json:"by_server"`
	Buckets   []BucketReport              `json:"buckets"`
	// Expectations is how the scenario's expectations fared in this run;
	// nil when they were not checked (a setting other than the file's).
	Expectations *Expectations `json:"expectations,omitempty"`
}

// Expectations counts the expectations a run checked and those it missed.
type Expectations struct {
	Checked int `json:"checked"`
	Missed  int `json:"missed"`
}

// BucketReport is one time bucket in JSON, its bounds in seconds of
// virtual time.
type BucketReport struct {
	From   float64          `json:"from_s"`
	To     float64          `json:"to_s"`
	Counts map[string]int64 `json:"counts"`
}

// JSON returns the summary as a Report.
func (s *Summary) JSON(setting string) Report {
	r := Report{Setting: setting, Total: named(s.total.Counts), ByNetwork: map[string]map[string]int64{}, ByServer: map[string]map[string]int64{}}
	for k, c := range s.byNetwork {
		r.ByNetwork[k] = named(*c)
	}
	for k, c := range s.byServer {
		r.ByServer[k] = named(*c)
	}
	for _, b := range s.Buckets() {
		r.Buckets = append(r.Buckets, BucketReport{b.Start.Seconds(), b.End.Seconds(), named(b.Counts)})
	}
	return r
}

func named(c Counts) map[string]int64 {
	m := make(map[string]int64, NumOutcomes)
	for o := range NumOutcomes {
		m[o.String()] = c[o]
	}
	return m
}

// WriteJSON writes reports as one indented JSON document: an object with
// the scenario's id and a list of runs.
func WriteJSON(w io.Writer, id string, runs []Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		ID   string   `json:"id"`
		Runs []Report `json:"runs"`
	}{id, runs})
}

// Run is one run of a comparison: the setting it ran under and what it
// counted.
type Run struct {
	Setting string
	Summary *Summary
}

// WriteComparison writes the totals of each run side by side, then, per
// server, the messages delivered there and queued there for relay: how
// much spam reached the victims' MX, and how much an open relay carried.
func WriteComparison(w io.Writer, lang i18n.Lang, runs []Run) error {
	cols := make([]Column, len(runs))
	servers := map[string]bool{}
	for i, r := range runs {
		cols[i] = Column{r.Setting, r.Summary.Total()}
		for name, c := range r.Summary.ByServer() {
			if c[Delivered] > 0 || c[Queued] > 0 {
				servers[name] = true
			}
		}
	}
	rows := outcomeRows(lang, [][]string{append([]string{""}, headings(cols)...)}, cols, nil)
	for _, name := range slices.Sorted(maps.Keys(servers)) {
		for _, o := range []Outcome{Delivered, Queued} {
			row := []string{i18n.T("  "+o.String()+" at "+name, "  "+name+"で"+map[Outcome]string{Delivered: "配送", Queued: "キューに入る"}[o]).In(lang)}
			zero := true
			for _, r := range runs {
				c := r.Summary.ByServer()[name]
				zero = zero && c[o] == 0
				row = append(row, Group(c[o]))
			}
			if !zero {
				rows = append(rows, row)
			}
		}
	}
	return writeRows(w, rows)
}
