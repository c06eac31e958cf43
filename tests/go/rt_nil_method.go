package main

import "fmt"

type Account struct{ balance int }

func (a *Account) Balance() int { return a.balance }

func (a *Account) Describe() string {
	if a == nil {
		return "no account"
	}
	return fmt.Sprint("balance ", a.balance)
}

func main() {
	var a *Account
	fmt.Println("a method that checks for nil works:", a.Describe())
	fmt.Println(a.Balance())
}
