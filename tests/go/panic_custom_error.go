package main

import "fmt"

type ValidationError struct {
	Field string
	Msg   string
}

func (e *ValidationError) Error() string {
	return "invalid " + e.Field + ": " + e.Msg
}

func validate(age int) {
	if age < 0 {
		panic(&ValidationError{Field: "age", Msg: fmt.Sprint("negative value ", age)})
	}
}

func main() {
	validate(30)
	fmt.Println("30 is valid")
	validate(-1)
}
