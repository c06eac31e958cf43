package main

import "fmt"

func main() {
	arr := [4]int{1, 2, 3, 4}
	// range over an array iterates over a copy: changes are not seen
	for i, v := range arr {
		if i == 0 {
			arr[3] = 100
		}
		fmt.Print(v, " ")
	}
	fmt.Println("| arr now", arr)

	// range over a pointer to array sees the changes
	arr2 := [4]int{1, 2, 3, 4}
	for i, v := range &arr2 {
		if i == 0 {
			arr2[3] = 100
		}
		fmt.Print(v, " ")
	}
	fmt.Println("| arr2 now", arr2)

	// index only
	names := [...]string{"a", "b", "c"}
	for i := range names {
		fmt.Print(i)
	}
	fmt.Println(" len", len(names))

	// modifying the value variable doesn't affect the array
	for _, v := range names {
		v += "!"
		_ = v
	}
	fmt.Println(names)

	var grid [2][3]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i*10 + j
		}
	}
	fmt.Println(grid)
}
