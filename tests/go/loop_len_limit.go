// `i < len(s)` loops fuse their back-edge with the length read again before
// each test: the body may reslice, append to, or delete from the subject.
package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
		if i == 1 {
			s = s[:4]
		}
	}
	fmt.Println("resliced", t)

	grow := []int{1}
	for i := 0; i < len(grow); i++ {
		if grow[i] < 20 {
			grow = append(grow, grow[i]*3)
		}
	}
	fmt.Println("appended", grow)

	str := "héllo, wörld"
	for i := 0; i < len(str); i += 3 {
		fmt.Print(str[i], " ")
	}
	fmt.Println()

	m := map[int]bool{0: true, 1: true, 2: true, 3: true, 4: true, 5: true}
	n := 0
	for i := 0; i < len(m); i++ {
		delete(m, 5-i)
		n++
	}
	fmt.Println("map shrinks", n, len(m))

	var evens []int
	for i := 0; len(s) > i; i++ {
		if s[i]%2 == 1 {
			continue
		}
		evens = append(evens, s[i])
	}
	fmt.Println("continue", evens)

	var nilSlice []string
	for i := 0; i < len(nilSlice); i++ {
		fmt.Println("never")
	}
	arr := [3]int{7, 8, 9}
	for i := 0; i <= len(arr)-1; i++ {
		fmt.Print(arr[i])
	}
	fmt.Println()
}
