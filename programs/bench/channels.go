// channels: 500,000 round trips between two goroutines over unbuffered channels (ping-pong), prints the count.
package main

import "fmt"

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	n := 0
	for i := 0; i < 500000; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	fmt.Println(n)
}
