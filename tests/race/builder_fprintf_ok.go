// A goroutine writes a strings.Builder through fmt.Fprintf (an io.Writer);
// main writes it only after the goroutine says it is done.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	done := make(chan bool)
	go func() {
		fmt.Fprintf(&b, "worker %d\n", 1)
		done <- true
	}()
	<-done
	b.WriteString("main\n")
	fmt.Print(b.String())
}
