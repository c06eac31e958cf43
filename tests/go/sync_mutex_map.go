package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var data = make(map[string]string)

func update(key, value string) {
	mu.Lock()
	defer mu.Unlock()
	data[key] = value
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			update(fmt.Sprintf("k%02d", i), fmt.Sprint(i*i))
		}()
	}
	wg.Wait()
	fmt.Println(len(data), data["k07"], data["k19"])
	fmt.Println(data)
}
