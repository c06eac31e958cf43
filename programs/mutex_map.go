// A map shared by many goroutines, protected by a mutex that is released with
// defer (article, chapter 1 and section 4.1).
package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var data = make(map[string]string)

func update(key, value string) {
	mu.Lock()
	defer mu.Unlock() // correct, as long as every access takes the lock
	data[key] = value
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			update(fmt.Sprintf("key%d", i), fmt.Sprintf("value%d", i))
		}()
	}
	wg.Wait()
	fmt.Println(len(data), "entries:", data)
}
