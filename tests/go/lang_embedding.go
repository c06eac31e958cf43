package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("Base(%d, %s)", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }
func (b Base) Kind() string      { return "base" }

type Timestamps struct{ Created, Updated int }

func (t *Timestamps) Touch(now int) { t.Updated = now }

type User struct {
	Base
	*Timestamps
	Email string
	Name  string // shadows Base.Name
}

func (u User) Kind() string { return "user (overrides " + u.Base.Kind() + ")" }

type Describer interface{ Describe() string }

func main() {
	u := User{Base: Base{1, "base-name"}, Timestamps: &Timestamps{100, 100}, Email: "a@b.c", Name: "user-name"}
	fmt.Println("promoted field ID:", u.ID)
	fmt.Println("shadowing Name:", u.Name, "| Base.Name:", u.Base.Name)
	fmt.Println("promoted method:", u.Describe())
	u.Rename("renamed")
	fmt.Println("after Rename:", u.Base.Name, u.Name)
	fmt.Println("overridden method:", u.Kind())
	u.Touch(200) // promoted through embedded pointer
	fmt.Println("timestamps:", u.Created, u.Updated)
	var d Describer = u // User has Describe via Base
	fmt.Println("interface via embedding:", d.Describe())
	fmt.Printf("%+v\n", u.Base)
	fmt.Printf("%v\n", *u.Timestamps)

	type Inner struct{ V int }
	type Middle struct{ Inner }
	type Outer struct{ Middle }
	o := Outer{Middle{Inner{42}}}
	fmt.Println("deep promotion:", o.V, o.Middle.V, o.Middle.Inner.V)
	o.V = 7
	fmt.Printf("%+v\n", o)
}
