// Package scenario reads mailsim's scenario files and plays them: the YAML
// schema (a world of networks, hosts, servers, users and DNS records, then
// steps: say, send, fetch, imap, talk, wait, configure), strict decoding with
// every error at file:line:column and a "did you mean", validation that
// whatever `check` accepts `run` can run, building the sim.World, and
// playing the steps while checking each step's expectations against what
// the world did. Groups of bots made from a template (world: bots:) and
// campaign steps that have them send many messages are expanded only as
// they run, and played summarised (campaign.go, shard.go).
package scenario
