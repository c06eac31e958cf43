package main

func pair() (int, int) { return 1, 2 }

func main() {
	x := 1
	x == 2
	pair()
}
