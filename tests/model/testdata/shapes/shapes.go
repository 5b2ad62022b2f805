// Package shapes exercises the syntax the model types; tests compare it with go/types.
package shapes

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

type Kind uint8

const (
	KindA Kind = iota
	KindB
	KindC
)

type Shape interface {
	Area() float64
	fmt.Stringer
}

type Base struct {
	ID   int
	Tags map[string][]string
}

func (b *Base) Touch() *Base { return b }

type Circle struct {
	*Base
	*sync.Mutex
	R      float64
	center struct{ X, Y float64 }
	next   *Circle
}

func (c Circle) Area() float64   { return c.R * c.R * 3.14 }
func (c Circle) String() string  { return fmt.Sprint(c.R) }
func (c *Circle) Grow(by float64) { c.R += by }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type List[T any] struct {
	items []T
	less  func(a, b T) bool
}

func (l *List[T]) Push(v T)              { l.items = append(l.items, v) }
func (l *List[T]) All() iter.Seq2[int, T] { return slices.All(l.items) }
func (l *List[T]) Get(i int) (T, bool) {
	if i < len(l.items) {
		return l.items[i], true
	}
	var zero T
	return zero, false
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func Sum[N int | int64 | float64](xs ...N) (total N) {
	for _, x := range xs {
		total += x
	}
	return
}

var registry = map[Kind]func(float64) Shape{
	KindA: func(r float64) Shape { return Circle{R: r} },
}

var errMissing = errors.New("missing")

func Use(w io.Writer, shapes []Shape, ch chan<- *Circle, done <-chan struct{}) (n int, err error) {
	c := &Circle{Base: &Base{ID: 1}, R: 2}
	c.Grow(1)
	c.Lock()
	defer c.Unlock()
	id := c.ID + c.Touch().ID
	tags := c.Tags["x"]
	area := c.Area
	var total float64
	for i, s := range shapes {
		switch v := s.(type) {
		case Circle:
			total += v.R * float64(i)
		case *Circle:
			total += v.Area()
		default:
			total += s.Area()
		}
	}
	select {
	case ch <- c:
	case <-done:
		return 0, errMissing
	}
	l := &List[string]{less: func(a, b string) bool { return a < b }}
	l.Push("a")
	first, ok := l.Get(0)
	for i, v := range l.All() {
		_, _ = i, v
	}
	p := Pair[string, *Circle]{Key: first, Val: c}
	m := map[string]int{"a": 1}
	keys := Keys(m)
	sort.Strings(keys)
	sorted := slices.Sorted(maps.Keys(m))
	s := Sum(1.5, 2.5)
	var b strings.Builder
	b.WriteString(p.Key)
	fn := registry[KindB]
	if fn != nil {
		shapes = append(shapes, fn(3))
	}
	size := unsafe.Sizeof(*c)
	words := strings.Fields("a b")
	upper := strings.ToUpper(words[0])
	anon := struct {
		A int
		B []byte
	}{A: 1, B: []byte(upper)}
	arr := [...]float64{1, 2, total}
	sl := arr[1:]
	lo, hi := min(id, len(tags)), max(1.0, s)
	clear(m)
	for k := range 3 {
		n += k
	}
	f := func(yield func(int) bool) {
		for i := range 10 {
			if !yield(i) {
				return
			}
		}
	}
	for v := range f {
		n += v
	}
	n2, err := fmt.Fprintf(w, "%v %v %v %v %v %v %v %v %v", area(), ok, keys, sorted, size, anon.B, sl, lo, hi)
	return n + n2 + len(b.String()), err
}
