package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mailsim/mailsim/sim/campaign"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/transcript"
)

// variant is one setting of a comparison and the scenario it runs; own
// when every switch it turns is set as the file has it already, so that
// it runs the scenario as written: only such a variant's expectations are
// checked, for a changed setting is an experiment, not the lesson.
type variant struct {
	label string
	sc    *scenario.Scenario
	own   bool
}

// variants parses --compare key=a,b (repeatable: every combination runs)
// into the scenarios to run, in the order the values were given. A switch
// that changes nothing in sc is run all the same, with a warning on warn:
// its columns would otherwise look like a finding.
func variants(sc *scenario.Scenario, compares []string, lang i18n.Lang, warn io.Writer) ([]variant, error) {
	out := []variant{{"", sc, true}}
	for _, c := range compares {
		key, vals, ok := strings.Cut(c, "=")
		if !ok || vals == "" {
			return nil, errors.New(msg(lang,
				fmt.Sprintf("--compare %q: write key=value,value such as op25b=off,on; the switches are %s", c, switchList()),
				fmt.Sprintf("--compare %q: 「op25b=off,on」のように「キー=値,値」と書いてください。切り替えられるのは%sです", c, switchList())))
		}
		if _, known := scenario.Switches[key]; known && !sc.Turns(key) {
			fmt.Fprintln(warn, "mailsim: "+msg(lang,
				fmt.Sprintf("--compare %s: %s has %s, so every value of %s runs the same world", c, sc.ID, noTurn(key, i18n.EN), key),
				fmt.Sprintf("「--compare %s」: %sには%sので、「%s」のどの値でも同じ世界を実行します", c, sc.ID, noTurn(key, i18n.JA), key)))
		}
		var next []variant
		for _, v := range out {
			for _, val := range strings.Split(vals, ",") {
				s, err := v.sc.With(key, val)
				if err != nil {
					return nil, errors.New(msg(lang, "--compare: "+err.Error(),
						fmt.Sprintf("--compare: %s=%sは指定できません。切り替えられるのは%sです", key, val, switchList())))
				}
				label := key + "=" + val
				if v.label != "" {
					label = v.label + " " + label
				}
				next = append(next, variant{label, s, v.own && sc.Has(key, val)})
			}
		}
		out = next
	}
	return out, nil
}

// noTurn says what a scenario lacks for switch key to change anything.
func noTurn(key string, lang i18n.Lang) string {
	if key == "op25b" {
		return msg(lang, "no dynamic network", "動的IPアドレスのネットワークがない")
	}
	return msg(lang, "no server that relays for anyone", "誰からのメールでも中継するサーバがない")
}

func switchList() string {
	var parts []string
	for _, k := range scenario.SwitchKeys() {
		parts = append(parts, k+"="+strings.Join(scenario.Switches[k], ","))
	}
	return strings.Join(parts, ", ")
}

// summarise runs sc in summary mode into a campaign.Summary, showing
// progress on stderr when it is a terminal.
func summarise(ios *IOStreams, sc *scenario.Scenario, label string) (*campaign.Summary, *scenario.Report, error) {
	w, err := sc.Build(nil)
	if err != nil {
		return nil, nil, err
	}
	topo := sc.Topology(w)
	sum := campaign.New(&topo)
	var bar *progressBar
	if ios.ErrIsTerminal && sc.Attempts() > 0 {
		name := sc.ID
		if label != "" {
			name += " " + label
		}
		bar = &progressBar{w: ios.ErrOut, name: name}
	}
	opts := scenario.RunOptions{Summary: true}
	if bar != nil {
		opts.Progress = bar.update
	}
	rep, err := scenario.RunWith(sc, sum, opts)
	if bar != nil {
		bar.clear()
	}
	if err != nil {
		return nil, nil, err
	}
	return sum, rep, nil
}

// runCampaign runs one scenario summarised: with --compare, once per
// setting and a table side by side; otherwise the transcript of the
// sample, then the counters. It returns the expectations missed.
func runCampaign(ios *IOStreams, opts *runOptions, sc *scenario.Scenario, color bool) (int, error) {
	vs, err := variants(sc, opts.compare, opts.lang, ios.ErrOut)
	if err != nil {
		return 0, badInput(err)
	}
	missed := 0
	var runs []campaign.Run
	var last, own *scenario.Report
	ownRun := -1
	for i, v := range vs {
		sum, rep, err := summarise(ios, v.sc, v.label)
		if err != nil {
			return 0, badInput(err)
		}
		if v.own && own == nil {
			missed += rep.Missed
			own, ownRun = rep, i
		}
		runs = append(runs, campaign.Run{Setting: v.label, Summary: sum})
		last = rep
	}
	if opts.format == "json" {
		reports := make([]campaign.Report, len(runs))
		for i, r := range runs {
			reports[i] = r.Summary.JSON(r.Setting)
			if i == ownRun {
				reports[i].Expectations = &campaign.Expectations{Checked: own.Checks, Missed: own.Missed}
			}
		}
		return missed, campaign.WriteJSON(ios.Out, sc.ID, reports)
	}
	if len(opts.compare) > 0 {
		fmt.Fprintln(ios.Out, titleLine(&last.Topology, opts.lang))
		fmt.Fprintln(ios.Out)
		if err := campaign.WriteComparison(ios.Out, opts.lang, runs); err != nil {
			return 0, err
		}
		fmt.Fprintln(ios.Out)
		if own == nil {
			fmt.Fprintln(ios.Out, msg(opts.lang,
				sc.ID+": expectations not checked: every setting compared differs from the file's",
				sc.ID+": 比較した設定はどれもファイルの設定と異なるため、確認項目は確認していません"))
			return 0, nil
		}
		fmt.Fprintln(ios.Out, resultLine(own, opts.lang))
		fmt.Fprintln(ios.Out, msg(opts.lang,
			"(expectations are checked under "+vs[ownRun].label+" only: the setting the file has)",
			"(確認項目はファイルどおりの設定"+vs[ownRun].label+"でのみ確認しています)"))
		return missed, nil
	}
	sum := runs[0].Summary
	sample := sum.Sample()
	topo := campaign.SampleTopology(last.Topology, sample)
	tw := transcript.New(ios.Out, opts.lang, sample)
	if color {
		tw.Paint = transcriptPaint()
	}
	if err := writeTranscript(ios.Out, tw, &topo, sample, opts.lang); err != nil {
		return 0, err
	}
	fmt.Fprintln(ios.Out)
	fmt.Fprintln(ios.Out, msg(opts.lang,
		"== Counted over the whole run (the transcript above shows a sample of the sessions) ==",
		"== 実行全体の集計(上の記録はセッションの一部を抜き出したもの) =="))
	if err := campaign.WriteBreakdown(ios.Out, opts.lang, sum); err != nil {
		return 0, err
	}
	fmt.Fprintln(ios.Out)
	fmt.Fprintln(ios.Out, resultLine(last, opts.lang))
	return missed, nil
}

// progressBar draws how many attempts of a campaign have started, on one
// line of a terminal: only made when stderr is one.
type progressBar struct {
	w    io.Writer
	name string
	last int
}

const barWidth = 30

func (p *progressBar) update(done, total int) {
	pct := done * 100 / max(total, 1)
	if pct == p.last && done != total {
		return
	}
	p.last = pct
	filled := barWidth * done / max(total, 1)
	fmt.Fprintf(p.w, "\r%s [%s%s] %3d%% %d/%d", p.name, strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), pct, done, total)
}

func (p *progressBar) clear() { fmt.Fprint(p.w, "\r\x1b[K") }
