package main

import (
	"fmt"
	"strings"
)

type Tree struct {
	Key         string
	Count       int
	Left, Right *Tree
}

func (t *Tree) Insert(key string) *Tree {
	if t == nil {
		return &Tree{Key: key, Count: 1}
	}
	switch {
	case key < t.Key:
		t.Left = t.Left.Insert(key)
	case key > t.Key:
		t.Right = t.Right.Insert(key)
	default:
		t.Count++
	}
	return t
}

func (t *Tree) InOrder(visit func(*Tree)) {
	if t == nil {
		return
	}
	t.Left.InOrder(visit)
	visit(t)
	t.Right.InOrder(visit)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Height(), t.Right.Height())
}

func (t *Tree) Contains(key string) bool {
	for t != nil {
		if key == t.Key {
			return true
		} else if key < t.Key {
			t = t.Left
		} else {
			t = t.Right
		}
	}
	return false
}

func (t *Tree) Min() string {
	for t.Left != nil {
		t = t.Left
	}
	return t.Key
}

func (t *Tree) Print(sb *strings.Builder, prefix string, isLeft bool) {
	if t == nil {
		return
	}
	t.Right.Print(sb, prefix+map[bool]string{true: "│   ", false: "    "}[isLeft], false)
	sb.WriteString(prefix)
	if isLeft {
		sb.WriteString("└── ")
	} else {
		sb.WriteString("┌── ")
	}
	fmt.Fprintf(sb, "%s(%d)\n", t.Key, t.Count)
	t.Left.Print(sb, prefix+map[bool]string{true: "    ", false: "│   "}[isLeft], true)
}

func main() {
	var root *Tree
	for _, w := range strings.Fields("m f t b h p x a c g m t t z") {
		root = root.Insert(w)
	}
	var keys []string
	root.InOrder(func(n *Tree) { keys = append(keys, fmt.Sprintf("%s:%d", n.Key, n.Count)) })
	fmt.Println("in order:", strings.Join(keys, " "))
	fmt.Println("height:", root.Height(), "min:", root.Min())
	for _, k := range []string{"h", "q", "z"} {
		fmt.Printf("contains %q: %v\n", k, root.Contains(k))
	}
	var sb strings.Builder
	root.Print(&sb, "", true)
	fmt.Print(sb.String())
	var empty *Tree
	fmt.Println("empty height:", empty.Height(), "contains:", empty.Contains("a"))
	// a degenerate tree from sorted input
	var chain *Tree
	for i := range 10 {
		chain = chain.Insert(fmt.Sprintf("k%02d", i))
	}
	fmt.Println("chain height:", chain.Height())
}
