package main

import (
	"fmt"
	"strconv"
)

func main() {
	ints := []struct {
		s    string
		base int
		bits int
	}{
		{"ff", 16, 64}, {"-101", 2, 8}, {"777", 8, 64}, {"z", 36, 64}, {"0x1F", 0, 64},
		{"0b101", 0, 64}, {"0o17", 0, 64}, {"017", 0, 64}, {"1_000", 0, 64}, {"1_000", 10, 64},
		{"128", 10, 8}, {"-128", 10, 8}, {"-129", 10, 8}, {"2147483648", 10, 32}, {"12", 2, 64},
	}
	for _, c := range ints {
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Printf("ParseInt(%q, %d, %d) = %d, %v\n", c.s, c.base, c.bits, v, err)
	}
	for _, s := range []string{"255", "256", "-1", "18446744073709551615"} {
		v, err := strconv.ParseUint(s, 10, 8)
		fmt.Printf("ParseUint(%q, 10, 8) = %d, %v\n", s, v, err)
	}
	for _, s := range []string{"3.14", "-0.5", "1e10", "1E-3", ".5", "inf", "-Inf", "NaN", "1e400", "0x1p-2", "abc", "1.5.2", "  1"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Printf("ParseFloat(%q) = %v, %v\n", s, f, err)
	}
	f32, err := strconv.ParseFloat("0.1", 32)
	fmt.Println("ParseFloat 0.1 bits 32:", f32, err)
	for _, s := range []string{"true", "false", "1", "0", "t", "F", "TRUE", "True", "yes", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Printf("ParseBool(%q) = %v, %v\n", s, b, err)
	}
}
