package main

import "fmt"

type Config struct{ Name string }

func main() {
	var c *Config
	fmt.Println("c == nil:", c == nil)
	fmt.Println(c.Name)
}
