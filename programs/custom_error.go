// A user-written error type travels from a goroutine to main on a channel
// that the goroutine closes with `defer close(results)`; main ranges over it,
// waits for the goroutine, then panics with one and recovers it.
package main

import (
	"fmt"
	"sync"
)

// NotFoundError is a user-written error type: its Error method gives the text
// that fmt and panic print (and that gomini's trace shows for its values).
type NotFoundError struct {
	Key string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("key %q not found", e.Key)
}

func lookup(m map[string]int, key string) (int, error) {
	v, ok := m[key]
	if !ok {
		return 0, &NotFoundError{Key: key}
	}
	return v, nil
}

func main() {
	m := map[string]int{"a": 1}
	results := make(chan error)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(results)
		for _, k := range []string{"a", "b"} {
			if _, err := lookup(m, k); err != nil {
				results <- err
			}
		}
	}()
	for err := range results {
		fmt.Println("error:", err)
	}
	wg.Wait()
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	_, err := lookup(m, "c")
	panic(err)
}
