package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

type P struct{ X int }

func main() {
	in := make(chan string)
	done := make(chan bool)
	go func() {
		for {
			s := <-in
			fmt.Fprintln(os.Stdout, "echo", strings.ToUpper(s))
			done <- true
		}
	}()
	in <- "a"
	<-done
	in <- "b"
	<-done
	time.AfterFunc(time.Second, func() { fmt.Println("after func fired") })
	time.Sleep(2 * time.Second)
	go fmt.Println("go of a library function")
	time.Sleep(time.Second)
	pc := make(chan any)
	go func() { pc <- P{1}; pc <- P{2} }()
	fmt.Println(<-pc)
	in <- "c"
	<-done
}
