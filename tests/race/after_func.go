// time.AfterFunc: the function runs in a goroutine of its own, so a variable it writes and main reads after a Sleep is a race (sleeping is not synchronization). The program has no `go` statement.
package main

import (
	"fmt"
	"time"
)

func main() {
	fired := false
	time.AfterFunc(time.Millisecond, func() {
		fired = true
	})
	time.Sleep(20 * time.Millisecond)
	fmt.Println("fired:", fired)
}
