package main

import "fmt"

func main() {
	s := "héllo"
	fmt.Println("len:", len(s))
	for i := 0; i < len(s); i++ {
		fmt.Printf("s[%d] = %d (%q)\n", i, s[i], s[i])
	}
	fmt.Println("s[1] is the first byte of é:", s[1] == 0xc3)
	b := s[0]
	fmt.Printf("%T %v %c\n", b, b, b)
	// strings are immutable; convert to []byte to change
	bs := []byte(s)
	bs[0] = 'H'
	fmt.Println(string(bs), s)
	// slicing in the middle of a rune gives invalid UTF-8
	part := s[:2]
	fmt.Printf("%q %d\n", part, len(part))
	fmt.Println(part + s[2:])
	// concatenation and comparison
	t := s + "!"
	fmt.Println(t, t > s, len(t))
	empty := ""
	fmt.Println(len(empty), empty == "", "a"+empty+"b")
	// a string holding arbitrary bytes
	raw := string([]byte{0, 255, 'a'})
	fmt.Println(len(raw), []byte(raw))
	fmt.Printf("%q\n", raw)
}
