package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	defer cancelChild()
	dl, _ := child.Deadline()
	pdl, _ := parent.Deadline()
	fmt.Println("child deadline is the earlier parent deadline:", dl.Equal(pdl))
	<-child.Done()
	fmt.Println("child:", child.Err())
	fmt.Println("parent:", parent.Err())
}
