package main

import "fmt"

type Speaker interface{ Speak() string }

type Dog struct{}

func (Dog) Speak() string { return "woof" }

type Cat struct{}

func (Cat) Speak() string { return "meow" }

func main() {
	var s Speaker = Cat{}
	fmt.Println(s.Speak())
	d := s.(Dog)
	fmt.Println(d.Speak())
}
