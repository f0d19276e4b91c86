// Package scenarios holds mailsim's bundled scenario files, compiled into the
// binary so that `mailsim run op25b` works from any directory.
package scenarios

import "embed"

// FS holds every bundled scenario as <id>.yaml.
//
//go:embed *.yaml
var FS embed.FS
