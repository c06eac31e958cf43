package main

import (
	"fmt"
	"sync"
)

type Acc struct {
	name  string
	total int
}

func (a *Acc) Add(xs []int, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, x := range xs {
		a.total += x
	}
}

func main() {
	var wg sync.WaitGroup
	a := &Acc{name: "a"}
	b := &Acc{name: "b"}
	wg.Add(2)
	go a.Add([]int{1, 2, 3}, &wg)
	go b.Add([]int{10, 20}, &wg)
	wg.Wait()
	fmt.Println(a.name, a.total, b.name, b.total)
}
