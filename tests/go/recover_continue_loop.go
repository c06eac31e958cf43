package main

import "fmt"

func runTask(id int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("task %d failed: %v", id, r)
		}
	}()
	switch id {
	case 2:
		panic("bad task")
	case 4:
		var p *struct{ n int }
		p.n = 1
	}
	return nil
}

func main() {
	for id := 1; id <= 5; id++ {
		if err := runTask(id); err != nil {
			fmt.Println(err)
		} else {
			fmt.Println("task", id, "ok")
		}
	}
}
