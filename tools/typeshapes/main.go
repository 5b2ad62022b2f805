// Command typeshapes prints, for every expression go/types can type in a package, the shape
// class of its type, so tools/check_model.py can measure the Python model against go/types.
//
// Usage: go run ./tools/typeshapes DIR > shapes.json
//
// DIR holds one package (build constraints for the host GOOS/GOARCH apply, cgo is off,
// _test.go files are left out). Imports are type-checked from source: no network, no cache.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
)

type record struct {
	File   string `json:"file"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Kind   string `json:"kind"`
	Direct bool   `json:"direct"` // pointer-shaped: stored in an interface without allocation
	Const  bool   `json:"const"`
	Type   string `json:"type"`
	Ident  bool   `json:"ident"`
}

func main() {
	build.Default.CgoEnabled = false
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: typeshapes DIR")
		os.Exit(2)
	}
	dir, _ := filepath.Abs(os.Args[1])
	pkg, err := build.ImportDir(dir, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "typeshapes:", err)
		os.Exit(1)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			fmt.Fprintln(os.Stderr, "typeshapes:", err)
			os.Exit(1)
		}
		files = append(files, f)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Error: func(error) {}}
	conf.Check(pkg.ImportPath, fset, files, info)
	// go/types types `x++` as `x + 1` with a synthesized literal placed at x: not source.
	synthesized := map[token.Pos]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.IncDecStmt); ok {
				synthesized[s.X.Pos()] = true
			}
			return true
		})
	}
	var out []record
	for expr, tv := range info.Types {
		if !tv.IsValue() || tv.Type == nil {
			continue
		}
		if lit, ok := expr.(*ast.BasicLit); ok && synthesized[lit.Pos()] {
			continue
		}
		start, end := fset.Position(expr.Pos()), fset.Position(expr.End())
		_, ident := expr.(*ast.Ident)
		out = append(out, record{File: filepath.Base(start.Filename), Start: start.Offset,
			End: end.Offset, Kind: shape(tv.Type), Direct: direct(tv.Type, 0),
			Const: tv.Value != nil, Type: tv.Type.String(), Ident: ident})
	}
	// Declared variables (x in `x := f()`, parameters, range variables): their inferred types.
	for ident, obj := range info.Defs {
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || ident.Name == "_" {
			continue
		}
		start := fset.Position(ident.Pos())
		out = append(out, record{File: filepath.Base(start.Filename), Start: start.Offset,
			End: start.Offset + len(ident.Name), Kind: shape(v.Type()), Direct: direct(v.Type(), 0),
			Type: v.Type().String(), Ident: true})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Start < out[j].Start || out[i].Start == out[j].Start && out[i].End > out[j].End
	})
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "typeshapes:", err)
		os.Exit(1)
	}
}

// shape names the class of t the way goescape's Kind enum does.
func shape(t types.Type) string {
	if _, ok := t.(*types.TypeParam); ok {
		return "type parameter"
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Kind() == types.UnsafePointer:
			return "unsafe.Pointer"
		case u.Kind() == types.UntypedNil:
			return "nil"
		case u.Info()&types.IsBoolean != 0:
			return "bool"
		case u.Info()&types.IsString != 0:
			return "string"
		}
		return "numeric"
	case *types.Pointer:
		return "pointer"
	case *types.Slice:
		return "slice"
	case *types.Array:
		return "array"
	case *types.Map:
		return "map"
	case *types.Chan:
		return "chan"
	case *types.Signature:
		return "func"
	case *types.Interface:
		return "interface"
	case *types.Struct:
		return "struct"
	case *types.Tuple:
		return "tuple"
	}
	return "?"
}

// direct reports whether values of t are stored directly in an interface: cmd/compile's
// types.IsDirectIface, `Size(t) == PtrSize && PtrDataSize(t) == PtrSize`. A one-word type has
// pointer data of one word exactly when it holds a pointer (which then sits at offset 0).
func direct(t types.Type, _ int) (result bool) {
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	defer func() {
		if recover() != nil {
			result = false // a struct with a type-parameter field has no size yet
		}
	}()
	switch u := t.Underlying().(type) {
	case *types.Tuple:
		return false
	case *types.Basic:
		if u.Info()&types.IsUntyped != 0 {
			return false // constants have no size until converted
		}
	}
	return sizes.Sizeof(t) == sizes.Sizeof(types.Typ[types.UnsafePointer]) && hasPointers(t, 0)
}

var sizes = types.SizesFor("gc", "amd64")

func hasPointers(t types.Type, depth int) bool {
	if depth > 32 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature, *types.Slice, *types.Interface:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer || u.Info()&types.IsString != 0
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if hasPointers(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	case *types.Array:
		return u.Len() > 0 && hasPointers(u.Elem(), depth+1)
	}
	return false
}
