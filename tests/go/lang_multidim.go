package main

import "fmt"

func main() {
	rows, cols := 3, 4
	grid := make([][]int, rows)
	for r := range grid {
		grid[r] = make([]int, cols)
		for c := range grid[r] {
			grid[r][c] = r*cols + c
		}
	}
	fmt.Println(grid)
	// transpose
	t := make([][]int, cols)
	for c := range t {
		t[c] = make([]int, rows)
		for r := range rows {
			t[c][r] = grid[r][c]
		}
	}
	fmt.Println(t)
	// jagged
	tri := [][]int{}
	for i := 1; i <= 5; i++ {
		row := make([]int, i)
		row[0], row[i-1] = 1, 1
		for j := 1; j < i-1; j++ {
			row[j] = tri[i-2][j-1] + tri[i-2][j]
		}
		tri = append(tri, row)
	}
	for _, row := range tri {
		fmt.Println(row)
	}
	var board [3][3]rune
	for i := range board {
		for j := range board[i] {
			board[i][j] = '.'
		}
	}
	board[1][1] = 'X'
	board[0][2] = 'O'
	for _, row := range board {
		fmt.Println(string(row[:]))
	}
	cube := [2][2][2]int{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}
	sum := 0
	for _, plane := range cube {
		for _, line := range plane {
			for _, v := range line {
				sum += v
			}
		}
	}
	fmt.Println("cube:", cube, "sum:", sum)
	m := map[string][]map[string]int{"a": {{"x": 1}, {"y": 2}}}
	m["a"][1]["z"] = 3
	fmt.Println(m)
}
