package sim

import "strings"

// maxLine bounds what a reader keeps of one line: longer lines are cut
// there (the rest up to the line's end is discarded) and handed on cut,
// so that a protocol core still sees that the line was too long (RFC 5321
// 4.5.3.1, RFC 1939 4) and memory stays bounded whatever a peer sends.
const maxLine = 16 << 10

// lineReader splits a byte stream into lines. CRLF ends a line, and so
// does a bare LF, as real servers accept it. A line that arrives whole in
// one segment is a substring of it: no copy.
type lineReader struct {
	buf  []byte // a line begun in an earlier segment
	over bool   // the line being read passed maxLine: discard to its end
}

// feed adds p and calls fn for every complete line, without its line end.
func (r *lineReader) feed(p string, fn func(line string)) {
	for len(p) > 0 {
		i := strings.IndexByte(p, '\n')
		if i < 0 {
			r.add(p)
			return
		}
		var line string
		if len(r.buf) == 0 && !r.over {
			line = p[:i]
			if i > maxLine {
				line = line[:maxLine+1]
			}
		} else {
			r.add(p[:i])
			line = string(r.buf)
		}
		p = p[i+1:]
		if n := len(line); n > 0 && line[n-1] == '\r' && !r.over && n <= maxLine {
			line = line[:n-1]
		}
		r.buf, r.over = r.buf[:0], false
		fn(line)
	}
}

func (r *lineReader) add(p string) {
	if r.over {
		return
	}
	if room := maxLine + 1 - len(r.buf); len(p) > room {
		p, r.over = p[:room], true
	}
	r.buf = append(r.buf, p...)
}
