package main

type T int

func (t T, u T) M() {}

func main() {
}
