// main's recover cannot catch a panic in another goroutine: each goroutine
// has its own stack, and the whole program dies (article, section 3.2).
package main

import (
	"log"
	"time"
)

func main() {
	defer func() {
		if r := recover(); r != nil {
			log.Println("caught panic:", r) // never runs
		}
	}()
	go func() {
		panic("child goroutine crashed")
	}()
	time.Sleep(time.Second)
}
