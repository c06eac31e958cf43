package main

import "fmt"

func main() {
	grid := make([][]int, 2)
	for i := range grid {
		grid[i] = make([]int, 2)
	}
	grid[1][1] = 5
	fmt.Println(grid)
	row, col := 1, 2
	grid[row][col] = 9
}
