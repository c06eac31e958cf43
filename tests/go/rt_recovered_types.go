package main

import (
	"errors"
	"fmt"
	"runtime"
)

func catch(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	f()
	return nil
}

func main() {
	var re runtime.Error
	zero := 0
	var m map[int]int
	var p *struct{ x int }
	errs := []error{
		catch(func() { _ = 1 / zero }),
		catch(func() { m[0] = 0 }),
		catch(func() { _ = p.x }),
		catch(func() { var a any = 1; _ = a.(string) }),
		catch(func() { _ = []int{}[zero] }),
	}
	for _, err := range errs {
		fmt.Printf("As runtime.Error: %-5v %T\n", errors.As(err, &re), err)
	}
}
