package pop3_test

import (
	"fmt"
	"strings"

	"github.com/mailsim/mailsim/sim/pop3"
)

// A client downloads bob's one message and deletes it. The loop is all the
// driving either side needs: the server's response goes to the client, the
// client's command goes to the server, until the client is done.
func Example() {
	srv := pop3.NewServer(&pop3.Config{
		Hostname: "mx.example.jp",
		Users:    map[string]string{"bob": "hunter2"},
		Open: func(user string) []pop3.Message {
			return []pop3.Message{{UID: "m1", Data: "Subject: Hi\r\n\r\n.\r\n"}}
		},
	})
	cli := pop3.NewClient(pop3.Job{User: "bob", Pass: "hunter2"})
	r := srv.Greeting()
	for {
		for i := 0; i < r.NumLines(); i++ {
			// TrimRight only because example output cannot end a line in a space.
			fmt.Println(strings.TrimRight("S: "+r.Line(i), " "))
		}
		cmd, done := cli.Next(r)
		if done {
			break
		}
		fmt.Println("C:", cmd)
		res := srv.Handle(cmd)
		if res.Delete != nil {
			fmt.Println("(UPDATE state: delete", res.Delete, "from the maildrop)")
		}
		r = res.Response
	}
	fmt.Printf("%d message, %q\n", len(cli.Result().Messages), cli.Result().Messages[0])
	// Output:
	// S: +OK mx.example.jp POP3 server ready
	// C: USER bob
	// S: +OK send PASS
	// C: PASS hunter2
	// S: +OK bob's maildrop has 1 message (18 octets)
	// C: STAT
	// S: +OK 1 18
	// C: LIST
	// S: +OK 1 message (18 octets)
	// S: 1 18
	// S: .
	// C: RETR 1
	// S: +OK 18 octets
	// S: Subject: Hi
	// S:
	// S: ..
	// S: .
	// C: DELE 1
	// S: +OK message 1 deleted
	// C: QUIT
	// (UPDATE state: delete [m1] from the maildrop)
	// S: +OK mx.example.jp POP3 server signing off (maildrop empty)
	// 1 message, "Subject: Hi\r\n\r\n.\r\n"
}
