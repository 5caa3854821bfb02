package common

import "sync/atomic"

var lastID atomic.Uint64

// NewID returns a number no other call returns in this process. Two models
// of one mode can be open at once (the app's batch view and a lesson's) and
// the shell hands every result to every open mode, so a result carries the
// ID of the request or model that asked for it, and only that one takes it
// (numbers counted per model would collide).
func NewID() uint64 { return lastID.Add(1) }
