// A goroutine writes a strings.Builder through fmt.Fprintf (an io.Writer)
// while main writes it directly, without synchronization.
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
	b.WriteString("main\n")
	<-done
	fmt.Println(b.Len() > 0)
}
