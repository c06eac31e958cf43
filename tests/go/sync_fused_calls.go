// Method calls on a struct's address that gomini runs fused with the load
// of the struct (compile/fuse_sync.rs): Lock, Unlock and Add on a Mutex or
// WaitGroup that closures capture, on a local boxed because a goroutine
// captures it, the same through captured pointers (not fused), deferred
// Unlock and Done on a captured struct, locks that park, an Add that wakes
// a Wait, a delta too large to fuse, and a negative counter recovered.
package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

// A Mutex and a WaitGroup captured by the goroutines (cells holding the
// structs): every Lock, Unlock, Add and deferred Done is a fused sequence.
func capturedByValue() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("captured by value:", total)
}

// The same through pointers the closures capture: the calls take the
// pointer as it is, with a deferred Unlock and a Done called directly.
func capturedByPointer() {
	mu := &sync.Mutex{}
	wg := &sync.WaitGroup{}
	total := 0
	for i := 0; i < 40; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			total++
		}()
		go func() {
			mu.Lock()
			total += 10
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("captured by pointer:", total)
}

// A deferred Unlock on a captured Mutex, and TryLock seeing the lock a
// fused Lock took.
func deferredUnlock() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	held := 0
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			if !mu.TryLock() {
				held++
			}
		}()
	}
	wg.Wait()
	fmt.Println("deferred unlock, TryLock failed while held:", held)
	if mu.TryLock() {
		fmt.Println("free after all goroutines")
		mu.Unlock()
	}
}

// Add with deltas other than 1, one beyond what the fused op holds, and an
// Add(-k) in a goroutine that brings the counter to zero and wakes Wait.
func deltas() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	wg.Add(3)
	wg.Add(200)
	wg.Add(-200)
	for i := 1; i <= 3; i++ {
		go func() {
			mu.Lock()
			sum += i * 100
			mu.Unlock()
			wg.Add(-1)
		}()
	}
	wg.Wait()
	fmt.Println("deltas:", sum)
}

// A struct local whose field is a Mutex, captured by the goroutines: the
// Lock is on a field's address (`AddrField`), not fused; the account and
// the WaitGroup escape into cells.
func fieldMutex() {
	var acct account
	var wg sync.WaitGroup
	for i := 0; i < 25; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acct.mu.Lock()
			acct.balance += 4
			acct.mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("field mutex:", acct.balance)
}

// A negative counter from a captured WaitGroup's Add panics, and the
// goroutine's deferred recover sees Go's message.
func negativeRecovered() {
	var wg sync.WaitGroup
	done := make(chan string)
	go func() {
		defer func() {
			done <- fmt.Sprint("recovered: ", recover())
		}()
		wg.Add(1)
		wg.Add(-2)
		done <- "not reached"
	}()
	fmt.Println(<-done)
}

func main() {
	capturedByValue()
	capturedByPointer()
	deferredUnlock()
	deltas()
	fieldMutex()
	negativeRecovered()
}
