package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-17", "+8", "0", "007", "", "abc", "12a", " 5", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1_000", "0x10"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, n, err)
	}
	_, err := strconv.Atoi("nope")
	var numErr *strconv.NumError
	if errors.As(err, &numErr) {
		fmt.Println("NumError:", numErr.Func, numErr.Num, numErr.Err)
	}
	fmt.Println("Is ErrSyntax:", errors.Is(err, strconv.ErrSyntax))
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println("Is ErrRange:", errors.Is(err, strconv.ErrRange))
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-123), strconv.Itoa(1<<40))
	fmt.Printf("%q\n", strconv.Itoa(7)+strconv.Itoa(8))
}
