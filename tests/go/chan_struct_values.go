package main

import "fmt"

type Msg struct {
	ID   int
	Body string
	Tags []string
}

func main() {
	ch := make(chan Msg, 1)
	m := Msg{ID: 1, Body: "hello", Tags: []string{"x"}}
	ch <- m
	m.Body = "changed"  // the struct was copied into the channel
	m.Tags[0] = "y"     // but the slice inside shares its array
	got := <-ch
	fmt.Printf("%+v\n", got)
	pch := make(chan *Msg, 1)
	pch <- &m
	m.ID = 2
	fmt.Printf("%+v\n", *<-pch)
}
