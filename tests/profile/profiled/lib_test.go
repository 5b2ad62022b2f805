package profiled

import (
	"strconv"
	"strings"
	"testing"
)

type sink struct{ n int }

func (s *sink) Write(p []byte) (int, error) { s.n += len(p); return len(p), nil }

var (
	keep   *Point
	counts map[string]int
	names  = make([]string, 10)
	words  = make([]string, 200)
)

func init() {
	for i := range names {
		names[i] = strings.Repeat("n", 40) + strconv.Itoa(i)
	}
	for i := range words {
		words[i] = "word" + strconv.Itoa(i)
	}
}

func BenchmarkNewPoint(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for j := 0; j < 100; j++ {
			keep = NewPoint(j)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	var s sink
	for i := 0; i < b.N; i++ {
		Render(&s, names)
	}
}

func BenchmarkCount(b *testing.B) {
	for i := 0; i < b.N; i++ {
		counts = Count(words)
	}
}
