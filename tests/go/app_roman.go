package main

import (
	"errors"
	"fmt"
	"strings"
)

var numerals = []struct {
	value  int
	symbol string
}{
	{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
	{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}

func toRoman(n int) (string, error) {
	if n <= 0 || n >= 4000 {
		return "", fmt.Errorf("toRoman(%d): out of range", n)
	}
	var sb strings.Builder
	for _, num := range numerals {
		for n >= num.value {
			sb.WriteString(num.symbol)
			n -= num.value
		}
	}
	return sb.String(), nil
}

var ErrInvalid = errors.New("invalid roman numeral")

func fromRoman(s string) (int, error) {
	values := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := values[s[i]]
		if !ok {
			return 0, fmt.Errorf("%q: bad character %q: %w", s, s[i], ErrInvalid)
		}
		if i+1 < len(s) && values[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	// round-trip to reject non-canonical forms
	if r, err := toRoman(total); err != nil || r != s {
		return 0, fmt.Errorf("%q: not canonical: %w", s, ErrInvalid)
	}
	return total, nil
}

func main() {
	for _, n := range []int{1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000} {
		r, err := toRoman(n)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		back, _ := fromRoman(r)
		fmt.Printf("%4d -> %-12s -> %d\n", n, r, back)
	}
	for _, s := range []string{"MMXXIV", "IIII", "IC", "ABC", "XLII", ""} {
		n, err := fromRoman(s)
		fmt.Printf("fromRoman(%q) = %d, %v (invalid: %v)\n", s, n, err, errors.Is(err, ErrInvalid))
	}
	ok := 0
	for n := 1; n < 4000; n++ {
		r, _ := toRoman(n)
		if m, err := fromRoman(r); err == nil && m == n {
			ok++
		}
	}
	fmt.Println("round trips ok:", ok)
}
