package main

import (
	"context"
	"fmt"
)

func main() {
	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	grandchild := context.WithValue(child, "k", "v")
	sibling, cancelSibling := context.WithCancel(context.Background())
	defer cancelSibling()

	cancelParent()
	<-grandchild.Done()
	fmt.Println("child:", child.Err())
	fmt.Println("grandchild:", grandchild.Err())
	fmt.Println("sibling (unrelated):", sibling.Err())

	p2, c2 := context.WithCancel(context.Background())
	k2, ck2 := context.WithCancel(p2)
	ck2()
	fmt.Println("cancelling the child leaves the parent alone:", p2.Err(), "/", k2.Err())
	c2()
}
