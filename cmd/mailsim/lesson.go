package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/lesson"
	"github.com/mailsim/mailsim/sim/player"
)

// lessonOptions are the flags of `mailsim lesson`.
type lessonOptions struct {
	restart bool
	predict bool
	seed    uint64
}

func newLessonCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	o := &lessonOptions{}
	cmd := &cobra.Command{
		Use:   "lesson [id]",
		Short: "Guided lessons: short texts, a scenario played inline, check questions",
		Long: `With no id, lesson lists the lessons in teaching order with your progress
(done, in progress, not started). With an id, it takes you through that
lesson: its goals, short sections of text, the scenarios that show what the
text says (animated on a terminal, the plain transcript otherwise), and
check questions at the end. Your place is saved after every section:
run the same command again to resume, or add --restart.

From a pipe, each empty line moves to the next section and each other line
answers a question, so a lesson can be read as a whole:
  yes '' | head -40 | mailsim lesson receiving`,
		Example: `  mailsim lesson
  mailsim lesson how-mail-travels --lang ja
  mailsim lesson op25b-submission --restart`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return lesson.LessonIDs, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLesson(ios, g, o, args)
		},
	}
	cmd.Flags().BoolVar(&o.restart, "restart", false, "start the lesson from the beginning")
	cmd.Flags().BoolVar(&o.predict, "predict", false, "on a terminal, guess each server reply of the lesson's scenarios before it is shown")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "shuffle the check questions' choices with this seed")
	return cmd
}

func runLesson(ios *IOStreams, g *globalOptions, o *lessonOptions, args []string) error {
	lang, err := g.language(ios)
	if err != nil {
		return err
	}
	lib, err := lesson.Bundled()
	if err != nil {
		return err
	}
	store := progressStore(ios)
	prog := store.Load()
	if len(args) == 0 {
		lib.WriteList(ios.Out, prog, lang)
		return nil
	}
	l, ok := lib.Lesson(args[0])
	if !ok {
		return badInput(errors.New(msg(lang,
			fmt.Sprintf("lesson: no lesson %q; the lessons are %s", args[0], strings.Join(lesson.LessonIDs, ", ")),
			fmt.Sprintf("lesson: レッスン「%s」はありません。レッスンは%sです", args[0], strings.Join(lesson.LessonIDs, "、")))))
	}
	in := answerInput(ios)
	defer in.Close()
	w := &lesson.Walk{Lib: lib, Lesson: l, Lang: lang, In: in, Out: ios.Out, Width: termWidth(ios),
		Progress: prog, Save: func() { store.save(prog) }, Seed: o.seed, Restart: o.restart,
		Play: func(id string) error {
			// The player needs the keyboard: close the line editor first.
			in.Close()
			return playInline(ios, in.kb, lang, id, o.predict)
		},
	}
	if o.restart {
		store.save(prog)
	}
	return w.Run()
}

// playInline plays a bundled scenario inside a lesson: the player, in step
// mode (with predict, asking for each server reply first), when play would
// animate; the plain transcript otherwise (see plainPlay): from a pipe the
// lesson's own answers come on the same input, so predict is for the
// terminal.
func playInline(ios *IOStreams, kb *keyboard, lang i18n.Lang, id string, predict bool) error {
	topo, events, err := loadTrace(id)
	if err != nil {
		return err
	}
	if kb == nil || plainPlay(ios, &playOptions{}) {
		return writePlain(ios.Out, topo, events, lang)
	}
	p := player.New(topo, events, player.Config{Lang: lang, Color: true, Speed: 100, Explain: explainEvent, Predict: predict})
	return kb.play(ios.InFile, ios.OutFile, p)
}
