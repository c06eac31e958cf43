package main

import "fmt"

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
)

func (d Duration) String() string {
	switch {
	case d >= Second:
		return fmt.Sprintf("%gs", float64(d)/float64(Second))
	case d >= Millisecond:
		return fmt.Sprintf("%gms", float64(d)/float64(Millisecond))
	default:
		return fmt.Sprintf("%dns", int64(d))
	}
}

const typedFloat float32 = 0.1
const pi float64 = 3.14159

type Flag uint8

const (
	FlagRead Flag = 1 << iota
	FlagWrite
	FlagExec
)

func (f Flag) String() string {
	s := ""
	for i, name := range []string{"r", "w", "x"} {
		if f&(1<<i) != 0 {
			s += name
		} else {
			s += "-"
		}
	}
	return s
}

func main() {
	fmt.Println(Second, 1500*Millisecond, 250*Microsecond, Nanosecond*42)
	fmt.Printf("%T %T\n", Microsecond, Second)
	fmt.Println("typed float32 const:", typedFloat, float64(typedFloat))
	fmt.Println("float64 const:", pi*2)
	perm := FlagRead | FlagExec
	fmt.Println(perm, FlagRead|FlagWrite|FlagExec, Flag(0))
	fmt.Printf("%d %v %s %T\n", perm, perm, perm, perm)
	perm &^= FlagRead
	fmt.Println("after clearing read:", perm)
	const local = 10 * Second
	var d Duration = local / 4
	fmt.Println(d, int64(d))
}
