package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func main() {
	jobs := make(chan string)
	results := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- strings.ToUpper(j)
			}
		}()
	}
	go func() {
		for _, j := range []string{"pear", "apple", "fig", "kiwi", "date"} {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var got []string
	for r := range results {
		got = append(got, r)
	}
	sort.Strings(got)
	fmt.Println(got)
}
