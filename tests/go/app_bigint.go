package main

import (
	"fmt"
	"strings"
)

// BigNat is a natural number stored as base-10^9 limbs, least significant first.
type BigNat []uint32

const base = 1_000_000_000

func FromInt(n uint64) BigNat {
	if n == 0 {
		return BigNat{0}
	}
	var b BigNat
	for n > 0 {
		b = append(b, uint32(n%base))
		n /= base
	}
	return b
}

func (a BigNat) Add(b BigNat) BigNat {
	var res BigNat
	var carry uint64
	for i := 0; i < max(len(a), len(b)) || carry > 0; i++ {
		sum := carry
		if i < len(a) {
			sum += uint64(a[i])
		}
		if i < len(b) {
			sum += uint64(b[i])
		}
		res = append(res, uint32(sum%base))
		carry = sum / base
	}
	return res
}

func (a BigNat) MulSmall(m uint32) BigNat {
	res := make(BigNat, 0, len(a)+1)
	var carry uint64
	for _, limb := range a {
		p := uint64(limb)*uint64(m) + carry
		res = append(res, uint32(p%base))
		carry = p / base
	}
	for carry > 0 {
		res = append(res, uint32(carry%base))
		carry /= base
	}
	return res.trim()
}

func (a BigNat) trim() BigNat {
	for len(a) > 1 && a[len(a)-1] == 0 {
		a = a[:len(a)-1]
	}
	return a
}

func (a BigNat) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d", a[len(a)-1])
	for i := len(a) - 2; i >= 0; i-- {
		fmt.Fprintf(&sb, "%09d", a[i])
	}
	return sb.String()
}

func factorial(n uint32) BigNat {
	r := FromInt(1)
	for i := uint32(2); i <= n; i++ {
		r = r.MulSmall(i)
	}
	return r
}

func fib(n int) BigNat {
	a, b := FromInt(0), FromInt(1)
	for range n {
		a, b = b, a.Add(b)
	}
	return a
}

func digitSum(b BigNat) int {
	s := 0
	for _, c := range b.String() {
		s += int(c - '0')
	}
	return s
}

func main() {
	for _, n := range []uint32{0, 1, 5, 20, 21, 30, 52} {
		fmt.Printf("%d! = %v\n", n, factorial(n))
	}
	f100 := factorial(100)
	fmt.Println("100! has", len(f100.String()), "digits, digit sum", digitSum(f100))
	fmt.Println("fib(100) =", fib(100))
	fmt.Println("fib(300) =", fib(300))
	fmt.Println("2^64 =", FromInt(1<<63).MulSmall(2))
	fmt.Println("max uint64 + 1 =", FromInt(1<<64-1).Add(FromInt(1)))
	fmt.Println("zero:", FromInt(0), FromInt(0).MulSmall(7))
}
