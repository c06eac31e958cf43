package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	defer fmt.Println("deferred calls do NOT run after log.Fatal")
	fmt.Println("about to call log.Fatal")
	log.Fatal("fatal: config file missing")
}
