package escapes

// Apply calls through a func value it cannot see: the compiler must assume `x` escapes.
func Apply(f func(*int)) int {
	x := 1
	f(&x)
	return x
}

func bump(p *int) { *p++ }

// ApplyKnown calls through a local bound to a named function: Go 1.27 devirtualizes the call
// and `x` stays on the stack.
func ApplyKnown() int {
	f := bump
	x := 1
	f(&x)
	return x
}
