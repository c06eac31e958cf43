package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(time.Hour)
	fmt.Println("Reset of an active timer returns:", t.Reset(15*time.Millisecond))
	<-t.C
	fmt.Println("fired well before an hour:", time.Since(start) < time.Minute)
	fmt.Println("Reset of an expired timer returns:", t.Reset(5*time.Millisecond))
	<-t.C
	fmt.Println("fired again after Reset")
}
