package main

import (
	"fmt"
	"sort"
	"strings"
)

type Graph struct {
	adj map[string][]string
}

func NewGraph(edges string) *Graph {
	g := &Graph{adj: map[string][]string{}}
	for _, e := range strings.Fields(edges) {
		a, b, _ := strings.Cut(e, "-")
		g.adj[a] = append(g.adj[a], b)
		g.adj[b] = append(g.adj[b], a)
	}
	for k := range g.adj {
		sort.Strings(g.adj[k])
	}
	return g
}

func (g *Graph) ShortestPath(from, to string) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == to {
			var path []string
			for n := to; n != ""; n = prev[n] {
				path = append([]string{n}, path...)
			}
			return path
		}
		for _, nb := range g.adj[cur] {
			if _, seen := prev[nb]; !seen {
				prev[nb] = cur
				queue = append(queue, nb)
			}
		}
	}
	return nil
}

func (g *Graph) DFS(start string, visit func(string, int)) {
	seen := map[string]bool{}
	var rec func(string, int)
	rec = func(n string, depth int) {
		seen[n] = true
		visit(n, depth)
		for _, nb := range g.adj[n] {
			if !seen[nb] {
				rec(nb, depth+1)
			}
		}
	}
	rec(start, 0)
}

func (g *Graph) Components() [][]string {
	seen := map[string]bool{}
	nodes := make([]string, 0, len(g.adj))
	for n := range g.adj {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	var comps [][]string
	for _, n := range nodes {
		if seen[n] {
			continue
		}
		var comp []string
		g.DFS(n, func(m string, _ int) {
			if !seen[m] {
				seen[m] = true
				comp = append(comp, m)
			}
		})
		sort.Strings(comp)
		comps = append(comps, comp)
	}
	return comps
}

func main() {
	g := NewGraph("a-b b-c c-d a-e e-d d-f x-y y-z g-g")
	for _, q := range [][2]string{{"a", "f"}, {"f", "a"}, {"a", "z"}, {"x", "z"}, {"c", "c"}} {
		p := g.ShortestPath(q[0], q[1])
		if p == nil {
			fmt.Printf("%s -> %s: unreachable\n", q[0], q[1])
		} else {
			fmt.Printf("%s -> %s: %s (%d hops)\n", q[0], q[1], strings.Join(p, " -> "), len(p)-1)
		}
	}
	fmt.Println("dfs from a:")
	g.DFS("a", func(n string, d int) { fmt.Printf("%s%s\n", strings.Repeat("  ", d), n) })
	fmt.Println("components:", g.Components())
	fmt.Println("adjacency of d:", g.adj["d"], "of g:", g.adj["g"])
}
