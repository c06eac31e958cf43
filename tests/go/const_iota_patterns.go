package main

import "fmt"

type Level int

const (
	Debug Level = iota - 1
	Info
	Warn
	Error
)

var levelNames = map[Level]string{Debug: "DEBUG", Info: "INFO", Warn: "WARN", Error: "ERROR"}

func (l Level) String() string {
	if n, ok := levelNames[l]; ok {
		return n
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Size float64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

type Weekday uint8

const (
	Monday Weekday = iota + 1
	Tuesday
	Wednesday
	_
	Friday
)

const (
	a = iota * 10
	b
	c = "str"
	d = len(c) + iota
	e
)

const (
	bit0, mask0 = 1 << iota, 1<<iota - 1
	bit1, mask1
	_, _
	bit3, mask3
)

func main() {
	fmt.Println(Debug, Info, Warn, Error, Level(7))
	fmt.Printf("%d %d %v\n", Debug, Error, Warn+1)
	fmt.Println(KB, MB, GB)
	fmt.Printf("%T %.0f\n", GB, GB/MB)
	fmt.Println(Monday, Tuesday, Wednesday, Friday)
	fmt.Println(a, b, c, d, e)
	fmt.Println(bit0, mask0, bit1, mask1, bit3, mask3)
}
