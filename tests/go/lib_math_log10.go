// math.Log10 is Log(x) * (1/Ln10) with Go's exactly rounded constant: a
// float division 1/Ln10 is one ulp lower and changed the last digit of most
// results. Log2 likewise with 1/Ln2. (Inputs where gomini's Log itself
// differs from Go's are left out: subnormals, where Go's amd64 Log returns
// about -709, and a few last bits; see the session note on math.)
package main

import (
	"fmt"
	"math"
)

func main() {
	for _, x := range []float64{1, 10, 100, 1000, 1e-3, 2, 7, 0.5, 1e300, 1.11, 4.44, 25.9, 99.9} {
		fmt.Println(x, math.Log10(x), math.Log2(x))
	}
	fmt.Println(math.Log10(0), math.Log10(-1), math.Log10(math.Inf(1)), math.Log2(0), math.Log2(8))
}
