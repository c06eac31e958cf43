package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, base := range []int{2, 8, 10, 16, 36} {
		fmt.Printf("FormatInt(255, %d) = %s, FormatInt(-255, %d) = %s\n", base, strconv.FormatInt(255, base), base, strconv.FormatInt(-255, base))
	}
	fmt.Println(strconv.FormatInt(math.MinInt64, 10), strconv.FormatInt(math.MaxInt64, 36))
	fmt.Println(strconv.FormatUint(math.MaxUint64, 10), strconv.FormatUint(math.MaxUint64, 16))
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))
	x := 1234.5678
	fmt.Println(strconv.FormatFloat(x, 'f', 2, 64), strconv.FormatFloat(x, 'f', -1, 64), strconv.FormatFloat(x, 'f', 0, 64))
	fmt.Println(strconv.FormatFloat(x, 'e', 3, 64), strconv.FormatFloat(x, 'E', -1, 64))
	fmt.Println(strconv.FormatFloat(x, 'g', -1, 64), strconv.FormatFloat(x, 'g', 3, 64), strconv.FormatFloat(1e21, 'g', -1, 64))
	fmt.Println(strconv.FormatFloat(0.1, 'f', -1, 32), strconv.FormatFloat(0.1, 'f', 20, 64))
	fmt.Println(strconv.FormatFloat(math.Inf(-1), 'f', 2, 64), strconv.FormatFloat(math.NaN(), 'g', -1, 64))
	fmt.Println(strconv.FormatFloat(100, 'f', -1, 64), strconv.FormatFloat(1e6, 'e', -1, 64), strconv.FormatFloat(2.5, 'f', 0, 64))
	fmt.Println(strconv.Quote("hello \"world\"\n"), strconv.Quote("日本\x00"), strconv.QuoteToASCII("日本"))
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRune('\n'), strconv.QuoteRuneToASCII('☺'))
	for _, q := range []string{`"a\tb"`, "`raw`", `'x'`, `"bad`, `"\u00e9"`, `noquotes`} {
		s, err := strconv.Unquote(q)
		fmt.Printf("Unquote(%s) = %q, %v\n", q, s, err)
	}
}
