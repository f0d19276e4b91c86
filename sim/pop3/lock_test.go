package pop3

import "testing"

// TestMaildropLock checks RFC 1939 8 and RFC 2449 8.1.1: a second session
// with the right password gets -ERR [IN-USE] while the first holds the
// maildrop, stays in AUTHORIZATION, and gets in once the first has ended,
// by QUIT or by a dropped connection.
func TestMaildropLock(t *testing.T) {
	locked := map[string]bool{}
	cfg := testConfig()
	cfg.Lock = func(u string) bool {
		if locked[u] {
			return false
		}
		locked[u] = true
		return true
	}
	cfg.Unlock = func(u string) { delete(locked, u) }
	login := func(s *Server) Result {
		t.Helper()
		s.Handle("USER bob")
		return s.Handle("PASS hunter2")
	}

	first := NewServer(cfg)
	if r := login(first); !r.Response.OK || !locked["bob"] {
		t.Fatalf("first login: %+v, locked %v", r.Response, locked)
	}
	second := NewServer(cfg)
	r := login(second)
	if r.Response.OK || r.Response.Text != "[IN-USE] maildrop already locked by another session" || r.Response.Code() != CodeInUse {
		t.Fatalf("second login while locked: %+v", r.Response)
	}
	if second.State() != StateAuthorization || r.Login != "" {
		t.Fatalf("refused session is in %v, login %q", second.State(), r.Login)
	}
	// A wrong password is refused as such, not as IN-USE: the lock is
	// only tried for good credentials.
	second.Handle("USER bob")
	if r := second.Handle("PASS wrong"); r.Response.Code() != CodeAuth {
		t.Fatalf("wrong password while locked: %+v", r.Response)
	}

	first.Handle("QUIT")
	if locked["bob"] {
		t.Fatal("QUIT did not release the lock")
	}
	if r := login(second); !r.Response.OK {
		t.Fatalf("login after the first QUIT: %+v", r.Response)
	}
	second.Hangup()
	if locked["bob"] {
		t.Fatal("a dropped connection did not release the lock")
	}

	// QUIT in AUTHORIZATION never locked anything and unlocks nothing.
	locked["bob"] = true
	third := NewServer(cfg)
	third.Handle("QUIT")
	third.Hangup()
	if !locked["bob"] {
		t.Fatal("a session that never logged in released someone else's lock")
	}
}
