package escapes

// SendPointer sends the address of a local on a channel: `n` is moved to the heap.
func SendPointer(ch chan *int) {
	n := 42
	ch <- &n
}

// SendSlice sends a slice: its backing array escapes.
func SendSlice(ch chan []byte) {
	buf := []byte{1, 2, 3}
	ch <- buf
}

// SendValue sends a copy of an int: nothing escapes.
func SendValue(ch chan int) {
	n := 42
	ch <- n
}
