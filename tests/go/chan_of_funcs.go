package main

import "fmt"

func main() {
	tasks := make(chan func() string, 3)
	results := make(chan string)
	go func() {
		for t := range tasks {
			results <- t()
		}
		close(results)
	}()
	for i := 1; i <= 3; i++ {
		tasks <- func() string { return fmt.Sprint("task ", i, " ran") }
	}
	close(tasks)
	for r := range results {
		fmt.Println(r)
	}
}
