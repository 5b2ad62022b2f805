package work

import (
	"context"
	"runtime/pprof"
	"testing"
)

var (
	result int
	sink   [][]byte
	keep   *node
)

func BenchmarkSumSquares(b *testing.B) {
	xs := make([]int, 1000000)
	for i := range xs {
		xs[i] = i
	}
	for i := 0; i < b.N; i++ {
		result += sumSquares(xs)
	}
}

func BenchmarkFib(b *testing.B) {
	for i := 0; i < b.N; i++ {
		result += fib(27)
	}
}

func BenchmarkClosure(b *testing.B) {
	f := makeAdder(3)
	pprof.Do(context.Background(), pprof.Labels("bench", "closure", "kind", "func literal"), func(context.Context) {
		for i := 0; i < b.N; i++ {
			result += f(2000000)
		}
	})
}

func BenchmarkAlloc(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = allocLoop(1000)
		keep = chain(20)
	}
}
