package main

import "fmt"

func divmod(a, b int) (q, r int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	q = a / b
	r = a % b
	return
}

func main() {
	fmt.Println(divmod(17, 5))
	fmt.Println(divmod(17, 0))
}
