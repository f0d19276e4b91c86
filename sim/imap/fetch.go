package imap

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/mailstore"
)

// The commands on messages of the selected mailbox: FETCH, STORE and
// their UID forms (RFC 9051 6.4.5, 6.4.6, 6.4.9).

func (s *Server) fetchSeq(tag string, a []value) Result { return s.fetch(tag, a, false) }
func (s *Server) fetchUID(tag string, a []value) Result { return s.fetch(tag, a, true) }
func (s *Server) storeSeq(tag string, a []value) Result { return s.store(tag, a, false) }
func (s *Server) storeUID(tag string, a []value) Result { return s.store(tag, a, true) }

// fetchItem is one data item a FETCH asks for.
type fetchItem struct {
	name    string // as the response names it: FLAGS, UID, RFC822.SIZE, BODY[], BODY[HEADER], BODY[TEXT], RFC822
	body    bool   // returns message text as a literal
	section string // "", "HEADER" or "TEXT"
	peek    bool   // BODY.PEEK[...]: does not set \Seen
}

// parseItems reads the FETCH items: one item or a parenthesized list.
func parseItems(v value) ([]fetchItem, bool) {
	var vals []value
	switch v.kind {
	case vAtom:
		vals = []value{v}
	case vList:
		vals = v.list
	default:
		return nil, false
	}
	if len(vals) == 0 {
		return nil, false
	}
	out := make([]fetchItem, 0, len(vals))
	for _, x := range vals {
		if x.kind != vAtom {
			return nil, false
		}
		it, ok := parseItem(x.s)
		if !ok {
			return nil, false
		}
		out = append(out, it)
	}
	return out, true
}

// parseItem reads one FETCH item (RFC 9051 6.4.5). Partial fetches
// (<0.100>), header field lists, MIME parts, ENVELOPE, BODYSTRUCTURE and
// INTERNALDATE are not supported.
func parseItem(s string) (fetchItem, bool) {
	u := strings.ToUpper(s)
	switch u {
	case "FLAGS", "UID", "RFC822.SIZE":
		return fetchItem{name: u}, true
	case "RFC822":
		// RFC 3501 6.4.5: the same as BODY[], \Seen included.
		return fetchItem{name: u, body: true}, true
	}
	var rest string
	var peek bool
	switch {
	case strings.HasPrefix(u, "BODY.PEEK["):
		rest, peek = u[len("BODY.PEEK["):], true
	case strings.HasPrefix(u, "BODY["):
		rest = u[len("BODY["):]
	default:
		return fetchItem{}, false
	}
	section, ok := strings.CutSuffix(rest, "]")
	if !ok || (section != "" && section != "HEADER" && section != "TEXT") {
		return fetchItem{}, false
	}
	return fetchItem{name: "BODY[" + section + "]", body: true, section: section, peek: peek}, true
}

// resolve turns a sequence set (or a UID set) into view indexes, in
// ascending order. RFC 9051 6.4.9: a UID set may name UIDs that do not
// exist, which are ignored; a sequence number beyond the mailbox is an
// error.
func (s *Server) resolve(set []seqRange, byUID bool) ([]int, bool) {
	var out []int
	if byUID {
		var last uint32
		if len(s.view) > 0 {
			last = s.view[len(s.view)-1].uid
		}
		for i, m := range s.view {
			if contains(set, m.uid, last) {
				out = append(out, i)
			}
		}
		return out, true
	}
	n := uint32(len(s.view))
	for _, r := range set {
		if r.lo > n || r.hi > n || (n == 0) {
			return nil, false
		}
	}
	for i := range s.view {
		if contains(set, uint32(i+1), n) {
			out = append(out, i)
		}
	}
	return out, true
}

// fetch answers FETCH and UID FETCH.
func (s *Server) fetch(tag string, a []value, byUID bool) Result {
	if a[0].kind != vAtom {
		return badResult(tag, txtSyntax)
	}
	set, ok := parseSeqSet(a[0].s)
	if !ok {
		return badResult(tag, txtSyntax)
	}
	items, ok := parseItems(a[1])
	if !ok {
		return badResult(tag, txtBadItem)
	}
	out := s.sync(byUID)
	idx, ok := s.resolve(set, byUID)
	if !ok {
		return badResult(tag, txtBadSeq)
	}
	if byUID && !slices.ContainsFunc(items, func(it fetchItem) bool { return it.name == "UID" }) {
		// RFC 9051 6.4.9: UID FETCH always returns the UID.
		items = append([]fetchItem{{name: "UID"}}, items...)
	}
	gone := false
	for _, i := range idx {
		m := s.current(s.view[i].uid)
		if m == nil {
			gone = true
			continue
		}
		out = append(out, s.fetchOne(i, m, items))
	}
	if gone {
		// RFC 5530 3: some of the messages were expunged by another session.
		return done(tag, CondNO, "["+CodeEXPUNGEISSUED+"] some messages were expunged", out...)
	}
	return done(tag, CondOK, "FETCH completed", out...)
}

// fetchOne builds the FETCH response of message i.
func (s *Server) fetchOne(i int, m *mailstore.Message, items []fetchItem) Response {
	var b strings.Builder
	b.WriteString(strconv.Itoa(i + 1))
	b.WriteString(" FETCH (")
	setSeen := false
	hasFlags := false
	needText := false // only UID and FLAGS go without the message's text
	for _, it := range items {
		if it.body && !it.peek && m.Flags&mailstore.Seen == 0 {
			setSeen = true
		}
		hasFlags = hasFlags || it.name == "FLAGS"
		needText = needText || it.name != "UID" && it.name != "FLAGS"
	}
	flags := m.Flags
	if setSeen {
		// RFC 9051 6.4.5: BODY[] sets \Seen; the new flags are reported.
		flags |= mailstore.Seen
		s.box.SetFlags(m.UID, flags)
	}
	s.view[i].flags = flags
	var text string
	if needText {
		text = crlf(m.Text())
	}
	first := true
	item := func(name, val string) {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(name)
		b.WriteByte(' ')
		b.WriteString(val)
	}
	if setSeen && !hasFlags {
		// The RFC's own example puts the implied FLAGS first.
		item("FLAGS", flagList(flags))
	}
	for _, it := range items {
		switch it.name {
		case "UID":
			item("UID", u32(m.UID))
		case "FLAGS":
			item("FLAGS", flagList(flags))
		case "RFC822.SIZE":
			item("RFC822.SIZE", strconv.Itoa(len(text)))
		default:
			body := section(text, it.section)
			item(it.name, "{"+strconv.Itoa(len(body))+"}\r\n"+body)
			if !slices.Contains(s.fetched, m.UID) {
				s.fetched = append(s.fetched, m.UID)
			}
		}
	}
	b.WriteByte(')')
	return untagged(b.String())
}

// crlf returns data with every line ending in CRLF, as it goes on the
// wire: a bare LF becomes CRLF and a last line without an end gets one, so
// the literal's count is the octets the client receives.
func crlf(data string) string {
	var b strings.Builder
	b.Grow(len(data) + 16)
	start := 0
	for i := 0; i < len(data); i++ {
		if data[i] != '\n' {
			continue
		}
		end := i
		if end > start && data[end-1] == '\r' {
			end--
		}
		b.WriteString(data[start:end])
		b.WriteString("\r\n")
		start = i + 1
	}
	if start < len(data) {
		b.WriteString(data[start:])
		b.WriteString("\r\n")
	}
	return b.String()
}

// section returns the part of a message BODY[section] names (RFC 9051
// 6.4.5): all of it, the header with the blank line after it, or the text
// after that blank line.
func section(text, sec string) string {
	if sec == "" {
		return text
	}
	end := len(text) // a message without a blank line is all header
	if strings.HasPrefix(text, "\r\n") {
		end = 2 // an empty header
	} else if i := strings.Index(text, "\r\n\r\n"); i >= 0 {
		end = i + 4
	}
	if sec == "HEADER" {
		return text[:end]
	}
	return text[end:]
}

// store answers STORE and UID STORE (RFC 9051 6.4.6): FLAGS, +FLAGS or
// -FLAGS, each with .SILENT to leave out the untagged FETCH responses.
func (s *Server) store(tag string, a []value, byUID bool) Result {
	if a[0].kind != vAtom || a[1].kind != vAtom {
		return badResult(tag, txtSyntax)
	}
	set, ok := parseSeqSet(a[0].s)
	if !ok {
		return badResult(tag, txtSyntax)
	}
	op := strings.ToUpper(a[1].s)
	silent := false
	if o, ok := strings.CutSuffix(op, ".SILENT"); ok {
		op, silent = o, true
	}
	if op != "FLAGS" && op != "+FLAGS" && op != "-FLAGS" {
		return badResult(tag, "usage: STORE sequence-set FLAGS|+FLAGS|-FLAGS[.SILENT] (flags)")
	}
	var words []value
	switch a[2].kind {
	case vList:
		words = a[2].list
	case vAtom:
		words = []value{a[2]}
	default:
		return badResult(tag, txtSyntax)
	}
	var flags mailstore.Flags
	for _, w := range words {
		f, ok := parseFlag(w.s)
		if w.kind != vAtom || !ok {
			return badResult(tag, txtBadFlag)
		}
		flags |= f
	}
	out := s.sync(byUID)
	idx, ok := s.resolve(set, byUID)
	if !ok {
		return badResult(tag, txtBadSeq)
	}
	gone := false
	for _, i := range idx {
		m := s.current(s.view[i].uid)
		if m == nil {
			gone = true
			continue
		}
		nf := m.Flags
		switch op {
		case "FLAGS":
			nf = flags
		case "+FLAGS":
			nf |= flags
		case "-FLAGS":
			nf &^= flags
		}
		s.box.SetFlags(m.UID, nf)
		s.view[i].flags = nf
		if !silent {
			uid := ""
			if byUID || s.rev2 {
				uid = "UID " + u32(m.UID) + " "
			}
			out = append(out, untagged(strconv.Itoa(i+1)+" "+DataFETCH+" ("+uid+"FLAGS "+flagList(nf)+")"))
		}
	}
	if gone {
		return done(tag, CondNO, "["+CodeEXPUNGEISSUED+"] some messages were expunged", out...)
	}
	return done(tag, CondOK, "STORE completed", out...)
}
