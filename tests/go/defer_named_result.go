package main

import "fmt"

func f() (r int) {
	defer func() { r = r + 1 }()
	return 5 // r = 5, then the defer makes it 6
}

func g() (r int) {
	defer func() { r *= 2 }()
	r = 3
	return // bare return: r is 3, the defer doubles it
}

func h() int {
	r := 5
	defer func() { r = r + 1 }()
	return r // unnamed result: the copy is made before the defer runs
}

func main() {
	fmt.Println("f() =", f())
	fmt.Println("g() =", g())
	fmt.Println("h() =", h())
}
