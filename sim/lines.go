package sim

// maxLine bounds what a reader keeps of one line: longer lines are cut
// there (the rest up to the line's end is discarded) and handed on cut,
// so that a protocol core still sees that the line was too long (RFC 5321
// 4.5.3.1, RFC 1939 4) and memory stays bounded whatever a peer sends.
const maxLine = 16 << 10

// lineReader splits a byte stream into lines. CRLF ends a line, and so
// does a bare LF, as real servers accept it.
type lineReader struct {
	buf  []byte
	over bool // the line being read passed maxLine: discard to its end
}

// feed adds p and calls fn for every complete line, without its line end.
func (r *lineReader) feed(p []byte, fn func(line string)) {
	for len(p) > 0 {
		i := indexLF(p)
		if i < 0 {
			r.add(p)
			return
		}
		r.add(p[:i])
		p = p[i+1:]
		b := r.buf
		if n := len(b); n > 0 && b[n-1] == '\r' && !r.over {
			b = b[:n-1]
		}
		line := string(b)
		r.buf, r.over = r.buf[:0], false
		fn(line)
	}
}

func (r *lineReader) add(p []byte) {
	if r.over {
		return
	}
	if room := maxLine + 1 - len(r.buf); len(p) > room {
		p, r.over = p[:room], true
	}
	r.buf = append(r.buf, p...)
}

func indexLF(p []byte) int {
	for i, c := range p {
		if c == '\n' {
			return i
		}
	}
	return -1
}
