// Package log: the standard logger writing to stderr with the virtual clock's timestamp.
package log

import (
	"fmt"
	"os"
)

const (
	Ldate = 1 << iota
	Ltime
	Lmicroseconds
	Llongfile
	Lshortfile
	LUTC
	Lmsgprefix
	LstdFlags = Ldate | Ltime
)

var flags = LstdFlags
var prefix = ""

func SetFlags(flag int)  { flags = flag }
func Flags() int         { return flags }
func SetPrefix(p string) { prefix = p }
func Prefix() string     { return prefix }

// output writes one log line to stderr: prefix, timestamp per flags, s, and a newline if s lacks one (native).
func output(prefix string, flags int, s string)

func Print(v ...any)                 { output(prefix, flags, fmt.Sprint(v...)) }
func Printf(format string, v ...any) { output(prefix, flags, fmt.Sprintf(format, v...)) }
func Println(v ...any)               { output(prefix, flags, fmt.Sprintln(v...)) }

func Fatal(v ...any) {
	output(prefix, flags, fmt.Sprint(v...))
	os.Exit(1)
}
func Fatalf(format string, v ...any) {
	output(prefix, flags, fmt.Sprintf(format, v...))
	os.Exit(1)
}
func Fatalln(v ...any) {
	output(prefix, flags, fmt.Sprintln(v...))
	os.Exit(1)
}

func Panic(v ...any) {
	s := fmt.Sprint(v...)
	output(prefix, flags, s)
	panic(s)
}
func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	output(prefix, flags, s)
	panic(s)
}
func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	output(prefix, flags, s)
	panic(s)
}
