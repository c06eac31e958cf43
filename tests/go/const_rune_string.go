package main

import "fmt"

const (
	newline  = '\n'
	tab      = '\t'
	smiley   = '☺'
	emoji    = '\U0001F600'
	octalA   = '\101'
	hexA     = '\x41'
	unicodeE = '\u00e9'
)

const raw = `raw\nstring with "quotes" and \t`
const interpreted = "line1\nline2\ttabbed \"quoted\" \\ backslash"

func main() {
	fmt.Println(newline, tab, smiley, emoji, octalA, hexA, unicodeE)
	fmt.Printf("%c%c%c%c\n", smiley, octalA, hexA, unicodeE)
	fmt.Println(raw)
	fmt.Println(interpreted)
	fmt.Println(len(raw), len(interpreted))
	fmt.Printf("%q\n", raw)
	const multi = `first
second
	third (indented with a tab)`
	fmt.Println(multi)
	fmt.Println("hex bytes in string:", "\xe4\xb8\x96", len("\xe4\xb8\x96"))
	fmt.Println("string(emoji):", string(rune(emoji)), len(string(rune(emoji))))
	const r = 'x' - 'a'
	fmt.Println("rune difference const:", r)
	fmt.Println("\a\b\f\v" == "\x07\x08\x0c\x0b")
}
