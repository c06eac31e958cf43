package main

import (
	"context"
	"fmt"
)

func main() {
	fmt.Println(context.Canceled)
	fmt.Println(context.DeadlineExceeded)
	fmt.Printf("%q\n", context.Canceled.Error())
	fmt.Println(context.Background())
	fmt.Println(context.TODO())
	fmt.Println("Background Err:", context.Background().Err(), "Done is nil:", context.Background().Done() == nil)
}
