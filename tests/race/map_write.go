// Two goroutines write one map.
package main

import (
	"fmt"
	"time"
)

func main() {
	m := map[string]int{}
	go func() {
		m["a"] = 1
	}()
	go func() {
		time.Sleep(time.Millisecond)
		m["b"] = 2
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
