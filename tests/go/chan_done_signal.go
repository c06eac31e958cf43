package main

import "fmt"

func main() {
	done := make(chan struct{})
	data := make([]string, 0)
	go func() {
		data = append(data, "loaded")
		close(done) // closing signals every receiver at once
	}()
	<-done
	<-done // a closed channel keeps answering
	fmt.Println(data)
	var s struct{}
	fmt.Printf("%v %T\n", s, done)
}
