package player

// helpOverlay draws every key in a box over the frame (?): the keys on the
// left, what they do on the right, wrapped to the box.
func (r *renderer) helpOverlay() {
	keys := allKeys(r.g)
	kw := 0
	for _, k := range keys {
		kw = max(kw, textWidth(k.keys))
	}
	bw := min(r.cw, 72)
	if bw < 20 || r.v.Height < 6 {
		return
	}
	inner := bw - 4
	kw = min(kw, inner/2)
	var rows []row
	for _, k := range keys {
		rows = r.textRowsW(rows, k.keys, kw+2, r.t(k.what), inner)
	}
	title := " " + r.t(lHelpTitle) + " " + r.g.dot + " " + r.t(lHelpClose) + " "
	maxRows := r.v.Height - 2
	if len(rows) > maxRows-2 {
		rows = rows[:max(maxRows-2, 0)]
	}
	x0 := r.mx + (r.cw-bw)/2
	y0 := max((r.v.Height-len(rows)-2)/2, 0)
	// The box: corners, edges, and a blank inside.
	r.c.put(x0, y0, r.g.tl, stBold)
	r.c.fill(x0+1, y0, bw-2, r.g.hline, stBold)
	r.c.put(x0+bw-1, y0, r.g.tr, stBold)
	r.c.put(x0+2, y0, truncate(title, bw-4, r.g.ellipsis), stBadge)
	for i := range rows {
		y := y0 + 1 + i
		r.c.put(x0, y, r.g.vline, stBold)
		r.c.fill(x0+1, y, bw-2, " ", stPlain)
		r.c.put(x0+bw-1, y, r.g.vline, stBold)
		rw := &rows[i]
		if rw.prefix != "" {
			r.c.put(x0+2, y, rw.prefix, stKey)
		}
		r.c.put(x0+2+rw.indent, y, rw.text, stPlain)
	}
	yb := y0 + 1 + len(rows)
	r.c.put(x0, yb, r.g.bl, stBold)
	r.c.fill(x0+1, yb, bw-2, r.g.hline, stBold)
	r.c.put(x0+bw-1, yb, r.g.br, stBold)
}

// textRowsW wraps text into rows of width w after a prefix column of
// width indent.
func (r *renderer) textRowsW(dst []row, prefix string, indent int, text string, w int) []row {
	prefix = truncate(clean(prefix), indent-1, "")
	for i, l := range wrap(nil, clean(text), max(w-indent, 4), true) {
		rw := row{text: l, indent: indent}
		if i == 0 {
			rw.prefix = prefix
		}
		dst = append(dst, rw)
	}
	return dst
}
