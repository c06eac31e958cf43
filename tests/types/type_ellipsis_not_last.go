package main

func f(xs ...int, y int) {}

func main() {
	f(1)
}
