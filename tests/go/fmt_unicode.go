package main

import "fmt"

func main() {
	for _, r := range "aé世😀\u00a0\u200b" {
		fmt.Printf("%c %U %#U %q %+q %d %x\n", r, r, r, r, r, r, r)
	}
	fmt.Printf("%q %+q\n", "\u00a0 \u200b \ufeff", "\u00a0")
	fmt.Printf("%q\n", "\x7f \x1b ~")
	fmt.Printf("%q %q\n", rune(0x7f), rune(0xfffd))
	fmt.Printf("%U %c\n", -1, -1)
	fmt.Printf("%q\n", rune(0x110000))
	fmt.Printf("%x %X\n", "世界", "世界")
	fmt.Printf("%s %v\n", []rune("héllo"), []rune("hé"))
	fmt.Printf("%q\n", []rune("hé"))
	fmt.Printf("%c\n", []rune("hey"))
}
