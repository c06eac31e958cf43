package main

import (
	"fmt"
	"sync"
)

type Config struct{ Name string }

var (
	cfg     *Config
	cfgOnce sync.Once
	loads   int
)

func getConfig() *Config {
	cfgOnce.Do(func() {
		loads++
		cfg = &Config{Name: "prod"}
	})
	return cfg
}

func main() {
	var wg sync.WaitGroup
	names := make([]string, 8)
	for i := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names[i] = getConfig().Name
		}()
	}
	wg.Wait()
	fmt.Println(names, "loads:", loads)
}
