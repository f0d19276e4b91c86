package smtp

import (
	"crypto/subtle"
	"encoding/base64"
	"strings"
)

// SASL mechanisms the server offers (RFC 4954 3: "AUTH PLAIN LOGIN").
const (
	mechNone uint8 = iota
	mechPlain
	mechLoginUser // LOGIN, waiting for the username
	mechLoginPass // LOGIN, waiting for the password
)

// auth answers AUTH (RFC 4954 4).
func (s *Server) auth(arg string) Result {
	switch {
	case !s.cfg.authEnabled():
		return Result{Reply: replyAuthDisabled}
	case !s.offersAuth():
		// RFC 4954 4: not offered before STARTTLS, so not accepted.
		return Result{Reply: replyAuthDisabled}
	case s.state == StateConnected:
		return Result{Reply: replySendHelo}
	case !s.esmtp:
		// AUTH is an ESMTP extension, advertised only in the EHLO reply.
		return Result{Reply: replySendEhlo}
	case s.user != "":
		// RFC 4954 4: after a successful AUTH, further AUTH gets 503.
		return Result{Reply: replyAuthTwice}
	case s.state != StateReady:
		// RFC 4954 4: AUTH is not permitted during a mail transaction.
		return Result{Reply: replyAuthInTx}
	}
	mech, initial, hasInitial := strings.Cut(arg, " ")
	if mech == "" || strings.Contains(initial, " ") {
		return Result{Reply: replySyntaxAUTH}
	}
	switch {
	case strings.EqualFold(mech, "PLAIN"):
		if !hasInitial {
			// RFC 4954 4: no initial response, so an empty challenge "334 ".
			s.mech, s.state = mechPlain, StateAuth
			return Result{Reply: replyAuthEmpty}
		}
		return s.plain(initial)
	case strings.EqualFold(mech, "LOGIN"):
		if !hasInitial {
			s.mech, s.state = mechLoginUser, StateAuth
			return Result{Reply: replyAuthUsername}
		}
		// Clients such as Outlook send the username as an initial
		// response to LOGIN; accept it as the answer to "Username:".
		user, ok := decodeBase64(initial)
		if !ok {
			return Result{Reply: replyCannotDecode}
		}
		s.loginUser, s.mech, s.state = user, mechLoginPass, StateAuth
		return Result{Reply: replyAuthPassword}
	}
	// RFC 4954 4: an unsupported mechanism is 504 with 5.5.4.
	return Result{Reply: replyUnknownMech}
}

// authResponse takes the client's answer to a 334 challenge.
func (s *Server) authResponse(line string) Result {
	mech := s.mech
	user := s.loginUser
	s.endAuth()
	if len(line)+2 > maxAuthLine {
		// RFC 4954 4: a line longer than the authentication buffer fails
		// AUTH with 500 and 5.5.6.
		return Result{Reply: replyAuthTooLong}
	}
	if line == "*" {
		// RFC 4954 4: "*" cancels the exchange, answered with 501.
		return Result{Reply: replyAuthAborted}
	}
	decoded, ok := decodeBase64(line)
	if !ok {
		return Result{Reply: replyCannotDecode}
	}
	switch mech {
	case mechPlain:
		return s.plainDecoded(decoded)
	case mechLoginUser:
		s.loginUser, s.mech, s.state = decoded, mechLoginPass, StateAuth
		return Result{Reply: replyAuthPassword}
	default: // mechLoginPass
		return s.login(user, "", decoded)
	}
}

func (s *Server) endAuth() {
	s.mech, s.loginUser, s.state = mechNone, "", StateReady
}

// plain checks a PLAIN initial response (RFC 4616 2).
func (s *Server) plain(b64 string) Result {
	decoded, ok := decodeBase64(b64)
	if !ok {
		return Result{Reply: replyCannotDecode}
	}
	return s.plainDecoded(decoded)
}

// plainDecoded checks RFC 4616 2's message = [authzid] NUL authcid NUL passwd.
func (s *Server) plainDecoded(msg string) Result {
	authzid, rest, ok1 := strings.Cut(msg, "\x00")
	authcid, passwd, ok2 := strings.Cut(rest, "\x00")
	if !ok1 || !ok2 || strings.Contains(passwd, "\x00") || authcid == "" {
		return Result{Reply: replyAuthFailed}
	}
	return s.login(authcid, authzid, passwd)
}

// login checks a user and password; authzid, if not empty, must be the user
// itself (RFC 4616 2: the server decides whom an identity may act as, and
// here nobody may act as another).
func (s *Server) login(user, authzid, pass string) Result {
	want, ok := s.cfg.Users[user]
	// A constant-time comparison, as a real server makes, so that the time
	// taken does not tell how much of a guess was right.
	if !ok || subtle.ConstantTimeCompare([]byte(want), []byte(pass)) != 1 || (authzid != "" && authzid != user) {
		return Result{Reply: replyAuthFailed}
	}
	s.user = user
	return Result{Reply: replyAuthOk}
}

// strictBase64 also rejects non-zero padding bits; like base64.StdEncoding it
// is never modified.
var strictBase64 = base64.StdEncoding.Strict()

// decodeBase64 decodes a client response. RFC 4954 4: "=" is an empty
// response, and any character outside the base64 alphabet, or a pad before
// the end, MUST be rejected (Go's decoder would skip CR and LF).
func decodeBase64(s string) (string, bool) {
	if s == "=" {
		return "", true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return "", false
		}
	}
	b, err := strictBase64.DecodeString(s)
	if err != nil {
		return "", false
	}
	return string(b), true
}
