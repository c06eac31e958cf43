package main

import (
	"errors"
	"fmt"
)

func worker(n int, errc chan<- error) {
	defer func() {
		if r := recover(); r != nil {
			errc <- fmt.Errorf("worker %d: %v", n, r)
			return
		}
		errc <- nil
	}()
	if n%2 == 1 {
		panic(errors.New("odd input"))
	}
}

func main() {
	errc := make(chan error)
	go worker(3, errc)
	fmt.Println("result:", <-errc)
	go worker(4, errc)
	fmt.Println("result:", <-errc)
}
