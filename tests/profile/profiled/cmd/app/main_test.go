package main

import "testing"

var result int

func BenchmarkWork(b *testing.B) {
	for i := 0; i < b.N; i++ {
		result += work(1000)
	}
}
