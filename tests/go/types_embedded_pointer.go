package main

import "fmt"

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) { l.lines = append(l.lines, l.prefix+msg) }
func (l Logger) Count() int      { return len(l.lines) }

type Service struct {
	*Logger
	Name string
}

type Server struct {
	Service
	Port int
}

func main() {
	shared := &Logger{prefix: "[svc] "}
	a := Service{shared, "a"}
	b := Service{shared, "b"}
	a.Log("start a")
	b.Log("start b")
	fmt.Println(shared.Count(), a.Count(), shared.lines)
	s := Server{Service{&Logger{prefix: "> "}, "web"}, 8080}
	s.Log("listening")
	s.Service.Log("direct")
	s.Service.Logger.Log("fully qualified")
	fmt.Println(s.Name, s.Port, s.prefix, s.Count(), s.lines)
	var empty Service
	fmt.Println("nil embedded pointer:", empty.Logger == nil)
	fmt.Printf("%+v\n", s.Service.Name)
	fmt.Printf("%v\n", *s.Logger)
}
