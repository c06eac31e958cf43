package main

import "fmt"

func fib(quit <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		a, b := 0, 1
		for {
			select {
			case out <- a:
				a, b = b, a+b
			case <-quit:
				return
			}
		}
	}()
	return out
}

func main() {
	quit := make(chan struct{})
	f := fib(quit)
	for i := 0; i < 10; i++ {
		fmt.Print(<-f, " ")
	}
	fmt.Println()
	close(quit)
	for range f {
		// drain whatever was in flight; the generator then closes out
	}
	fmt.Println("generator stopped")
}
