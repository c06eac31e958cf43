package main

import "fmt"

func main() {
	total := 0
	{
		a := 1
		{
			b := 2
			total += a + b
		}
		{
			b := 10
			total += b
		}
	}
	fmt.Println("total:", total)
	// empty statements and blocks
	{
	}
	;
	for i := 0; i < 2; i++ {
		{
			x := i * 100
			fmt.Println("nested block x:", x)
		}
	}
	// function literal blocks see enclosing scopes
	level := "outer"
	func() {
		level := "inner"
		fmt.Println("in func literal:", level)
	}()
	fmt.Println("after:", level)
	// a const and type declared in a block
	{
		const K = 3
		type pair [K]int
		var p pair
		p[K-1] = K
		fmt.Println("block-local type:", p)
	}
}
