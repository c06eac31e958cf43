package main

import (
	"fmt"
	"sync"
)

func safeGo(wg *sync.WaitGroup, id int, errs []string, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				errs[id] = fmt.Sprint("worker ", id, " recovered: ", r)
			}
		}()
		f()
		errs[id] = fmt.Sprint("worker ", id, " ok")
	}()
}

func main() {
	var wg sync.WaitGroup
	errs := make([]string, 3)
	safeGo(&wg, 0, errs, func() {})
	safeGo(&wg, 1, errs, func() { panic("bad input") })
	safeGo(&wg, 2, errs, func() {
		var m map[string]int
		m["x"] = 1
	})
	wg.Wait()
	for _, e := range errs {
		fmt.Println(e)
	}
}
