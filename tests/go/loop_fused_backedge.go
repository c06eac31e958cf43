// Loops whose post statement and condition the compiler fuses into one
// back-edge instruction (LoopStepImm / LoopStep), and their neighbours that
// must keep the plain code: every shape of step, comparison and limit.
package main

import "fmt"

const big = 3000000000 // a limit that needs a constant-pool load

func main() {
	// i++ against a constant, a local, and with the local on the left.
	n := 5
	s := 0
	for i := 0; i < 10; i++ {
		s += i
	}
	fmt.Println("const <", s)
	s = 0
	for i := 0; i <= n; i++ {
		s += i
	}
	fmt.Println("local <=", s)
	s = 0
	for i := 0; n > i; i++ {
		s += i
	}
	fmt.Println("flipped n > i", s)
	s = 0
	for i := 0; n >= i; i++ {
		s += i
	}
	fmt.Println("flipped n >= i", s)

	// i-- and i -= k downwards, with > and >=.
	var down []int
	for i := 10; i > 0; i-- {
		down = append(down, i)
	}
	fmt.Println("i-- > 0", down)
	down = down[:0]
	for i := 10; i >= -5; i -= 3 {
		down = append(down, i)
	}
	fmt.Println("i -= 3 >= -5", down)
	down = down[:0]
	for i := 10; i >= 0; i += -4 {
		down = append(down, i)
	}
	fmt.Println("i += -4 >= 0", down)

	// A register step (j += i, sieve's inner loop) and a negative one.
	var js []int
	step := 7
	for j := 3; j <= 40; j += step {
		js = append(js, j)
	}
	fmt.Println("j += step", js)
	js = js[:0]
	neg := -6
	for j := 20; j > -10; j += neg {
		js = append(js, j)
	}
	fmt.Println("j += neg", js)
	js = js[:0]
	for j := 1; j < 100; j += j {
		js = append(js, j)
	}
	fmt.Println("j += j", js)

	// The limit changes in the body: every test reads it again.
	limit := 10
	count := 0
	for i := 0; i < limit; i++ {
		count++
		if i == 3 {
			limit = 6
		}
	}
	fmt.Println("moving limit", count)

	// The loop variable changed in the body.
	var seen []int
	for i := 0; i < 20; i++ {
		seen = append(seen, i)
		if i%3 == 0 {
			i += 2
		}
	}
	fmt.Println("body steps too", seen)

	// A limit beyond int32, and a zero-trip loop.
	var total int64
	for i := int64(big - 3); i < big; i++ {
		total += i
	}
	fmt.Println("big limit", total)
	trips := 0
	for i := 5; i < 5; i++ {
		trips++
	}
	fmt.Println("zero trips", trips)

	// Stepping past the maximum int wraps, as Go does, and ends the loop.
	m := 0
	for i := 9223372036854775805; i > 0; i++ {
		m++
	}
	fmt.Println("wraps at max int", m)

	// continue goes to the post statement (the fused back-edge).
	var odd []int
	for i := 0; i < 12; i++ {
		if i%2 == 0 {
			continue
		}
		odd = append(odd, i)
	}
	fmt.Println("continue", odd)

	// Labelled break and continue across two fused loops.
	pairs := 0
	var last [2]int
outer:
	for a := 0; a < 10; a++ {
		for b := 0; b < 10; b++ {
			if b > a {
				continue outer
			}
			if a*b > 30 {
				break outer
			}
			pairs++
			last = [2]int{a, b}
		}
	}
	fmt.Println("labelled", pairs, last)

	// The variable after the loop, when declared outside it.
	k := 0
	for ; k < 17; k += 5 {
	}
	fmt.Println("after the loop", k)

	// A defer and a goroutine inside a fused loop.
	fmt.Println("defers", deferInLoop())
	done := make(chan int)
	for i := 0; i < 3; i++ {
		go func(v int) { done <- v * v }(i)
	}
	sq := 0
	for i := 0; i < 3; i++ {
		sq += <-done
	}
	fmt.Println("goroutines", sq)
}

func deferInLoop() (out []int) {
	for i := 0; i < 4; i++ {
		defer func() { out = append(out, i) }()
	}
	return nil
}
