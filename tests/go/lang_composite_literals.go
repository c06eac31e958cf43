package main

import "fmt"

type Point struct{ X, Y int }
type Line struct {
	From, To Point
	Label    string
}

type Tree struct {
	Val         int
	Left, Right *Tree
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.Val + t.Left.Sum() + t.Right.Sum()
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	fmt.Println(p, q)
	l := Line{From: Point{0, 0}, To: Point{X: 3, Y: 4}, Label: "diag"}
	fmt.Printf("%+v\n", l)
	pts := []Point{{1, 1}, {X: 2}, {}}
	fmt.Println(pts)
	pps := []*Point{{1, 1}, {2, 2}}
	fmt.Println(*pps[0], *pps[1])
	arr := [...]string{2: "c", 0: "a"}
	fmt.Printf("%q len %d\n", arr, len(arr))
	sparse := []int{5: 1, 2, 3, 1: 9}
	fmt.Println(sparse, len(sparse))
	m := map[string]Point{"o": {}, "p": {1, 2}}
	fmt.Println(m)
	mm := map[Point][]string{{1, 2}: {"a", "b"}, {0, 0}: nil}
	fmt.Println(mm)
	nested := [][]int{{1}, {2, 3}, {}}
	fmt.Println(nested, len(nested[2]))
	grid := [2][2]bool{{true}, {false, true}}
	fmt.Println(grid)
	pt := &Point{7, 8}
	pt.X++
	fmt.Println(*pt, pt.X)
	fmt.Printf("%v %+v\n", pt, pt)
	t := &Tree{1, &Tree{2, nil, nil}, &Tree{3, &Tree{Val: 4}, nil}}
	fmt.Println("tree sum:", t.Sum())
	anon := struct {
		Name string
		Age  int
	}{"gopher", 13}
	fmt.Printf("%+v\n", anon)
	people := []struct {
		Name string
		Tags map[string]int
	}{{"a", map[string]int{"x": 1}}, {Name: "b"}}
	fmt.Printf("%+v\n", people)
	empty := []int{}
	fmt.Println(empty == nil, len(empty))
	fnMap := map[string]func() string{"hi": func() string { return "hello" }}
	fmt.Println(fnMap["hi"]())
	ptrToSlice := &[]int{1, 2, 3}
	fmt.Println(len(*ptrToSlice), (*ptrToSlice)[2])
}
