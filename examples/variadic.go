package escapes

import "fmt"

// Describe passes ints to fmt.Sprintf's ...any parameter: each one is boxed on the heap.
func Describe(id, size int) string {
	return fmt.Sprintf("id=%d size=%d", id, size)
}

// DescribeInto formats into a buffer the caller owns, without interfaces: nothing is boxed.
func DescribeInto(buf *[32]byte, id int) int {
	n := copy(buf[:], "id=")
	if id == 0 {
		buf[n] = '0'
		return n + 1
	}
	var digits [20]byte
	i := len(digits)
	for ; id > 0; id /= 10 {
		i--
		digits[i] = byte('0' + id%10)
	}
	return n + copy(buf[n:], digits[i:])
}
