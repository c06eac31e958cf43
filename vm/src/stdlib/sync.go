// Package sync: locks and wait groups are natives of the scheduler (they block goroutines); Once is Go.
package sync

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// Mutex: the runtime keeps its waiters; `state` is 1 while locked.
type Mutex struct {
	state int32
	sema  uint32
}

func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool

// RWMutex: `readers` counts holders of the read lock, `writer` is set while write-locked.
type RWMutex struct {
	w       Mutex
	readers int32
	writer  bool
}

func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// WaitGroup: `n` is the counter; Wait blocks while it is positive.
type WaitGroup struct {
	n    int64
	sema uint32
}

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done() { wg.Add(-1) }
func (wg *WaitGroup) Wait()
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Once runs a function exactly once.
type Once struct {
	done bool
	m    Mutex
}

// Do always takes the mutex, even once done: the race detector sees the
// first call's f happen before every return of Do through the mutex (Go's
// fast path is an atomic load, which gives the same edge).
func (o *Once) Do(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done {
		defer func() { o.done = true }()
		f()
	}
}

// Cond: L is held around Wait; the runtime keeps the waiting goroutines.
type Cond struct {
	L    Locker
	sema uint32
}

func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait is Go's: take a ticket, unlock, park until the ticket is signalled, lock again.
func (c *Cond) Wait() {
	t := notifyListAdd(c)
	c.L.Unlock()
	notifyListWait(c, t)
	c.L.Lock()
}

// notifyListAdd returns the caller's ticket in c's notify list (native).
func notifyListAdd(c *Cond) uint32

// notifyListWait parks until ticket t is signalled (native).
func notifyListWait(c *Cond, t uint32)

func (c *Cond) Signal()
func (c *Cond) Broadcast()
