package escapes

var registry = map[string]*int{}

// Register stores the address of a local in a map: `n` is moved to the heap.
func Register(name string) {
	n := len(name)
	registry[name] = &n
}

// Collect appends the address of a local to a slice the caller owns: `v` escapes.
func Collect(dst []*int, v int) []*int {
	return append(dst, &v)
}

// StoreValue stores the value itself in the caller's array: nothing escapes.
func StoreValue(dst *[8]int, i, v int) {
	dst[i%8] = v
}
