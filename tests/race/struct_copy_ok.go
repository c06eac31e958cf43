// The copy happens after the write, ordered by a WaitGroup.
package main

import (
	"fmt"
	"sync"
)

type User struct {
	Name string
	Age  int
}

func main() {
	u := &User{"ann", 30}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		u.Age = 31
	}()
	wg.Wait()
	snapshot := *u
	fmt.Println(snapshot.Name, snapshot.Age)
}
