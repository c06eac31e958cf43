package main

import (
	"fmt"
	"log"
)

func main() {
	log.Println("this line starts with a date and time on stderr")
	fmt.Println("flags == LstdFlags:", log.Flags() == log.LstdFlags, log.LstdFlags, log.Ldate, log.Ltime)
}
