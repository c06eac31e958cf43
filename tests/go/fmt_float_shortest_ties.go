// A float exactly halfway between two shortest decimal forms that both read
// back as it prints with the even last digit in Go (strconv's roundShortest):
// 636402804651448.25 is 6.364028046514482e+14. gomini printed the upper one,
// ...483e+14, as Rust's formatter does.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(636402804651448.25, -636402804651448.25, 719937956554349.25, 1179090161153759.25)
	for k := 0; k < 400; k++ {
		x := float64(1<<49+k*7919) / 4
		fmt.Println(x, -x/8, float32(x)/3, strconv.FormatFloat(x, 'g', -1, 64))
	}
	for k := 0; k < 200; k++ {
		x := float32(1<<22+k*37) / 8
		fmt.Println(x, float64(x)*1e10)
	}
}
