package main

import (
	"fmt"
	"strings"
)

const W, H = 10, 8

type Grid [H][W]bool

func (g *Grid) Neighbors(r, c int) int {
	n := 0
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if dr == 0 && dc == 0 {
				continue
			}
			rr, cc := (r+dr+H)%H, (c+dc+W)%W // wrap around
			if g[rr][cc] {
				n++
			}
		}
	}
	return n
}

func (g Grid) Step() Grid {
	var next Grid
	for r := range H {
		for c := range W {
			n := g.Neighbors(r, c)
			next[r][c] = n == 3 || (g[r][c] && n == 2)
		}
	}
	return next
}

func (g Grid) String() string {
	var sb strings.Builder
	for _, row := range g {
		for _, alive := range row {
			if alive {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func (g Grid) Population() (n int) {
	for _, row := range g {
		for _, alive := range row {
			if alive {
				n++
			}
		}
	}
	return
}

func main() {
	var g Grid
	glider := [][2]int{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}}
	for _, p := range glider {
		g[p[0]][p[1]] = true
	}
	blinker := [][2]int{{5, 6}, {5, 7}, {5, 8}}
	for _, p := range blinker {
		g[p[0]][p[1]] = true
	}
	start := g
	for gen := 0; gen <= 4; gen++ {
		fmt.Printf("generation %d (population %d):\n%v", gen, g.Population(), g)
		g = g.Step()
	}
	for range 36 {
		g = g.Step()
	}
	fmt.Println("after 40 generations, same as start:", g == start)
	fmt.Println("population:", g.Population())
}
