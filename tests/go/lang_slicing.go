package main

import "fmt"

func main() {
	arr := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	s := arr[2:5]
	fmt.Println("arr[2:5]:", s, "len", len(s), "cap", cap(s))
	fmt.Println("s[:cap(s)]:", s[:cap(s)])
	t := arr[2:5:6]
	fmt.Println("arr[2:5:6]:", t, "len", len(t), "cap", cap(t))
	fmt.Println("arr[:]:", arr[:], "arr[5:]:", arr[5:], "arr[:3]:", arr[:3])
	// a 3-index slice limits capacity so append copies
	t = append(t, 100)
	t = append(t, 200)
	fmt.Println("after appends to t:", t, "arr:", arr)
	// a 2-index slice shares: append writes into arr
	s = append(s, 99)
	fmt.Println("after append to s:", s, "arr:", arr)
	str := "hello, world"
	fmt.Println("string slicing:", str[7:], str[:5], str[3:8])
	sub := str[7:12]
	fmt.Printf("%q %d\n", sub, len(sub))
	sl := []int{1, 2, 3, 4, 5}
	fmt.Println(sl[1:1], len(sl[5:]), sl[:0], cap(sl[2:]))
	p := &arr
	fmt.Println("slice of array pointer:", p[1:3])
	x := sl[1:3:3]
	fmt.Println("x:", x, len(x), cap(x))
	y := x[0:2:2]
	fmt.Println("y:", y)
	bs := []byte("gomini")
	fmt.Println(string(bs[2:]), string(bs[:2:3]))
	// re-slice past len but within cap
	z := sl[:2]
	fmt.Println("z:", z, "z[:4]:", z[:4])
}
