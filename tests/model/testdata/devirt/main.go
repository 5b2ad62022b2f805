// Package main holds one function per way of binding a func value or an interface value; the
// model's answer for each call is checked against what go build -gcflags=-m prints for q.
package main

type Animal interface{ Say(p *int) }

type Dog struct{}

//go:noinline
func (Dog) Say(p *int) {}

type Cat struct{}

//go:noinline
func (*Cat) Say(p *int) {}

//go:noinline
func f1(p *int) {}

//go:noinline
func f2(p *int) {}

type holder struct{ fn func(*int) }

var packageFunc = f1

func direct() {
	q := 1
	f1(&q) // want direct
}

func localOnce() {
	q := 1
	f := f1
	f(&q) // want static
}

func localTwoFunctions(c bool) {
	q := 1
	f := f1
	if c {
		f = f2
	}
	f(&q) // want static
}

func localVarAssigned() {
	q := 1
	var f func(*int)
	f = f2
	f(&q) // want static
}

func localChain() {
	q := 1
	f := f1
	g := f
	g(&q) // want static
}

func literal() {
	q := 1
	f := func(p *int) {}
	f(&q) // want static
}

func param(f func(*int)) {
	q := 1
	f(&q) // want dynamic
}

func field(h holder) {
	q := 1
	h.fn(&q) // want dynamic
}

func packageVar() {
	q := 1
	packageFunc(&q) // want dynamic
}

func element(fs []func(*int)) {
	q := 1
	fs[0](&q) // want dynamic
}

func rangeElement(fs []func(*int)) {
	q := 1
	for _, f := range fs {
		f(&q) // want dynamic
	}
}

func localFromParam(g func(*int), c bool) {
	q := 1
	f := f1
	if c {
		f = g
	}
	f(&q) // want dynamic
}

func methodValue() {
	q := 1
	d := Dog{}
	f := d.Say
	f(&q) // want dynamic
}

func captured() {
	q := 1
	f := f1
	g := func() { f(&q) } // want static
	g()
}

//go:noinline
func run(g func()) { g() }

func capturedNotInlined() {
	f := f1
	run(func() {
		q := 1
		f(&q) // want static
	})
}

func assignedInClosure(c bool) {
	q := 1
	f := f1
	set := func() { f = f2 }
	if c {
		set()
	}
	f(&q) // want unknown
}

func addressTaken() {
	q := 1
	f := f1
	pf := &f
	_ = pf
	f(&q) // want unknown
}

func ifaceInit() {
	q := 1
	var a Animal = Dog{}
	a.Say(&q) // want static
}

func ifaceAssignedOnce() {
	q := 1
	var a Animal
	a = &Cat{}
	a.Say(&q) // want static
}

func ifaceSameType(c bool) {
	q := 1
	var a Animal = Dog{}
	if c {
		a = Dog{}
	}
	a.Say(&q) // want static
}

func ifaceTwoTypes(c bool) {
	q := 1
	var a Animal = Dog{}
	if c {
		a = &Cat{}
	}
	a.Say(&q) // want dynamic
}

func ifaceParam(a Animal) {
	q := 1
	a.Say(&q) // want dynamic
}

func ifaceConversion() {
	q := 1
	Animal(Dog{}).Say(&q) // want static
}

func main() {}
