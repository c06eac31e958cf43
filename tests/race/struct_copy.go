// Main copies a whole struct while a goroutine writes one of its fields.
package main

import (
	"fmt"
	"time"
)

type User struct {
	Name string
	Age  int
}

func main() {
	u := &User{"ann", 30}
	go func() {
		u.Age = 31
	}()
	time.Sleep(time.Millisecond)
	snapshot := *u
	fmt.Println(snapshot.Name)
}
