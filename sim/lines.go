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

// next takes the next complete line from d, without its line end, and
// reports false when d holds no more complete line (what is left of a raw
// segment is kept for the next one).
func (r *lineReader) next(d *Data) (string, bool) {
	if len(d.Lines) > 0 && len(r.buf) == 0 && !r.over {
		line := d.Lines[0]
		d.Lines = d.Lines[1:]
		if len(line) > maxLine {
			line = line[:maxLine+1]
		}
		return line, true
	}
	if len(d.Lines) > 0 {
		// A line written whole after raw bytes that ended mid-line.
		r.add(d.Lines[0])
		d.Lines = d.Lines[1:]
		line := string(r.buf)
		r.buf, r.over = r.buf[:0], false
		return line, true
	}
	if len(d.Raw) > 0 {
		s := d.Raw
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			r.add(s)
			d.Raw = ""
			return "", false
		}
		var line string
		if len(r.buf) == 0 && !r.over {
			line = s[:i]
			if i > maxLine {
				line = line[:maxLine+1]
			}
		} else {
			r.add(s[:i])
			line = string(r.buf)
		}
		d.Raw = s[i+1:]
		if n := len(line); n > 0 && line[n-1] == '\r' && !r.over && n <= maxLine {
			line = line[:n-1]
		}
		r.buf, r.over = r.buf[:0], false
		return line, true
	}
	return "", false
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
