package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var n int32
	atomic.StoreInt32(&n, 5)
	fmt.Println("load:", atomic.LoadInt32(&n))
	fmt.Println("add:", atomic.AddInt32(&n, 3))
	fmt.Println("swap old:", atomic.SwapInt32(&n, 100), "new:", atomic.LoadInt32(&n))
	fmt.Println("cas:", atomic.CompareAndSwapInt32(&n, 100, -1), atomic.LoadInt32(&n))
	var u uint64
	atomic.AddUint64(&u, 10)
	fmt.Println("uint64:", atomic.LoadUint64(&u))
}
