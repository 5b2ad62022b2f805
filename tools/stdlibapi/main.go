// Command stdlibapi prints the API of standard-library packages as JSON, for tools/gen_stdlib.py.
//
// Usage: go run ./tools/stdlibapi pkgpath... > api.json
//
// It type-checks each package from source with go/types (no export data, no network), and writes,
// per package, a table of type shapes plus the exported functions, methods, types, variables and
// constants that refer to it. Named types that exported API reaches (even unexported ones, such as
// a struct's hidden fields) are emitted too, so the consumer can tell a value's shape without
// guessing. Parameter positions are emitted so the generator can attach the compiler's
// "leaking param" facts to them.
package main

import (
	"encoding/json"
	"fmt"
	"go/build"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// section is one package's part of the output.
type section struct {
	Name   string            `json:"name"`
	Types  []any             `json:"types"`
	Funcs  map[string]*fn    `json:"funcs"`
	Named  map[string]*named `json:"named"`
	Vars   map[string]int    `json:"vars"`
	Consts map[string]int    `json:"consts"`

	index map[string]int // encoded type entry -> its index in Types
}

// fn is a function or method: its signature's type index, its parameter names and positions.
type fn struct {
	Sig       int      `json:"sig"`
	Params    []string `json:"params"`
	Positions []string `json:"pos"` // "file:line:col" per parameter, receiver first for methods
	Ptr       bool     `json:"ptr,omitempty"`
	Results   []string `json:"results,omitempty"`
}

// named is a declared type: its underlying shape, type parameters and methods.
type named struct {
	Underlying int            `json:"u"`
	Alias      bool           `json:"alias,omitempty"`
	Exported   bool           `json:"exported,omitempty"`
	TypeParams []any          `json:"tparams,omitempty"`
	Methods    map[string]*fn `json:"methods,omitempty"`
}

type dumper struct {
	fset     *token.FileSet
	srcRoot  string
	sections map[string]*section
	queue    []*types.TypeName
	seen     map[*types.TypeName]bool
}

func main() {
	// Cgo off: the API is the same and the importer then needs no C toolchain.
	build.Default.CgoEnabled = false
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)
	d := &dumper{
		fset:     fset,
		srcRoot:  filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator),
		sections: map[string]*section{},
		seen:     map[*types.TypeName]bool{},
	}
	for _, path := range os.Args[1:] {
		pkg, err := imp.ImportFrom(path, d.srcRoot, 0)
		if err != nil {
			fmt.Fprintf(os.Stderr, "stdlibapi: %s: %v\n", path, err)
			continue
		}
		d.dumpPackage(pkg)
	}
	for len(d.queue) > 0 {
		obj := d.queue[0]
		d.queue = d.queue[1:]
		d.dumpTypeName(obj, false)
	}
	out := map[string]any{"go": runtime.Version(), "goos": build.Default.GOOS,
		"goarch": build.Default.GOARCH, "packages": d.sections}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "stdlibapi:", err)
		os.Exit(1)
	}
}

func (d *dumper) section(pkg *types.Package) *section {
	s := d.sections[pkg.Path()]
	if s == nil {
		s = &section{Name: pkg.Name(), Funcs: map[string]*fn{}, Named: map[string]*named{},
			Vars: map[string]int{}, Consts: map[string]int{}, index: map[string]int{}}
		d.sections[pkg.Path()] = s
	}
	return s
}

func (d *dumper) dumpPackage(pkg *types.Package) {
	s := d.section(pkg)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Func:
			s.Funcs[name] = d.function(s, obj)
		case *types.TypeName:
			d.dumpTypeName(obj, true)
		case *types.Var:
			s.Vars[name] = d.typ(s, obj.Type())
		case *types.Const:
			s.Consts[name] = d.typ(s, obj.Type())
		}
	}
}

// dumpTypeName writes a declared type into its package's section, once.
func (d *dumper) dumpTypeName(obj *types.TypeName, exported bool) {
	if obj.Pkg() == nil {
		return // predeclared (error, comparable): the consumer knows them
	}
	s := d.section(obj.Pkg())
	if prev, ok := s.Named[obj.Name()]; ok {
		prev.Exported = prev.Exported || exported
		return
	}
	d.seen[obj] = true
	n := &named{Exported: exported}
	s.Named[obj.Name()] = n // before encoding: recursive types refer back to it
	if obj.IsAlias() {
		n.Alias = true
		n.Underlying = d.typ(s, types.Unalias(obj.Type()))
		return
	}
	t, ok := obj.Type().(*types.Named)
	if !ok {
		n.Underlying = d.typ(s, obj.Type().Underlying())
		return
	}
	n.TypeParams = d.typeParams(s, t.TypeParams())
	n.Underlying = d.typ(s, t.Underlying())
	for i := 0; i < t.NumMethods(); i++ {
		m := t.Method(i)
		if !m.Exported() {
			continue
		}
		if n.Methods == nil {
			n.Methods = map[string]*fn{}
		}
		n.Methods[m.Name()] = d.function(s, m)
	}
}

func (d *dumper) typeParams(s *section, list *types.TypeParamList) []any {
	var out []any
	for i := 0; i < list.Len(); i++ {
		tp := list.At(i)
		out = append(out, []any{tp.Obj().Name(), d.typ(s, tp.Constraint())})
	}
	return out
}

func (d *dumper) function(s *section, f *types.Func) *fn {
	sig := f.Type().(*types.Signature)
	out := &fn{Sig: d.typ(s, sig)}
	if recv := sig.Recv(); recv != nil {
		_, out.Ptr = recv.Type().(*types.Pointer)
		out.Params = append(out.Params, recv.Name())
		out.Positions = append(out.Positions, d.pos(recv.Pos()))
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		out.Params = append(out.Params, p.Name())
		out.Positions = append(out.Positions, d.pos(p.Pos()))
	}
	named := false
	for i := 0; i < sig.Results().Len(); i++ {
		r := sig.Results().At(i)
		out.Results = append(out.Results, r.Name())
		named = named || r.Name() != ""
	}
	if !named {
		out.Results = nil // the consumer names them ~r0, ~r1, as the compiler does
	}
	return out
}

func (d *dumper) pos(p token.Pos) string {
	if !p.IsValid() {
		return ""
	}
	position := d.fset.Position(p)
	return fmt.Sprintf("%s:%d:%d", strings.TrimPrefix(position.Filename, d.srcRoot), position.Line, position.Column)
}

// typ returns the index of t's entry in s's type table, adding it (and what it refers to) if new.
func (d *dumper) typ(s *section, t types.Type) int {
	entry := d.encode(s, t)
	key, _ := json.Marshal(entry)
	if i, ok := s.index[string(key)]; ok {
		return i
	}
	s.Types = append(s.Types, entry)
	s.index[string(key)] = len(s.Types) - 1
	return len(s.Types) - 1
}

func (d *dumper) encode(s *section, t types.Type) []any {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return []any{"b", "unsafe.Pointer"}
		}
		return []any{"b", t.Name()}
	case *types.Pointer:
		return []any{"p", d.typ(s, t.Elem())}
	case *types.Slice:
		return []any{"s", d.typ(s, t.Elem())}
	case *types.Array:
		return []any{"a", t.Len(), d.typ(s, t.Elem())}
	case *types.Map:
		return []any{"m", d.typ(s, t.Key()), d.typ(s, t.Elem())}
	case *types.Chan:
		return []any{"c", int(t.Dir()), d.typ(s, t.Elem())}
	case *types.Signature:
		return d.encodeSignature(s, t)
	case *types.Struct:
		fields := []any{}
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			fields = append(fields, []any{f.Name(), d.typ(s, f.Type()), f.Embedded()})
		}
		return []any{"t", fields}
	case *types.Interface:
		return d.encodeInterface(s, t)
	case *types.Alias:
		return d.encode(s, types.Unalias(t))
	case *types.Named:
		return d.encodeNamed(s, t)
	case *types.TypeParam:
		return []any{"P", t.Obj().Name()}
	case *types.Union:
		terms := []any{}
		for i := 0; i < t.Len(); i++ {
			terms = append(terms, []any{t.Term(i).Tilde(), d.typ(s, t.Term(i).Type())})
		}
		return []any{"U", terms}
	case *types.Tuple:
		items := []any{}
		for i := 0; i < t.Len(); i++ {
			items = append(items, d.typ(s, t.At(i).Type()))
		}
		return []any{"T", items}
	}
	return []any{"?"}
}

func (d *dumper) encodeSignature(s *section, t *types.Signature) []any {
	params := []any{}
	for i := 0; i < t.Params().Len(); i++ {
		params = append(params, d.typ(s, t.Params().At(i).Type()))
	}
	results := []any{}
	for i := 0; i < t.Results().Len(); i++ {
		results = append(results, d.typ(s, t.Results().At(i).Type()))
	}
	entry := []any{"f", params, results, t.Variadic()}
	if t.TypeParams().Len() > 0 {
		entry = append(entry, d.typeParams(s, t.TypeParams()))
	}
	return entry
}

func (d *dumper) encodeInterface(s *section, t *types.Interface) []any {
	methods := []any{}
	names := make([]string, 0, t.NumMethods())
	byName := map[string]*types.Func{}
	for i := 0; i < t.NumMethods(); i++ {
		m := t.Method(i)
		names = append(names, m.Name())
		byName[m.Name()] = m
	}
	sort.Strings(names)
	for _, name := range names {
		methods = append(methods, []any{name, d.typ(s, byName[name].Type())})
	}
	if t.IsMethodSet() {
		return []any{"i", methods}
	}
	// A constraint: keep its explicit terms so a consumer can see e.g. ~[]E.
	terms := []any{}
	for i := 0; i < t.NumEmbeddeds(); i++ {
		terms = append(terms, d.typ(s, t.EmbeddedType(i)))
	}
	return []any{"i", methods, terms}
}

func (d *dumper) encodeNamed(s *section, t *types.Named) []any {
	obj := t.Obj()
	if obj.Pkg() == nil {
		return []any{"b", obj.Name()} // error, comparable
	}
	if !d.seen[obj] {
		d.seen[obj] = true
		d.queue = append(d.queue, obj)
	}
	entry := []any{"n", obj.Pkg().Path(), obj.Name()}
	if args := t.TypeArgs(); args.Len() > 0 {
		list := []any{}
		for i := 0; i < args.Len(); i++ {
			list = append(list, d.typ(s, args.At(i)))
		}
		entry = append(entry, list)
	}
	return entry
}
