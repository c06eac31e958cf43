package main

import "fmt"

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprintf("my error code %d", e.Code) }

type Plain struct{ A, B int }

func main() {
	fmt.Println("panicking with a value of a type that has Error()")
	defer fmt.Println("deferred print still runs during panic")
	var err error = MyErr{7}
	if err != nil {
		panic(err)
	}
	panic(Plain{1, 2})
}
