package main

import "fmt"

type Point struct{ X, Y int }
type Named struct {
	Name string
	Pos  Point
	Tags [2]string
}

type Animal interface{ Sound() string }
type Dog struct{ name string }

func (d Dog) Sound() string { return d.name + " says woof" }

func main() {
	p1, p2, p3 := Point{1, 2}, Point{1, 2}, Point{2, 1}
	fmt.Println("struct ==:", p1 == p2, p1 == p3, p1 != p3)
	n1 := Named{"a", Point{1, 1}, [2]string{"x", "y"}}
	n2 := n1
	fmt.Println("nested struct ==:", n1 == n2)
	n2.Tags[1] = "z"
	fmt.Println("after change:", n1 == n2)
	a1, a2 := [3]int{1, 2, 3}, [3]int{1, 2, 3}
	fmt.Println("array ==:", a1 == a2)
	x, y := 5, 5
	px, py, px2 := &x, &y, &x
	fmt.Println("pointer ==:", px == py, px == px2)
	var i1, i2 any = 3, 3
	fmt.Println("interface == same dynamic type and value:", i1 == i2)
	var i3 any = int64(3)
	fmt.Println("interface == different dynamic types:", i1 == i3)
	var a, b Animal = Dog{"rex"}, Dog{"rex"}
	fmt.Println("interface holding structs:", a == b)
	fmt.Println("interface vs concrete:", a == Dog{"rex"})
	var e1, e2 error
	fmt.Println("nil interfaces:", e1 == e2, e1 == nil)
	var s []int
	fmt.Println("slice == nil:", s == nil)
	var m map[string]int
	fmt.Println("map == nil:", m == nil)
	var f func()
	fmt.Println("func == nil:", f == nil)
	fmt.Println("strings:", "go" == "go", "go" < "gomini")
	fmt.Println("floats:", 0.1+0.2 == 0.3, 1.0 == 1)
	type pair struct {
		k any
		v int
	}
	fmt.Println("struct with interface fields:", pair{1, 2} == pair{1, 2}, pair{"1", 2} == pair{1, 2})
	ch := map[Point]string{{0, 0}: "origin", {1, 2}: "p"}
	fmt.Println("struct as map key:", ch[Point{1, 2}], ch[Point{}])
	ak := map[[2]int]bool{{1, 2}: true}
	fmt.Println("array as map key:", ak[[2]int{1, 2}], ak[[2]int{2, 1}])
	ik := map[any]string{1: "int", "1": "string", 1.0: "float"}
	fmt.Println("interface keys:", ik[1], ik["1"], ik[1.0], len(ik))
}
