package export

import "io"

func HTML(w io.Writer, in *Input) error { return nil }
