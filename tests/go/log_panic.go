package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	defer fmt.Println("deferred calls DO run after log.Panic")
	log.Panicf("bad state %d", 7)
}
