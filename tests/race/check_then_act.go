// Check-then-act: both goroutines check the balance, then withdraw, without a lock.
package main

import (
	"fmt"
	"time"
)

var balance = 100

func withdraw(amount int) {
	if balance >= amount {
		balance -= amount
	}
}

func main() {
	go withdraw(80)
	go func() {
		time.Sleep(time.Millisecond)
		withdraw(80)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
