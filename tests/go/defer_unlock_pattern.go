package main

import (
	"errors"
	"fmt"
	"sync"
)

var mu sync.Mutex
var balance = 100

func withdraw(n int) error {
	mu.Lock()
	defer mu.Unlock()
	if n > balance {
		return errors.New("insufficient funds")
	}
	balance -= n
	return nil
}

func main() {
	fmt.Println(withdraw(30), balance)
	fmt.Println(withdraw(100), balance)
	fmt.Println(withdraw(70), balance)
	mu.Lock()
	fmt.Println("lock is free again: acquired in main")
	mu.Unlock()
}
