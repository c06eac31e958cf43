package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println("elapsed >= 10ms:", elapsed >= 10*time.Millisecond)
	fmt.Println("elapsed < 5s:", elapsed < 5*time.Second)
	later := time.Now()
	fmt.Println("later.Sub(start) == positive:", later.Sub(start) > 0)
	fmt.Println("start before later:", start.Before(later))
}
