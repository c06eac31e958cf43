package main

import "fmt"

func main() {
	nums := []int{0, 7, -7, 123456}
	for _, n := range nums {
		fmt.Printf("[%6d] [%-6d] [%06d] [%+6d] [%+06d] [% 6d] [% -6d] [%x] [%#6x] [%-#6x] [%#06x]\n",
			n, n, n, n, n, n, n, n, n, n, n)
	}
	fs := []float64{0, 1.5, -1.5, 1234.5678}
	for _, f := range fs {
		fmt.Printf("[%9.2f] [%-9.2f] [%09.2f] [%+9.2f] [% 9.2f] [%+09.2f] [%9.2e] [%9.3g]\n",
			f, f, f, f, f, f, f, f)
	}
	strs := []string{"", "a", "héllo", "long string here"}
	for _, s := range strs {
		fmt.Printf("[%8s] [%-8s] [%8.3s] [%-8q] [%8x]\n", s, s, s, s, s)
	}
	fmt.Printf("table:\n")
	rows := []struct {
		Name  string
		Qty   int
		Price float64
	}{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"fig", 12, 0.2}}
	fmt.Printf("%-12s|%5s|%8s\n", "item", "qty", "price")
	for _, r := range rows {
		fmt.Printf("%-12s|%5d|%8.2f\n", r.Name, r.Qty, r.Price)
	}
	fmt.Printf("[%-+5d] [%0-5d] [%+-5d]\n", 3, 3, 3)
	fmt.Printf("[%#o] [%#b] [%#X] [%#q] [%#U]\n", 64, 4, 3054, 'x', '⌘')
	fmt.Printf("[%5t] [%-7t] [%q]\n", true, false, true)
	fmt.Printf("[%3c|%-3c]\n", 'A', 'B')
	fmt.Printf("[%v] [%6.2v] [%.3v]\n", 3.14159, 3.14159, "abcdef")
}
