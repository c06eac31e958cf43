// Append from goroutines, fixed: results come back over a channel and one goroutine appends.
package main

import "fmt"

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			ch <- i * i
		}()
	}
	var results []int
	for i := 0; i < 3; i++ {
		results = append(results, <-ch)
	}
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(len(results), sum)
}
