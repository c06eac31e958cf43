package main

import (
	"fmt"
	"math"
)

type MyInt int
type MyFloat float64

const untypedInt = 42
const typedInt int64 = 42
const untypedFloat = 2.5

func takesFloat(f float64) float64 { return f * 2 }
func takesMyInt(m MyInt) MyInt     { return m + 1 }

func main() {
	// an untyped constant adapts to the context
	var i8 int8 = untypedInt
	var u uint = untypedInt
	var f float32 = untypedInt
	var m MyInt = untypedInt
	fmt.Println(i8, u, f, m, takesFloat(untypedInt), takesMyInt(untypedInt))
	// a typed constant does not
	var i64 int64 = typedInt
	fmt.Println(i64, float64(typedInt)*1.5)
	// untyped float constant with integer value can be an int
	var n int = untypedFloat * 2
	fmt.Println(n)
	// default types when no context
	x, y, z, w := untypedInt, untypedFloat, 'r', "s"
	fmt.Printf("%T %T %T %T\n", x, y, z, w)
	// constant expressions mixing kinds
	const k = untypedInt / 4    // integer division: 10
	const l = untypedInt / 4.0  // float division: 10.5
	fmt.Println(k, l)
	var mf MyFloat = l
	fmt.Printf("%v %T\n", mf, mf)
	fmt.Println(math.MaxInt8+1, math.MaxUint32*2)
	const shifted = 1 << untypedInt // untyped, exact
	fmt.Println(shifted>>40, uint64(shifted))
	var s uint = 3
	var v int64 = 1 << s // the untyped 1 becomes int64 from context
	fmt.Printf("%T %v\n", v, v)
}
