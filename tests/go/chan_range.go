package main

import "fmt"

func main() {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, w := range []string{"alpha", "beta", "gamma"} {
			ch <- w
		}
	}()
	for w := range ch {
		fmt.Println("received", w)
	}
	fmt.Println("range ended because the channel was closed")
}
