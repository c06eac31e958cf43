// Globals read and written in one instruction (LoadGlobalCell/StoreGlobalCell):
// every kind of non-aggregate global, op-assignments, tuple assignments that
// read and write the same globals, pointers to globals, closures and deferred
// calls updating globals, and globals declared with initialisers that use
// other globals.
package main

import (
	"errors"
	"fmt"
)

var (
	count   int
	total   = count + 10
	name    = "go"
	ratio   = 1.5
	flag    bool
	err     error
	ptr     *int
	list    []int
	table   = map[string]int{"a": 1}
	fn      func(int) int
	small   int8 = 120
	counter uint32
	boxed   any
	grid    [3]int
	point   struct{ x, y int }
)

func bump() int {
	count++
	return count
}

func swap() {
	count, total = total, count
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		count++
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	return a / b, nil
}

func named() (n int) {
	defer func() { n += count }()
	n = 5
	return
}

func main() {
	fmt.Println(count, total, name, ratio, flag, err, ptr == nil, list == nil, table["a"], fn == nil)
	count += 3
	count *= 2
	count -= 1
	count <<= 1
	count %= 7
	fmt.Println("ops", count)
	fmt.Println("bump", bump(), bump(), count)
	swap()
	fmt.Println("swap", count, total)
	count, total = count+total, count-total
	fmt.Println("tuple", count, total)
	name += "mini"
	ratio *= 4
	flag = !flag
	err = errors.New("bad")
	fmt.Println(name, ratio, flag, err)

	ptr = &count
	*ptr = 42
	fmt.Println("through ptr", count, *ptr)
	count++
	fmt.Println("after ++", *ptr)
	p := &total
	*p += 100
	fmt.Println("total", total)

	list = append(list, count, total)
	list[0]++
	fmt.Println(list, len(list))
	table["b"] = count
	fmt.Println(table["b"], len(table))

	fn = func(x int) int { count += x; return count }
	fmt.Println("fn", fn(1), fn(2), count)

	small += 10
	fmt.Println("small", small)
	counter--
	fmt.Println("counter", counter)
	boxed = count
	boxed = fmt.Sprint(boxed, "!")
	fmt.Println(boxed)

	grid[1] = count
	grid[2] += grid[1]
	point.y = grid[2]
	point.x++
	fmt.Println(grid, point)

	before := count
	q, e := safeDiv(7, 2)
	fmt.Println(q, e, count-before)
	q, e = safeDiv(7, 0)
	fmt.Println(q, e, count-before)
	fmt.Println("named", named(), count)

	inc := func() { count++ }
	for i := 0; i < 5; i++ {
		defer inc()
	}
	defer func() { fmt.Println("last", count) }()
}
