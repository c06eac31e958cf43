package main

import (
	"fmt"
	"strings"
)

type Color int

func (c Color) String() string {
	switch c {
	case 0:
		return "Red"
	case 1:
		return "Green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type PtrOnly struct{ N int }

func (p *PtrOnly) String() string { return fmt.Sprintf("PtrOnly<%d>", p.N) }

type Both struct{}

func (Both) String() string { return "as Stringer" }
func (Both) Error() string  { return "as error (wins)" }

type List []Color

func (l List) String() string {
	parts := make([]string, len(l))
	for i, c := range l {
		parts[i] = c.String()
	}
	return "List[" + strings.Join(parts, ",") + "]"
}

type Box struct {
	C Color
	T Temp
}

func main() {
	fmt.Println(Color(0), Color(1), Color(7))
	fmt.Printf("%v %s %d %q %x\n", Color(1), Color(1), Color(1), Color(1), Color(1))
	fmt.Printf("%+v %#v\n", Color(0), Color(0))
	fmt.Println(Temp(21.456))
	fmt.Printf("%v %.2f %6.1f|\n", Temp(3), Temp(3), Temp(3))
	fmt.Println(PtrOnly{1}, &PtrOnly{2})
	fmt.Println(Both{})
	fmt.Println(List{0, 1, 2})
	fmt.Println([]Color{0, 1})
	fmt.Println(map[Color]Temp{1: 10, 0: 20})
	fmt.Printf("%v %+v\n", Box{1, 2}, Box{1, 2})
	fmt.Printf("%#v\n", Box{1, 2})
	fmt.Printf("%10v|%-10v|\n", Color(0), Color(1))
	var st fmt.Stringer = Color(1)
	fmt.Println("via interface:", st)
	fmt.Println(fmt.Sprint(Color(0), Color(1)), fmt.Sprint(Temp(1), "x", Temp(2)))
}
