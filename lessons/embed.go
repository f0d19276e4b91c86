// Package lessons holds mailsim's bundled lessons, the exam topics they are
// tagged with and the question bank, compiled into the binary so that
// `mailsim lesson` and `mailsim quiz` work from any directory. sim/lesson
// reads them.
package lessons

import "embed"

// FS holds topics.yaml, every lesson as NN-<id>.yaml and the question bank
// as questions/*.yaml.
//
//go:embed *.yaml questions/*.yaml
var FS embed.FS
