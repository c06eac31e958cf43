package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout via Fprintln", 1, 2)
	fmt.Fprintln(os.Stderr, "to stderr: not part of the .out golden")
	fmt.Fprintf(os.Stdout, "Fprintf: %05.1f|%-4s|\n", 3.14159, "ab")
	fmt.Fprint(os.Stdout, "Fprint", 1, 2, "x", "\n")
	n, err := fmt.Fprintf(os.Stdout, "%s\n", "count me")
	fmt.Println("bytes written:", n, "err:", err)
	fmt.Fprintf(os.Stderr, "warning: %d\n", 42)
	fmt.Println("done")
}
