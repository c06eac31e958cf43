package main

import (
	"fmt"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buffer) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

// A struct embedding an interface gets its methods, and can override some.
type LoudWriter struct {
	Writer
	prefix string
}

func (l LoudWriter) Write(s string) int {
	return l.Writer.Write(l.prefix + strings.ToUpper(s))
}

type Logger struct {
	ReadWriter // embedded interface value
	count      int
}

func (l *Logger) Write(s string) int {
	l.count++
	return l.ReadWriter.Write(fmt.Sprintf("%d:%s", l.count, s))
}

func main() {
	buf := &Buffer{}
	var rw ReadWriter = buf
	rw.Write("hello")
	var w Writer = rw // ReadWriter -> Writer
	w.Write("world")
	fmt.Println(rw.Read(), rw.Read(), fmt.Sprintf("%q", rw.Read()))
	lw := LoudWriter{buf, "> "}
	n := lw.Write("quiet")
	fmt.Println(n, buf.Read())
	lg := &Logger{ReadWriter: buf}
	lg.Write("a")
	lg.Write("b")
	fmt.Println(lg.Read(), lg.Read(), lg.count)
	var r Reader = lg // Read is promoted from the embedded interface
	lg.Write("c")
	fmt.Println(r.Read())
	var empty LoudWriter
	fmt.Println("embedded nil interface:", empty.Writer == nil)
}
