// Package profiled allocates in the ways a profile sees and escape analysis may not.
package profiled

import "io"

type Point struct{ X, Y int }

// NewPoint allocates on the line ESC101 flags.
func NewPoint(x int) *Point {
	return &Point{X: x}
}

// Render converts each name to a []byte inside io.WriteString: w is no io.StringWriter.
func Render(w io.Writer, names []string) {
	for _, name := range names {
		io.WriteString(w, name)
	}
}

// Count grows a map on the line that assigns to it.
func Count(words []string) map[string]int {
	counts := make(map[string]int)
	for _, w := range words {
		counts[w]++
	}
	return counts
}

// Unused is never run by the benchmarks.
func Unused() *Point {
	p := Point{}
	return &p
}
