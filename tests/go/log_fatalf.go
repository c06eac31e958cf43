package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("server: ")
	port := 80
	fmt.Println("starting")
	log.Fatalf("cannot bind port %d: %s", port, "permission denied")
}
