package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, f := range []float64{0.1, 1.0 / 3, 1e21, 123456789, 5e-324, 2.5e-8, -0.0, 100} {
		s := strconv.FormatFloat(f, 'g', -1, 64)
		back, err := strconv.ParseFloat(s, 64)
		fmt.Printf("%-25s roundtrip=%v err=%v\n", s, back == f, err)
	}
	for _, n := range []int64{0, -1, 42, -9223372036854775808, 9223372036854775807} {
		for _, base := range []int{2, 10, 36} {
			s := strconv.FormatInt(n, base)
			back, err := strconv.ParseInt(s, base, 64)
			if back != n || err != nil {
				fmt.Println("mismatch", n, base, s, back, err)
			}
		}
		fmt.Println("ok", n, strconv.FormatInt(n, 36))
	}
	for _, s := range []string{"plain", "with \"quotes\"", "tab\t", "日本", "\x00\xff", "`back`"} {
		q := strconv.Quote(s)
		u, err := strconv.Unquote(q)
		fmt.Printf("%-24s %v %v\n", q, u == s, err)
	}
	fmt.Println(strconv.QuoteToASCII("héllo 世界"), strconv.CanBackquote("a`b"), strconv.CanBackquote("ab"))
	b := []byte("n=")
	b = strconv.AppendInt(b, 255, 16)
	b = append(b, ' ')
	b = strconv.AppendBool(b, true)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, 1.5, 'f', 2, 64)
	fmt.Println(string(b))
}
