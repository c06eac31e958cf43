// Package os: the standard streams, Args and Exit.
package os

// File is an open file descriptor; gomini has only the standard streams.
type File struct {
	fd int
}

// Write writes to the program's buffered stdout or stderr (native).
func (f *File) Write(b []byte) (n int, err error)

func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

var (
	Stdin  = &File{0}
	Stdout = &File{1}
	Stderr = &File{2}
)

// Args holds the command-line arguments, starting with the program name.
var Args = runtimeArgs()

func runtimeArgs() []string

// Exit flushes output and ends the program at once with the status code; defers do not run.
func Exit(code int)
