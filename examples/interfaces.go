package escapes

// Row boxes each int into an interface slot of a slice: every element is allocated.
func Row(a, b int) []any {
	row := make([]any, 2)
	row[0] = a
	row[1] = b
	return row
}

// Labels stores boxed values in a map whose values are interfaces.
func Labels(count int) map[string]any {
	labels := map[string]any{}
	labels["count"] = count
	return labels
}

// Sum keeps the ints in a typed slice: nothing is boxed.
func Sum(values []int) int {
	total := 0
	for _, v := range values {
		total += v
	}
	return total
}
