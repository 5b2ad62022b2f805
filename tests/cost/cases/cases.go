// Package costcases holds one escape per function, each checked against what the Go runtime
// allocates for it (tests/test_cost_runtime.py): goescape's cost estimate must agree with
// testing.Benchmark's allocations per call.
package costcases

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

type point struct{ x, y, z int64 }

type small struct{ a, b, c int8 }

type holder struct {
	v    any
	data []byte
	p    *point
	m    map[string]int
	f    func() int
}

var (
	sinkAny   any
	sinkErr   error
	sinkCtx   context.Context
	sinkInts  []int
	sinkHold  = &holder{}
	sinkPoint *point
	sinkSmall *small
	sinkFunc  func() int
	n1000     = 1000
	text      = "a string read at run time"
)

//go:noinline
func BoxConstant() {
	fmt.Fprintln(io.Discard, 110)
}

//go:noinline
func BoxLocalConstant() {
	q := 1000
	sinkAny = q
}

//go:noinline
func BoxVariable(n int) {
	fmt.Fprintln(io.Discard, n)
}

//go:noinline
func BoxString(s string) {
	sinkHold.v = s
}

//go:noinline
func BoxBool(b bool) {
	sinkHold.v = b
}

//go:noinline
func BoxConstantLiteral() {
	sinkHold.v = point{1, 2, 3}
}

//go:noinline
func ReturnLiteral() *point {
	return &point{1, 2, 3}
}

//go:noinline
func ReturnNew() *small {
	return new(small)
}

//go:noinline
func ReturnLocal(n int) *point {
	p := point{x: int64(n)}
	return &p
}

//go:noinline
func StoreMake() {
	b := make([]byte, 64)
	sinkHold.data = b
}

//go:noinline
func StoreEmptyMake() {
	b := make([]byte, 0)
	sinkHold.data = b
}

//go:noinline
func StoreSliceLiteral() {
	sinkInts = []int{n1000, 2, 3}
}

//go:noinline
func StoreBigMake() {
	sinkHold.data = make([]byte, 1000)
}

//go:noinline
func StoreNewPoint() {
	sinkHold.p = new(point)
}

//go:noinline
func StoreMap() {
	sinkHold.m = map[string]int{"a": 1}
}

//go:noinline
func ConcatEscapes(s string) {
	sinkHold.v = s + text
}

//go:noinline
func BoxSlice() {
	sinkHold.v = sinkInts
}

//go:noinline
func SendPointer(ch chan *point) {
	p := point{x: 1}
	select {
	case ch <- &p:
	default:
	}
}

//go:noinline
func StoreConversion(s string) {
	sinkHold.data = []byte(s)
}

//go:noinline
func StoreConstantConversion() {
	sinkHold.data = []byte("a constant string of 33 bytes...")
}

//go:noinline
func BoxInLoop(n int) {
	for i := 0; i < 1; i++ {
		sinkHold.v = n + i
	}
}

// An inlined callee's allocation, reported at the call (ESC206): errors.New's *errorString.
//
//go:noinline
func InlinedError() {
	sinkErr = errors.New(text)
}

// strings.Builder.WriteString appends through the builder's pointer: it grows.
//
//go:noinline
func InlinedBuilder() int {
	var sb strings.Builder
	sb.WriteString(text)
	return sb.Len()
}

// context.Background boxes a zero-sized value: it escapes, and allocates nothing.
//
//go:noinline
func InlinedZeroSized() {
	sinkCtx = context.Background()
}
