package escapes

// Buffer is reached through a pointer in SetUp.
type Buffer struct {
	data  []byte
	index map[string]int
	label any
}

// SetUp assigns fresh allocations through a pointer: the slice, the map and the boxed int escape.
func SetUp(b *Buffer) {
	b.data = make([]byte, 64)
	b.index = make(map[string]int)
	b.label = 7
}

// LocalBuffer assigns the same into a local value: nothing escapes.
func LocalBuffer() int {
	var b Buffer
	b.data = make([]byte, 64)
	b.index = make(map[string]int)
	b.label = 7
	return len(b.data) + len(b.index)
}
