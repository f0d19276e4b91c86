// Package lesson holds mailsim's teaching layer: the guided lessons
// (lessons/NN-<id>.yaml), the question bank (lessons/questions/*.yaml) and
// the exam topics both are tagged with (lessons/topics.yaml). It loads and
// validates them strictly, every problem at file:line:column; it selects,
// shuffles, asks and grades quiz questions; it keeps the learner's progress
// in a JSON file written atomically; and it walks a learner through a
// lesson, resuming where they left off. cmd/mailsim's quiz and lesson
// commands are thin wrappers around it.
//
// The schema of a question is in ../../lessons/README.md. A "next"
// question ("what does the server answer?") names a bundled scenario and a
// client line; VerifyNext runs the scenario and checks the question against
// the engine's real trace.
package lesson
