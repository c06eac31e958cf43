package main

import (
	"fmt"
	"sort"
	"strings"
)

type Card struct {
	Rank int
	Suit string
}

func (c Card) String() string { return fmt.Sprintf("%d%s", c.Rank, c.Suit) }

func main() {
	cards := []Card{{3, "♠"}, {1, "♥"}, {3, "♥"}, {2, "♠"}, {1, "♠"}, {2, "♥"}, {3, "♦"}, {1, "♦"}}
	bySuit := append([]Card(nil), cards...)
	sort.SliceStable(bySuit, func(i, j int) bool { return bySuit[i].Suit < bySuit[j].Suit })
	fmt.Println("stable by suit:", bySuit)
	sort.SliceStable(bySuit, func(i, j int) bool { return bySuit[i].Rank < bySuit[j].Rank })
	fmt.Println("then stable by rank:", bySuit)
	// a total order with sort.Slice is deterministic
	total := append([]Card(nil), cards...)
	sort.Slice(total, func(i, j int) bool {
		if total[i].Rank != total[j].Rank {
			return total[i].Rank > total[j].Rank
		}
		return total[i].Suit < total[j].Suit
	})
	fmt.Println("total order:", total)
	words := strings.Fields("banana Apple cherry apple Banana date")
	sort.Slice(words, func(i, j int) bool {
		li, lj := strings.ToLower(words[i]), strings.ToLower(words[j])
		if li != lj {
			return li < lj
		}
		return words[i] < words[j]
	})
	fmt.Println(words)
	big := make([]int, 50)
	for i := range big {
		big[i] = (i * 37) % 50
	}
	sort.Ints(big)
	fmt.Println(big[:10], big[40:])
	rev := []string{"a", "c", "b"}
	sort.Slice(rev, func(i, j int) bool { return rev[i] > rev[j] })
	fmt.Println(rev)
}
