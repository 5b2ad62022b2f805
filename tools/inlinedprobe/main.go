// Command inlinedprobe writes a Go module that calls standard-library functions and methods, for
// tools/gen_inlined.py.
//
// Usage: go run ./tools/inlinedprobe -out DIR pkgpath... > index.json
//
// Go inlines small standard-library functions into their callers, and escape analysis then
// reports what the inlined body allocates at the call: `errors.New(s)` prints
// `&errors.errorString{...} escapes to heap` on the caller's line. To learn which functions do
// that, and whether the allocation escapes whatever the caller does or only when the call's
// result does, this program writes two probe packages with one function per callee:
//
//	ret:    func p12(a0 string) error { return errors.New(a0) }   // the result escapes
//	local:  func p12(a0 string) { _ = errors.New(a0) }            // the result is dropped
//	global: var p12 = errors.New("")                             // a package-level initializer
//
// Arguments are the probe's parameters, so nothing about them is known (a pointer argument points
// anywhere, an interface argument has an unknown dynamic type). The global variant (functions
// only, with zero constants for arguments) tells which inlined calls the compiler turns into
// static data at package level (`var ErrX = errors.New("x")` allocates nothing at run time).
// Each probe takes exactly three lines, so a diagnostic's line tells its probe. Only callees whose signature can be written
// outside their package are probed: no generics, no unexported or internal types.
//
// The index on stdout maps each probe file to its callees, in line order.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/build"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// callee is one function or method to probe.
type callee struct {
	Key     string `json:"key"` // "errors.New", "(*bufio.Reader).Reset", "(bytes.Buffer).Len"
	pkg     *types.Package
	sig     *types.Signature
	recv    types.Type // nil for functions
	name    string
	results int
}

// chunk is one probe file's callees, written in the same order in both variants.
type chunk struct {
	File    string   `json:"file"` // relative to the variant's folder
	Callees []string `json:"callees"`
}

const perFile = 400    // callees per probe file: keeps each compile unit small
const perPackage = 25 // callees per global probe package: keeps its init function small

func keys(list []*callee) []string {
	out := make([]string, 0, len(list))
	for _, c := range list {
		out = append(out, c.Key)
	}
	return out
}

func main() {
	out := flag.String("out", "", "the folder to write the probe module into")
	sizes := flag.Bool("sizes", false, "print the size and pointer-ness of each pkgpath.Type argument instead")
	flag.Parse()
	if *sizes {
		printSizes(flag.Args())
		return
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "inlinedprobe: -out is required")
		os.Exit(2)
	}
	build.Default.CgoEnabled = false
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)
	srcRoot := filepath.Join(build.Default.GOROOT, "src")
	var all []*callee
	for _, path := range flag.Args() {
		pkg, err := imp.ImportFrom(path, srcRoot, 0)
		if err != nil {
			fmt.Fprintf(os.Stderr, "inlinedprobe: %s: %v\n", path, err)
			continue
		}
		all = append(all, callees(pkg)...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Key < all[j].Key })
	must(os.MkdirAll(*out, 0o755))
	must(os.WriteFile(filepath.Join(*out, "go.mod"), []byte("module inlinedprobe\n\ngo 1.27\n"), 0o644))
	var index, globals []chunk
	for start := 0; start < len(all); start += perFile {
		end := min(start+perFile, len(all))
		name := fmt.Sprintf("p%03d.go", start/perFile)
		for _, variant := range []string{"ret", "local"} {
			dir := filepath.Join(*out, variant)
			must(os.MkdirAll(dir, 0o755))
			must(os.WriteFile(filepath.Join(dir, name), []byte(probeFile(variant, strings.TrimSuffix(name, ".go"), all[start:end])), 0o644))
		}
		index = append(index, chunk{name, keys(all[start:end])})
	}
	// Package-level initializers all run in one init function per package; past 5,000 nodes
	// the inliner takes only the cheapest callees, so the global probes come in small packages.
	var funcs []*callee
	for _, c := range all {
		if c.recv == nil && c.results > 0 {
			funcs = append(funcs, c)
		}
	}
	for start := 0; start < len(funcs); start += perPackage {
		end := min(start+perPackage, len(funcs))
		name := fmt.Sprintf("g%03d", start/perPackage)
		dir := filepath.Join(*out, "global", name)
		must(os.MkdirAll(dir, 0o755))
		must(os.WriteFile(filepath.Join(dir, "p.go"), []byte(probeFile("global", name, funcs[start:end])), 0o644))
		globals = append(globals, chunk{"global/" + name + "/p.go", keys(funcs[start:end])})
	}
	enc := json.NewEncoder(os.Stdout)
	must(enc.Encode(map[string]any{"perProbe": 3, "header": headerLines, "chunks": index, "globals": globals}))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "inlinedprobe:", err)
		os.Exit(1)
	}
}

// callees lists the package's exported functions and the exported methods of its exported
// named types whose signatures can be spelled in another package.
func callees(pkg *types.Package) []*callee {
	var found []*callee
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Func:
			sig := obj.Type().(*types.Signature)
			if sig.TypeParams().Len() == 0 && spellable(sig) {
				found = append(found, &callee{Key: pkg.Path() + "." + name, pkg: pkg, sig: sig,
					name: name, results: sig.Results().Len()})
			}
		case *types.TypeName:
			named, ok := obj.Type().(*types.Named)
			if !ok || obj.IsAlias() || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			for i := 0; i < named.NumMethods(); i++ {
				m := named.Method(i)
				sig := m.Type().(*types.Signature)
				if !m.Exported() || !spellable(sig) {
					continue
				}
				recv := sig.Recv().Type()
				key := fmt.Sprintf("(%s.%s).%s", pkg.Path(), name, m.Name())
				if _, ptr := recv.(*types.Pointer); ptr {
					key = fmt.Sprintf("(*%s.%s).%s", pkg.Path(), name, m.Name())
				}
				found = append(found, &callee{Key: key, pkg: pkg, sig: sig, recv: recv, name: m.Name(),
					results: sig.Results().Len()})
			}
		}
	}
	return found
}

// spellable reports whether every type in the signature can be named from another package.
func spellable(sig *types.Signature) bool {
	ok := true
	var visit func(t types.Type, depth int)
	visit = func(t types.Type, depth int) {
		if !ok || depth > 20 {
			return
		}
		switch t := t.(type) {
		case *types.Named:
			obj := t.Obj()
			if obj.Pkg() != nil && (!obj.Exported() || strings.Contains(obj.Pkg().Path(), "internal") ||
				strings.HasPrefix(obj.Pkg().Path(), "vendor/")) {
				ok = false
				return
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				visit(t.TypeArgs().At(i), depth+1)
			}
		case *types.Alias:
			visit(types.Unalias(t), depth)
		case *types.TypeParam:
			ok = false
		case *types.Pointer:
			visit(t.Elem(), depth+1)
		case *types.Slice:
			visit(t.Elem(), depth+1)
		case *types.Array:
			visit(t.Elem(), depth+1)
		case *types.Map:
			visit(t.Key(), depth+1)
			visit(t.Elem(), depth+1)
		case *types.Chan:
			visit(t.Elem(), depth+1)
		case *types.Signature:
			visit(t.Params(), depth+1)
			visit(t.Results(), depth+1)
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				visit(t.At(i).Type(), depth+1)
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if !t.Field(i).Exported() {
					ok = false // an unexported field of an unnamed struct cannot be written here
				}
				visit(t.Field(i).Type(), depth+1)
			}
		case *types.Interface:
			for i := 0; i < t.NumMethods(); i++ {
				if !t.Method(i).Exported() {
					ok = false
				}
				visit(t.Method(i).Type(), depth+1)
			}
		}
	}
	if recv := sig.Recv(); recv != nil {
		visit(recv.Type(), 0)
	}
	visit(sig.Params(), 0)
	visit(sig.Results(), 0)
	return ok
}

const headerLines = 2 // "package probe" and the import line; probes start on line 3

// probeFile writes one probe file: a package clause, one import line, then three lines per callee.
func probeFile(variant, prefix string, list []*callee) string {
	imports := map[string]string{}
	qualifier := func(p *types.Package) string {
		alias, ok := imports[p.Path()]
		if !ok {
			alias = fmt.Sprintf("i%d", len(imports))
			imports[p.Path()] = alias
		}
		return alias
	}
	var body strings.Builder
	for i, c := range list {
		body.WriteString(probe(variant, fmt.Sprintf("%s_%d", prefix, i), c, qualifier))
	}
	paths := make([]string, 0, len(imports))
	for path := range imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	var specs []string
	for _, path := range paths {
		specs = append(specs, fmt.Sprintf("%s %q", imports[path], path))
	}
	header := "package probe\n"
	if len(specs) > 0 {
		header += "import (" + strings.Join(specs, "; ") + ")\n"
	} else {
		header += "\n"
	}
	return header + body.String()
}

// probe is exactly three lines, the call on the second: the signature, the call, the closing
// brace; for the global variant a comment, the initializer, a comment.
func probe(variant, id string, c *callee, q types.Qualifier) string {
	if variant == "global" {
		return global(id, c, q)
	}
	var params, args []string
	if c.recv != nil {
		params = append(params, "r "+types.TypeString(c.recv, q))
	}
	n := c.sig.Params().Len()
	for i := 0; i < n; i++ {
		t := c.sig.Params().At(i).Type()
		arg := fmt.Sprintf("a%d", i)
		if c.sig.Variadic() && i == n-1 {
			params = append(params, arg+" ..."+types.TypeString(t.(*types.Slice).Elem(), q))
			arg += "..."
		} else {
			params = append(params, arg+" "+types.TypeString(t, q))
		}
		args = append(args, arg)
	}
	fn := q(c.pkg) + "." + c.name
	if c.recv != nil {
		fn = "r." + c.name
	}
	call := fmt.Sprintf("%s(%s)", fn, strings.Join(args, ", "))
	var results []string
	for i := 0; i < c.results && variant == "ret"; i++ {
		results = append(results, types.TypeString(c.sig.Results().At(i).Type(), q))
	}
	head := fmt.Sprintf("func %s(%s)", id, strings.Join(params, ", "))
	var line string
	switch {
	case variant == "ret" && c.results > 0:
		head += " (" + strings.Join(results, ", ") + ")"
		line = "\treturn " + call
	case c.results > 0:
		line = "\t" + strings.TrimSuffix(strings.Repeat("_, ", c.results), ", ") + " = " + call
	default:
		line = "\t" + call
	}
	return head + " {\n" + line + "\n}\n"
}

// global is a package-level initializer calling a function with zero constants.
func global(id string, c *callee, q types.Qualifier) string {
	line, use := "var _ = 0", "// end"
	if c.recv == nil && c.results > 0 {
		var args []string
		n := c.sig.Params().Len()
		for i := 0; i < n; i++ {
			if c.sig.Variadic() && i == n-1 {
				break
			}
			args = append(args, zero(c.sig.Params().At(i).Type(), q))
		}
		names := "g" + id + strings.Repeat(", _", c.results-1)
		line = fmt.Sprintf("var %s = %s.%s(%s)", names, q(c.pkg), c.name, strings.Join(args, ", "))
		use = "var _ = &g" + id // referenced, so that its initialization is not dropped
	}
	return "// " + id + "\n" + line + "\n" + use + "\n"
}

// zero is a constant (or composite literal) of type t.
func zero(t types.Type, q types.Qualifier) string {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return types.TypeString(t, q) + `("")`
		case u.Info()&types.IsBoolean != 0:
			return types.TypeString(t, q) + "(false)"
		case u.Kind() == types.UnsafePointer:
			return "nil"
		}
		return types.TypeString(t, q) + "(0)"
	case *types.Struct, *types.Array:
		return types.TypeString(t, q) + "{}"
	}
	return "(" + types.TypeString(t, q) + ")(nil)"
}

// printSizes prints {"pkgpath.Type": [size, has pointers]} for the named types given, as the
// gc compiler lays them out for this GOARCH (a type that cannot be found is left out).
func printSizes(names []string) {
	build.Default.CgoEnabled = false
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)
	srcRoot := filepath.Join(build.Default.GOROOT, "src")
	sizes := types.SizesFor("gc", build.Default.GOARCH)
	found := map[string][2]any{}
	for _, name := range names {
		dot := strings.LastIndex(name, ".")
		pkg, err := imp.ImportFrom(name[:dot], srcRoot, 0)
		if err != nil {
			continue
		}
		obj, ok := pkg.Scope().Lookup(name[dot+1:]).(*types.TypeName)
		if !ok {
			continue
		}
		found[name] = [2]any{sizes.Sizeof(obj.Type()), hasPointers(obj.Type().Underlying(), 0)}
	}
	must(json.NewEncoder(os.Stdout).Encode(found))
}

func hasPointers(t types.Type, depth int) bool {
	if depth > 20 {
		return true
	}
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Kind() == types.String || t.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if hasPointers(t.Field(i).Type(), depth+1) {
				return true
			}
		}
		return false
	case *types.Array:
		return t.Len() > 0 && hasPointers(t.Elem(), depth+1)
	}
	return true
}
