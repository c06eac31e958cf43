package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair.`

func normalize(w string) string {
	w = strings.ToLower(w)
	return strings.Trim(w, ".,;:!?\"'")
}

type entry struct {
	word  string
	count int
}

func main() {
	counts := map[string]int{}
	total := 0
	for _, raw := range strings.Fields(text) {
		w := normalize(raw)
		if w == "" {
			continue
		}
		counts[w]++
		total++
	}
	entries := make([]entry, 0, len(counts))
	for w, c := range counts {
		entries = append(entries, entry{w, c})
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].count != entries[j].count {
			return entries[i].count > entries[j].count
		}
		return entries[i].word < entries[j].word
	})
	fmt.Printf("%d words, %d distinct\n", total, len(counts))
	for i, e := range entries {
		if i == 8 {
			break
		}
		bar := strings.Repeat("#", e.count)
		fmt.Printf("%2d. %-8s %2d %s\n", i+1, e.word, e.count, bar)
	}
	// words that appear exactly once, alphabetically
	var once []string
	for w, c := range counts {
		if c == 1 {
			once = append(once, w)
		}
	}
	sort.Strings(once)
	fmt.Println("hapax legomena:", strings.Join(once, ", "))
	// longest word by rune count
	longest := ""
	for _, e := range entries {
		if utf8.RuneCountInString(e.word) > utf8.RuneCountInString(longest) ||
			(len(e.word) == len(longest) && e.word < longest) {
			longest = e.word
		}
	}
	fmt.Println("longest:", longest, len(longest))
	// letter histogram
	letters := map[rune]int{}
	for _, r := range strings.ToLower(text) {
		if r >= 'a' && r <= 'z' {
			letters[r]++
		}
	}
	fmt.Println("letters:", letters)
}
