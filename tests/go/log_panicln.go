package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	fmt.Println("log.Panicln's message ends in a newline; Go indents what follows it")
	log.Panicln("broken", "pipe")
}
