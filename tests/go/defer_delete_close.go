package main

import "fmt"

func useMap(m map[string]int) {
	defer delete(m, "temp")
	m["temp"] = 99
	fmt.Println("inside, len =", len(m), "temp =", m["temp"])
}

func produce(ch chan int) {
	defer close(ch)
	for i := 1; i <= 3; i++ {
		ch <- i
	}
}

func main() {
	m := map[string]int{"keep": 1}
	useMap(m)
	_, ok := m["temp"]
	fmt.Println("after, len =", len(m), "temp present:", ok)

	ch := make(chan int, 3)
	produce(ch)
	for v := range ch {
		fmt.Println("got", v)
	}
	fmt.Println("channel closed by deferred close")
}
