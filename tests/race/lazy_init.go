// Lazy initialization without sync.Once.
package main

import (
	"fmt"
	"time"
)

type Config struct {
	name string
}

var config *Config

func getConfig() *Config {
	if config == nil {
		config = &Config{name: "prod"}
	}
	return config
}

func main() {
	go getConfig()
	go func() {
		time.Sleep(time.Millisecond)
		getConfig()
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
