"""The Go compiler as an oracle: running `go build -gcflags=-m` and reading what it prints."""
