package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		90 * time.Minute,
		1500 * time.Millisecond,
		150 * time.Millisecond,
		2 * time.Second,
		0,
		time.Nanosecond,
		1500 * time.Microsecond,
		-3 * time.Second,
		36*time.Hour + 5*time.Second,
	}
	for _, d := range ds {
		fmt.Println(d, int64(d))
	}
	d := 90 * time.Minute
	fmt.Println(d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds())
	fmt.Printf("%v %s %d\n", time.Second, 2*time.Millisecond, time.Microsecond)
}
