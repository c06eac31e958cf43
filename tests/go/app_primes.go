package main

import (
	"fmt"
	"strings"
)

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func factorize(n int) map[int]int {
	f := map[int]int{}
	for p := 2; p*p <= n; p++ {
		for n%p == 0 {
			f[p]++
			n /= p
		}
	}
	if n > 1 {
		f[n]++
	}
	return f
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func powmod(base, exp, mod uint64) uint64 {
	result := uint64(1)
	base %= mod
	for exp > 0 {
		if exp&1 == 1 {
			result = result * base % mod
		}
		base = base * base % mod
		exp >>= 1
	}
	return result
}

func main() {
	ps := sieve(100)
	fmt.Println(len(ps), "primes below 100:", ps)
	big := sieve(100000)
	fmt.Println("primes below 100000:", len(big), "largest:", big[len(big)-1])
	twins := 0
	for i := 1; i < len(big); i++ {
		if big[i]-big[i-1] == 2 {
			twins++
		}
	}
	fmt.Println("twin prime pairs below 100000:", twins)
	for _, n := range []int{360, 97, 1001, 1 << 20, 600851475143} {
		fmt.Println("factors of", n, "=", factorize(n))
	}
	fmt.Println("gcd(1071, 462) =", gcd(1071, 462), "lcm(4, 6) =", 4*6/gcd(4, 6))
	fmt.Println("3^200 mod 1000007 =", powmod(3, 200, 1000007))
	var sb strings.Builder
	for _, p := range ps[:10] {
		fmt.Fprintf(&sb, "%3d", p)
	}
	fmt.Println(sb.String())
	goldbach := func(n int) (int, int) {
		isP := map[int]bool{}
		for _, p := range ps {
			isP[p] = true
		}
		for _, p := range ps {
			if isP[n-p] {
				return p, n - p
			}
		}
		return 0, 0
	}
	for _, n := range []int{4, 28, 98} {
		a, b := goldbach(n)
		fmt.Printf("%d = %d + %d\n", n, a, b)
	}
}
