package main

import (
	"errors"
	"fmt"
)

func closeIt(name string) error {
	if name == "bad" {
		return errors.New("close failed for " + name)
	}
	return nil
}

func process(name string) (err error) {
	defer func() {
		if cerr := closeIt(name); cerr != nil && err == nil {
			err = cerr
		}
	}()
	if name == "" {
		return errors.New("empty name")
	}
	fmt.Println("processing", name)
	return nil
}

func main() {
	for _, n := range []string{"good", "bad", ""} {
		fmt.Printf("process(%q) -> %v\n", n, process(n))
	}
}
