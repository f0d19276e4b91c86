package imap

import "testing"

func TestTranscriptReadAndMark(t *testing.T) {
	box := testBox()
	s := NewServer(testConfig(box))
	runScript(t, s, `
S: * OK [CAPABILITY IMAP4rev1 IMAP4rev2 ENABLE] mx.example.jp IMAP4 server ready
C: a1 CAPABILITY
S: * CAPABILITY IMAP4rev1 IMAP4rev2 ENABLE
S: a1 OK CAPABILITY completed
C: a2 LOGIN bob hunter2
S: a2 OK LOGIN completed
C: a3 SELECT INBOX
S: * 2 EXISTS
S: * 2 RECENT
S: * OK [UIDVALIDITY 1] UIDs valid
S: * OK [UIDNEXT 3] predicted next UID
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft)] flags permitted
S: * OK [UNSEEN 1] first unseen
S: a3 OK [READ-WRITE] SELECT completed
C: a4 UID FETCH 1:* (FLAGS BODY.PEEK[])
S: * 1 FETCH (UID 1 FLAGS () BODY[] {26}
S: Subject: Lunch
S: 
S: Hi Bob
S: )
S: * 2 FETCH (UID 2 FLAGS (\Seen) BODY[] {26}
S: Subject: Minutes
S: 
S: .dot
S: )
S: a4 OK FETCH completed
C: a5 UID STORE 1 +FLAGS (\Seen)
S: * 1 FETCH (UID 1 FLAGS (\Seen))
S: a5 OK STORE completed
C: a6 STORE 1:2 +FLAGS.SILENT (\Deleted)
S: a6 OK STORE completed
C: a7 EXPUNGE
S: * 2 EXPUNGE
S: * 1 EXPUNGE
S: a7 OK EXPUNGE completed
C: a8 LOGOUT
S: * BYE mx.example.jp IMAP4 server logging out
S: a8 OK LOGOUT completed
`)
	if box.Len() != 0 {
		t.Errorf("mailbox has %d messages after EXPUNGE, want 0", box.Len())
	}
}
