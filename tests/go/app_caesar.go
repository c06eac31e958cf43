package main

import (
	"fmt"
	"sort"
	"strings"
)

func shift(r rune, k int) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + rune((int(r-'a')+k%26+26)%26)
	case r >= 'A' && r <= 'Z':
		return 'A' + rune((int(r-'A')+k%26+26)%26)
	}
	return r
}

func caesar(s string, k int) string {
	return strings.Map(func(r rune) rune { return shift(r, k) }, s)
}

func vigenere(s, key string, decrypt bool) string {
	var sb strings.Builder
	i := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			k := int(key[i%len(key)] - 'a')
			if decrypt {
				k = -k
			}
			sb.WriteRune(shift(r, k))
			i++
		} else {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// crack guesses the shift by assuming the most common letter is 'e'.
func crack(s string) int {
	freq := map[rune]int{}
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			freq[r]++
		}
	}
	type kv struct {
		r rune
		n int
	}
	var list []kv
	for r, n := range freq {
		list = append(list, kv{r, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].r < list[j].r
	})
	return (int(list[0].r-'e') + 26) % 26
}

func main() {
	msg := "Meet me near the green tree at seven, Eve! (ünïcode stays)"
	for _, k := range []int{3, 13, -1, 52, 27} {
		enc := caesar(msg, k)
		fmt.Printf("k=%3d: %s\n", k, enc)
		if caesar(enc, -k) != msg {
			fmt.Println("round trip failed")
		}
	}
	secret := caesar(msg, 11)
	guess := crack(secret)
	fmt.Println("cracked shift:", guess, "->", caesar(secret, -guess))
	v := vigenere("Attack at dawn!", "lemon", false)
	fmt.Println("vigenere:", v, "| back:", vigenere(v, "lemon", true))
}
