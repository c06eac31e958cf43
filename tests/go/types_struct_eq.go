package main

import "fmt"

type Money struct {
	Cents    int64
	Currency string
}

type Account struct {
	Owner   string
	Balance Money
	Active  bool
}

type WithPtr struct{ P *int }

func main() {
	a := Account{"ann", Money{100, "EUR"}, true}
	b := Account{"ann", Money{100, "EUR"}, true}
	c := a
	c.Balance.Cents = 101
	fmt.Println("a == b:", a == b, "a == c:", a == c)
	fmt.Println("field compare:", a.Balance == b.Balance)
	fmt.Println("zero value:", Account{} == Account{}, Money{} == Money{0, ""})
	x, y := 1, 1
	p1, p2 := WithPtr{&x}, WithPtr{&y}
	fmt.Println("pointer fields compare addresses:", p1 == p2, p1 == WithPtr{&x})
	set := map[Money]bool{}
	set[Money{5, "USD"}] = true
	set[Money{5, "USD"}] = true
	set[Money{5, "EUR"}] = true
	fmt.Println("struct map keys:", len(set), set[Money{5, "USD"}])
	anon1 := struct{ A, B int }{1, 2}
	anon2 := struct{ A, B int }{1, 2}
	fmt.Println("anonymous structs:", anon1 == anon2)
	type Pt struct{ A, B int }
	fmt.Println("anonymous vs named (assignable):", anon1 == Pt{1, 2})
	var i1, i2 any = Money{1, "X"}, Money{1, "X"}
	fmt.Println("in interfaces:", i1 == i2)
	type F struct{ V float64 }
	zero := 0.0
	fmt.Println("float fields: +0 == -0:", F{zero} == F{-zero})
}
