package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	defer func() {
		r := recover()
		fmt.Printf("recovered %T: %q\n", r, r)
	}()
	log.Panicln("broken", "pipe")
}
