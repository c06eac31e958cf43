package main

import (
	"fmt"
	"strings"
)

type Solver struct {
	n                   int
	cols, diag1, diag2  []bool
	queens              []int
	solutions           int
	first               []int
}

func NewSolver(n int) *Solver {
	return &Solver{
		n:      n,
		cols:   make([]bool, n),
		diag1:  make([]bool, 2*n-1),
		diag2:  make([]bool, 2*n-1),
		queens: make([]int, 0, n),
	}
}

func (s *Solver) place(row int) {
	if row == s.n {
		s.solutions++
		if s.first == nil {
			s.first = append([]int(nil), s.queens...)
		}
		return
	}
	for c := 0; c < s.n; c++ {
		d1, d2 := row+c, row-c+s.n-1
		if s.cols[c] || s.diag1[d1] || s.diag2[d2] {
			continue
		}
		s.cols[c], s.diag1[d1], s.diag2[d2] = true, true, true
		s.queens = append(s.queens, c)
		s.place(row + 1)
		s.queens = s.queens[:len(s.queens)-1]
		s.cols[c], s.diag1[d1], s.diag2[d2] = false, false, false
	}
}

func board(q []int) string {
	var sb strings.Builder
	for _, c := range q {
		sb.WriteString(strings.Repeat(". ", c))
		sb.WriteString("Q ")
		sb.WriteString(strings.Repeat(". ", len(q)-c-1))
		sb.WriteString("\n")
	}
	return sb.String()
}

func main() {
	for n := 1; n <= 9; n++ {
		s := NewSolver(n)
		s.place(0)
		fmt.Printf("n=%d solutions=%d first=%v\n", n, s.solutions, s.first)
	}
	s := NewSolver(8)
	s.place(0)
	fmt.Print(board(s.first))
}
