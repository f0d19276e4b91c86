package export

import "io"

func Mermaid(w io.Writer, in *Input) error  { return nil }
func Markdown(w io.Writer, in *Input) error { return nil }
func HTML(w io.Writer, in *Input) error     { return nil }
