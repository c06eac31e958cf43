package main

import (
	"errors"
	"fmt"
	"strings"
)

type Matrix [][]float64

func New(rows, cols int) Matrix {
	m := make(Matrix, rows)
	for i := range m {
		m[i] = make([]float64, cols)
	}
	return m
}

func Identity(n int) Matrix {
	m := New(n, n)
	for i := range n {
		m[i][i] = 1
	}
	return m
}

func (m Matrix) Dims() (int, int) {
	if len(m) == 0 {
		return 0, 0
	}
	return len(m), len(m[0])
}

func (m Matrix) Mul(o Matrix) (Matrix, error) {
	r1, c1 := m.Dims()
	r2, c2 := o.Dims()
	if c1 != r2 {
		return nil, errors.New(fmt.Sprintf("dimension mismatch: %dx%d * %dx%d", r1, c1, r2, c2))
	}
	res := New(r1, c2)
	for i := 0; i < r1; i++ {
		for j := 0; j < c2; j++ {
			var sum float64
			for k := 0; k < c1; k++ {
				sum += m[i][k] * o[k][j]
			}
			res[i][j] = sum
		}
	}
	return res, nil
}

func (m Matrix) Transpose() Matrix {
	r, c := m.Dims()
	t := New(c, r)
	for i := range r {
		for j := range c {
			t[j][i] = m[i][j]
		}
	}
	return t
}

func (m Matrix) String() string {
	var sb strings.Builder
	for _, row := range m {
		for j, v := range row {
			if j > 0 {
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "%7.2f", v)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	c, err := a.Mul(b)
	fmt.Print("A*B =\n", c)
	fmt.Println("err:", err)
	_, err = a.Mul(a)
	fmt.Println("A*A error:", err)
	fmt.Print("A^T =\n", a.Transpose())
	id := Identity(3)
	same, _ := b.Transpose().Mul(id)
	fmt.Print("B^T * I =\n", same)
	// integer matrix power: Fibonacci via [[1,1],[1,0]]^n
	fib := Matrix{{1, 1}, {1, 0}}
	p := Identity(2)
	for range 30 {
		p, _ = p.Mul(fib)
	}
	fmt.Println("fib(30) =", p[0][1])
	rot := Matrix{{0, -1}, {1, 0}}
	v := Matrix{{1}, {0}}
	for i := range 4 {
		v, _ = rot.Mul(v)
		fmt.Printf("rotation %d: (%g, %g)\n", i+1, v[0][0], v[1][0])
	}
	fmt.Println(Matrix{{0.1 + 0.2, 1e3}, {-0.005, 2.675}})
}
