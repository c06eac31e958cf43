package main

import "fmt"

func main() {
	n := 42
	fmt.Printf("%%d: [%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", n, n, n, n, n, n)
	m := -42
	fmt.Printf("neg: [%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", m, m, m, m, m, m)
	fmt.Printf("%%x %%X: [%x] [%X] [%#x] [%#X] [%08x] [%#08x]\n", 255, 255, 255, 255, 255, 255)
	fmt.Printf("neg hex: [%x] [%X] [%#x]\n", -255, -255, -255)
	fmt.Printf("%%o: [%o] [%#o] [%O]\n", 8, 8, 8)
	fmt.Printf("%%b: [%b] [%#b] [%08b] [%b]\n", 5, 5, 5, -5)
	fmt.Printf("%%c: [%c] [%c] [%c] [%-3c] [%3c]\n", 65, 0x4e16, 'é', 'x', 'y')
	fmt.Printf("%%U: [%U] [%#U] [%U] [%#U]\n", 'A', 'A', 0x1F600, 0x1F600)
	fmt.Printf("%%q on int: [%q] [%q] [%+q]\n", 'a', 0x4e16, 0x4e16)
	fmt.Printf("%%v: [%v] [%6v] [%-6v]\n", n, n, n)
	fmt.Printf("precision on int: [%.3d] [%8.3d] [%-8.3d] [%.0d] [%.0d]\n", 7, 7, 7, 0, 5)
	var u8 uint8 = 200
	var i8 int8 = -1
	fmt.Printf("small types: [%d] [%x] [%d] [%x] [%b]\n", u8, u8, i8, i8, i8)
	var u64 uint64 = 1<<64 - 1
	fmt.Printf("uint64 max: [%d] [%x] [%o]\n", u64, u64, u64)
	fmt.Printf("int64 min: [%d] [%x]\n", -1<<63, -1<<63)
	fmt.Printf("star width: [%*d] [%-*d] [%.*d]\n", 6, 1, 6, 2, 3, 4)
	fmt.Printf("%%x on string and bytes: [%x] [% x] [%X] [%#x]\n", "hi!", "hi!", []byte("hi!"), "hi")
	fmt.Printf("plus and space with hex: [%+x] [% x] [% X]\n", 255, 255, []byte{1, 171})
	fmt.Printf("%%t: [%t] [%t] [%6t] [%-6t]\n", true, false, true, false)
	fmt.Printf("%%v bool: %v %v\n", true, !true)
}
