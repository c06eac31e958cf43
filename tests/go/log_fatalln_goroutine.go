package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	done := make(chan bool)
	go func() {
		defer fmt.Println("not printed: os.Exit skips defers in every goroutine")
		log.Fatalln("worker failed:", 3, "retries")
		done <- true
	}()
	<-done
}
