package main

import "fmt"

func main() {
	out := make(chan int)
	done := make(chan []int)
	go func() {
		var got []int
		for v := range out {
			got = append(got, v)
		}
		done <- got
	}()
	for i := 0; i < 5; i++ {
		select {
		case out <- i * 3:
		}
	}
	close(out)
	fmt.Println(<-done)
}
