// Command app spends its time in work, whose default.pgo says so.
package main

import "fmt"

type item struct{ id, weight int }

var kept []*item

func work(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		it := &item{id: i, weight: i % 7}
		kept = append(kept[:0], it)
		for j := 0; j < 200; j++ {
			total += (it.weight * j) ^ i
		}
	}
	return total
}

func idle() *item {
	x := item{}
	return &x
}

func main() {
	fmt.Println(work(1000), idle())
}
