// Package time on gomini's virtual clock: Duration and its String in Go, the clock and timers as natives.
package time

// A Duration is an elapsed time in nanoseconds.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns a string such as "72h3m0.5s", exactly as Go formats it.
func (d Duration) String() string {
	var arr [32]byte
	n := d.format(&arr)
	return string(arr[n:])
}

func (d Duration) format(buf *[32]byte) int {
	w := len(buf)
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	if u < uint64(Second) {
		var prec int
		w--
		buf[w] = 's'
		w--
		switch {
		case u == 0:
			buf[w] = '0'
			return w
		case u < uint64(Microsecond):
			prec = 0
			buf[w] = 'n'
		case u < uint64(Millisecond):
			prec = 3
			w--
			copy(buf[w:], "µ")
		default:
			prec = 6
			buf[w] = 'm'
		}
		w, u = fmtFrac(buf[:w], u, prec)
		w = fmtInt(buf[:w], u)
	} else {
		w--
		buf[w] = 's'
		w, u = fmtFrac(buf[:w], u, 9)
		w = fmtInt(buf[:w], u%60)
		u /= 60
		if u > 0 {
			w--
			buf[w] = 'm'
			w = fmtInt(buf[:w], u%60)
			u /= 60
			if u > 0 {
				w--
				buf[w] = 'h'
				w = fmtInt(buf[:w], u)
			}
		}
	}
	if neg {
		w--
		buf[w] = '-'
	}
	return w
}

func fmtFrac(buf []byte, v uint64, prec int) (nw int, nv uint64) {
	w := len(buf)
	print := false
	for i := 0; i < prec; i++ {
		digit := v % 10
		print = print || digit != 0
		if print {
			w--
			buf[w] = byte(digit) + '0'
		}
		v /= 10
	}
	if print {
		w--
		buf[w] = '.'
	}
	return w, v
}

func fmtInt(buf []byte, v uint64) int {
	w := len(buf)
	if v == 0 {
		w--
		buf[w] = '0'
	} else {
		for v > 0 {
			w--
			buf[w] = byte(v%10) + '0'
			v /= 10
		}
	}
	return w
}

func (d Duration) Nanoseconds() int64 { return int64(d) }
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return -1 << 63
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return 1<<63 - 1
}
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == -1<<63:
		return 1<<63 - 1
	default:
		return -d
	}
}

// A Time is an instant on the virtual clock: nanoseconds since the Unix epoch,
// and `mono` nanoseconds since the program started (printed as m=+...).
type Time struct {
	ns   int64
	mono int64
}

// now returns the virtual clock (native): Unix nanoseconds and nanoseconds since start.
func now() (ns int64, mono int64)

func Now() Time {
	ns, mono := now()
	return Time{ns, mono}
}
func Unix(sec int64, nsec int64) Time { return Time{sec*1e9 + nsec, 0} }
func Since(t Time) Duration          { return Now().Sub(t) }
func Until(t Time) Duration          { return t.Sub(Now()) }
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	return Duration(t.ns - u.ns)
}
func (t Time) Add(d Duration) Time {
	mono := t.mono
	if mono != 0 {
		mono += int64(d)
	}
	return Time{t.ns + int64(d), mono}
}
func (t Time) Before(u Time) bool { return t.ns < u.ns }
func (t Time) After(u Time) bool  { return t.ns > u.ns }
func (t Time) Equal(u Time) bool  { return t.ns == u.ns }
func (t Time) Compare(u Time) int {
	switch {
	case t.ns < u.ns:
		return -1
	case t.ns > u.ns:
		return 1
	}
	return 0
}
func (t Time) IsZero() bool       { return t.ns == 0 && t.mono == 0 }
func (t Time) Unix() int64        { return t.ns / 1e9 }
func (t Time) UnixNano() int64    { return t.ns }
func (t Time) UnixMilli() int64   { return t.ns / 1e6 }
func (t Time) Nanosecond() int    { return int(t.ns % 1e9) }
func (t Time) Round(d Duration) Time {
	return Time{t.ns, 0}
}
func (t Time) Truncate(d Duration) Time {
	return Time{t.ns, 0}
}

// String formats as Go does: "2009-11-10 23:00:00 +0000 UTC m=+0.000000001" (native).
func (t Time) String() string

// Format formats with Go's reference-time layout (native).
func (t Time) Format(layout string) string

const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
)

// Sleep pauses the goroutine; the virtual clock jumps when every goroutine waits (native).
func Sleep(d Duration)

// startTimer sends the time on c after d, then every period if period > 0; it returns the timer's id (native).
func startTimer(c chan Time, d int64, period int64) int

// startFuncTimer runs f in its own goroutine after d; it returns the timer's id (native).
func startFuncTimer(f func(), d int64) int

// stopTimer stops timer id and reports whether it was still pending (native).
func stopTimer(id int) bool

// resetTimer re-arms timer id to fire after d (and every period if period > 0) (native).
func resetTimer(id int, d int64, period int64) bool

type Timer struct {
	C  <-chan Time
	id int
}

func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	return &Timer{C: c, id: startTimer(c, int64(d), 0)}
}

func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{id: startFuncTimer(f, int64(d))}
}

func (t *Timer) Stop() bool { return stopTimer(t.id) }
func (t *Timer) Reset(d Duration) bool {
	return resetTimer(t.id, int64(d), 0)
}

func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

type Ticker struct {
	C      <-chan Time
	id     int
	period Duration
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	return &Ticker{C: c, id: startTimer(c, int64(d), int64(d)), period: d}
}

func (t *Ticker) Stop() { stopTimer(t.id) }
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	t.period = d
	resetTimer(t.id, int64(d), int64(d))
}

func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
