// Lazy initialization with sync.Once.
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	name string
}

var (
	config *Config
	once   sync.Once
)

func getConfig() *Config {
	once.Do(func() {
		config = &Config{name: "prod"}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	names := make([]string, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names[i] = getConfig().name
		}()
	}
	wg.Wait()
	fmt.Println(names[0], names[1])
}
