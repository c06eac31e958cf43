// Package runtime: the scheduler's hooks and the runtime.Error interface.
package runtime

// Error identifies a run time error (index out of range, nil dereference, ...).
type Error interface {
	error
	RuntimeError()
}

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// Goexit runs all deferred calls of the calling goroutine and then ends it.
func Goexit()

// GOMAXPROCS returns 1: gomini runs every goroutine on one thread.
func GOMAXPROCS(n int) int {
	return 1
}

func NumCPU() int {
	return 1
}

func GC() {}
