// Package work has a few small functions to profile.
package work

// add is small enough to be inlined into its callers.
func add(a, b int) int { return a + b }

// sumSquares calls the inlined add in a loop.
func sumSquares(xs []int) int {
	total := 0
	for _, x := range xs {
		total = add(total, x*x)
	}
	return total
}

// fib is recursive (never inlined).
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// makeAdder returns a closure.
func makeAdder(k int) func(int) int {
	return func(x int) int {
		s := 0
		for i := 0; i < x; i++ {
			s += (i ^ k) & 7
		}
		return s
	}
}

// newItem is an inlined allocating helper.
func newItem(n int) []byte { return make([]byte, n) }

// allocLoop allocates in a loop.
func allocLoop(n int) [][]byte {
	out := make([][]byte, 0, 4)
	for i := 0; i < n; i++ {
		out = append(out, newItem(24+i%100))
	}
	return out
}

type node struct {
	next *node
	pad  [3]int
}

// chain allocates recursively.
func chain(depth int) *node {
	if depth == 0 {
		return &node{}
	}
	return &node{next: chain(depth - 1)}
}
