// Range loops over ints, arrays and slices step their index with the fused
// back-edge: continue, break, empty subjects, changes to the subject and to
// the key inside the body, and captured keys.
package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for range 0 {
		fmt.Println("never")
	}
	for i := range int8(5) {
		fmt.Print(i, " ")
	}
	fmt.Println()

	s := []int{10, 20, 30, 40, 50}
	sum := 0
	for i, v := range s {
		if i == 1 {
			continue
		}
		if v == 50 {
			break
		}
		sum += v
	}
	fmt.Println("sum", sum)

	// The length is taken once; appends in the body are not visited.
	for i, v := range s {
		if i == 0 {
			s = append(s, 60)
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(s))

	// Assigning the key in the body does not change the iteration.
	for i := range 4 {
		fmt.Print(i, " ")
		i += 10
		_ = i
	}
	fmt.Println()

	arr := [4]string{"a", "b", "c", "d"}
	for i, v := range arr {
		arr[3] = "z" // the array was copied: still d
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i, v := range &arr {
		arr[3] = "y" // through the pointer: seen
		fmt.Print(i, v, " ")
	}
	fmt.Println()

	var empty []int
	for i := range empty {
		fmt.Println("never", i)
	}

	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	n := 0
outer:
	for i := range 5 {
		for j := range 5 {
			if j > i {
				continue outer
			}
			if i == 4 {
				break outer
			}
			n++
		}
	}
	fmt.Println("pairs", n)
}
