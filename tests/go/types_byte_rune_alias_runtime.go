// byte and rune are uint8 and int32 at run time: %T, type assertions, type
// switches and interface satisfaction see through the aliases.
package main

import "fmt"

type B byte
type Bytes []byte

func (b B) String() string { return fmt.Sprintf("B(%d)", byte(b)) }

type Reader interface{ ReadByte() (byte, error) }
type R struct{}

func (R) ReadByte() (uint8, error) { return 7, nil }

func main() {
	var b byte = 65
	var r rune = 'x'
	bs := []byte("hi")
	var any1 any = bs
	us, ok := any1.([]uint8)
	fmt.Printf("%T %T %T %v %v %T\n", b, r, bs, us, ok, 'a')
	var any2 any = b
	switch v := any2.(type) {
	case uint8:
		fmt.Println("uint8", v)
	}
	m := map[rune]byte{'a': 1}
	fmt.Printf("%T %v %T\n", m, m, Bytes(bs))
	var rd Reader = R{}
	x, _ := rd.ReadByte()
	fmt.Println(x, B(3))
	f := func(c byte) rune { return rune(c) + 1 }
	fmt.Printf("%T %v\n", f, f('a'))
	var arr [2]rune
	s := arr[:]
	var ai any = s
	_, ok2 := ai.([]int32)
	fmt.Println(ok2, string(bs), string([]rune{'o', 'k'}))
	for i, c := range "hé" {
		fmt.Printf("%d %T %q\n", i, c, c)
	}
	fmt.Printf("%T %v\n", "abc"[1], "abc"[1])
	var e any = struct{ A byte }{1}
	fmt.Printf("%T %+v\n", e, e)
}
