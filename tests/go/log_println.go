package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	log.Println("log.Println writes to stderr")
	log.Printf("formatted: %d %s", 42, "items")
	log.Print("no newline needed")
	log.SetPrefix("[app] ")
	log.Println("with a prefix")
	fmt.Println("only this line is on stdout; flags:", log.Flags(), "prefix:", log.Prefix())
}
