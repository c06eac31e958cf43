package main

import (
	"fmt"
	"strings"
)

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) PushFront(v int) {
	l.head = &Node{v, l.head}
	l.size++
}

func (l *List) PushBack(v int) {
	n := &Node{Val: v}
	l.size++
	if l.head == nil {
		l.head = n
		return
	}
	cur := l.head
	for cur.Next != nil {
		cur = cur.Next
	}
	cur.Next = n
}

func (l *List) Remove(v int) bool {
	for pp := &l.head; *pp != nil; pp = &(*pp).Next {
		if (*pp).Val == v {
			*pp = (*pp).Next
			l.size--
			return true
		}
	}
	return false
}

func (l *List) Reverse() {
	var prev *Node
	cur := l.head
	for cur != nil {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) String() string {
	var parts []string
	for n := l.head; n != nil; n = n.Next {
		parts = append(parts, fmt.Sprint(n.Val))
	}
	return "[" + strings.Join(parts, " -> ") + "]"
}

func (l *List) Each(f func(int)) {
	for n := l.head; n != nil; n = n.Next {
		f(n.Val)
	}
}

func mergeSorted(a, b *Node) *Node {
	dummy := &Node{}
	tail := dummy
	for a != nil && b != nil {
		if a.Val <= b.Val {
			tail.Next, a = a, a.Next
		} else {
			tail.Next, b = b, b.Next
		}
		tail = tail.Next
	}
	if a != nil {
		tail.Next = a
	} else {
		tail.Next = b
	}
	return dummy.Next
}

func main() {
	var l List
	fmt.Println("empty:", l.String(), l.size)
	for i := 1; i <= 5; i++ {
		l.PushBack(i * 10)
	}
	l.PushFront(5)
	fmt.Println(l.String(), "size", l.size)
	fmt.Println("remove 30:", l.Remove(30), "remove 99:", l.Remove(99), "remove head 5:", l.Remove(5))
	fmt.Println(l.String(), "size", l.size)
	l.Reverse()
	fmt.Println("reversed:", l.String())
	sum := 0
	l.Each(func(v int) { sum += v })
	fmt.Println("sum:", sum)
	var a, b List
	for _, v := range []int{1, 4, 9} {
		a.PushBack(v)
	}
	for _, v := range []int{2, 3, 10, 11} {
		b.PushBack(v)
	}
	merged := List{head: mergeSorted(a.head, b.head), size: a.size + b.size}
	fmt.Println("merged:", merged.String(), merged.size)
	fmt.Println(&merged)
}
