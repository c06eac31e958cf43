package main

import "fmt"

func counter() (next func() int, total func() int) {
	n, sum := 0, 0
	next = func() int {
		defer func() { sum += n }()
		n++
		return n
	}
	total = func() int { return sum }
	return
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("safeDiv(%d, %d): %v", a, b, r)
		}
	}()
	return a / b, nil
}

func main() {
	next, total := counter()
	for i := 0; i < 3; i++ {
		fmt.Println("next:", next())
	}
	fmt.Println("total:", total())
	for _, b := range []int{2, 0} {
		q, err := safeDiv(10, b)
		fmt.Println(q, err)
	}
	var fs []func()
	for i := range 3 {
		defer func() { fmt.Println("deferred", i) }()
		fs = append(fs, func() { fmt.Println("closure", i) })
	}
	for _, f := range fs {
		f()
	}
}
