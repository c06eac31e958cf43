package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	stopped := t.Stop()
	fmt.Println("Stop before firing returns:", stopped)
	select {
	case <-t.C:
		fmt.Println("fired (unexpected)")
	case <-time.After(40 * time.Millisecond):
		fmt.Println("stopped timer never fires")
	}
	t2 := time.NewTimer(10 * time.Millisecond)
	<-t2.C
	fmt.Println("t2 fired; Stop now returns:", t2.Stop())
}
