"""goescape's benchmarks: accuracy against `go build -gcflags=-m`, and the run-time cost of each rule."""
