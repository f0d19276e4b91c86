package export

import "io"

const (
	SchemaName    = "mailsim-trace"
	SchemaVersion = 1
)

func JSON(w io.Writer, in *Input) error     { return nil }
func Mermaid(w io.Writer, in *Input) error  { return nil }
func Markdown(w io.Writer, in *Input) error { return nil }
func HTML(w io.Writer, in *Input) error     { return nil }
