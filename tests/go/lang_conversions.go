package main

import "fmt"

type Meters float64
type ID int

func main() {
	f := 3.99
	fmt.Println("int(3.99) =", int(f))
	f = -3.99
	fmt.Println("int(-3.99) =", int(f))
	i := 7
	fmt.Println("float64(7)/2 =", float64(i)/2)
	big := 300
	fmt.Println("uint8(300) =", uint8(big), "int8(300) =", int8(big))
	neg := -1
	fmt.Println("uint8(-1) =", uint8(neg), "uint16(-1) =", uint16(neg), "uint32(-1) =", uint32(neg))
	fmt.Println("uint64(-1) =", uint64(neg))
	var u64 uint64 = 1<<64 - 1
	fmt.Println("int64(maxuint64) =", int64(u64), "int32 =", int32(u64))
	var i64 int64 = -129
	fmt.Println("int8(-129) =", int8(i64))
	fmt.Println("string(rune(65)) =", string(rune(65)), "string(rune(0x4e16)) =", string(rune(0x4e16)))
	fmt.Println("string(rune(-1)) =", string(rune(-1)), "string(rune(0x10FFFF+1)) = U+FFFD:", string(rune(0x110000)) == "\uFFFD")
	b := []byte("héllo")
	fmt.Println("[]byte:", b)
	r := []rune("héllo")
	fmt.Println("[]rune:", r)
	fmt.Println("string([]byte):", string(b[:3]), "string([]rune):", string(r[1:3]))
	fmt.Println("[]byte of invalid rune text:", []byte(string(rune(0xD800))))
	m := Meters(12.5)
	fmt.Printf("%v %T %v\n", m, m, float64(m)*2)
	id := ID(42)
	fmt.Printf("%v %T\n", int(id)+1, id)
	var x float32 = 16777217
	fmt.Println("float32(16777217) =", x)
	fmt.Println("int(float32(1e10)) =", int(float32(1e10)))
	fmt.Println("float32(0.1) as float64 =", float64(float32(0.1)))
	var by byte = 'A'
	fmt.Println("byte + 2:", by+2, string(rune(by+2)))
	ptr := &i
	up := (*int)(ptr)
	*up = 8
	fmt.Println("pointer conversion:", i)
	fn := func(int) int { return 1 }
	type IntFn func(int) int
	g := IntFn(fn)
	fmt.Printf("%T %d\n", g, g(0))
}
