// Multiplication by a constant (an immediate operand) wraps in narrow kinds,
// and comma-ok results go straight into their locals, also when a local is
// the operand being looked up.
package main

import "fmt"

type shape interface{ area() int }

type sq struct{ s int }

func (q sq) area() int { return q.s * q.s }

func main() {
	var a int8 = 100
	var b uint8 = 200
	var c int16 = -20000
	var d int32 = 1 << 30
	x := 12345
	fmt.Println(a*3, b*3, c*5, d*4, x*-7, x*0, x*32767, x*-32768)
	var big uint64 = 1 << 63
	fmt.Println(big*3, -9223372036854775807*x/x)
	i := int8(1)
	for n := 0; n < 9; n++ {
		fmt.Print(i, " ")
		i = i * 3
	}
	fmt.Println()

	m := map[int]int{1: 2, 2: 3, 3: 5, 5: 8}
	v := 1
	for i := 0; i < 6; i++ {
		v, ok := m[v]
		fmt.Print(v, ok, " ")
	}
	fmt.Println()
	k := 1
	hops := 0
	for {
		next, ok := m[k]
		if !ok {
			break
		}
		k = next
		hops++
	}
	fmt.Println("hops", hops, k)
	k = 2
	k, found := m[k]
	fmt.Println(k, found)

	ms := map[string][2]int{"a": {1, 2}}
	arr, ok := ms["a"]
	arr[0] = 9
	fmt.Println(arr, ok, ms["a"])
	arr2, ok2 := ms["zz"]
	fmt.Println(arr2, ok2)

	var s any = sq{4}
	if sh, ok := s.(shape); ok {
		fmt.Println("area", sh.area())
	}
	n, isInt := s.(int)
	fmt.Println(n, isInt)
	var e any = 7
	n, isInt = e.(int)
	fmt.Println(n, isInt)
	q, isSq := s.(sq)
	q.s = 5
	fmt.Println(q, isSq, s)
}
