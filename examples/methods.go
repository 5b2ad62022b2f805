package escapes

// Sink is implemented elsewhere; the compiler cannot see which method runs.
type Sink interface {
	Consume(p *[16]byte)
}

// Feed passes the address of a local to an interface method: `buf` is moved to the heap.
func Feed(s Sink) {
	var buf [16]byte
	s.Consume(&buf)
}

type counter struct{ n int }

func (c *counter) Consume(p *[16]byte) { c.n += len(p) }

// FeedKnown calls the method on an interface whose dynamic type is known here: Go 1.27
// devirtualizes the call and `buf` stays on the stack.
func FeedKnown() int {
	c := &counter{}
	var s Sink = c
	var buf [16]byte
	s.Consume(&buf)
	return c.n
}
