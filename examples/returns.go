// Package escapes shows, one file per pattern, Go code that makes values escape to the heap,
// each next to a version that keeps them on the stack. Run `goescape check examples`.
package escapes

// Config is a small value type.
type Config struct {
	Name    string
	Retries int
}

// NewConfig returns the address of a local: `cfg` is moved to the heap.
func NewConfig(name string) *Config {
	cfg := Config{Name: name, Retries: 3}
	return &cfg
}

// DefaultConfig returns a copy: nothing escapes.
func DefaultConfig(name string) Config {
	return Config{Name: name, Retries: 3}
}

// FillConfig lets the caller own the storage: nothing escapes here.
func FillConfig(cfg *Config, name string) {
	cfg.Name, cfg.Retries = name, 3
}
