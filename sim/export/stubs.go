package export

import "io"

func Markdown(w io.Writer, in *Input) error { return nil }
func HTML(w io.Writer, in *Input) error     { return nil }
