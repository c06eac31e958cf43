package main

// The condition of a three-clause for loop is an increment and the body is
// empty: Go reports the condition first.
func main() {
	for x := 0; x++ {
	}
}
