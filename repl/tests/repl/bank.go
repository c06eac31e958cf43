// A small program for the REPL's :load and :run (load.in).
package main

import (
	"errors"
	"fmt"
)

var balance = 100

type Account struct {
	Owner string
	Total int
}

func (a *Account) Withdraw(n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if n > a.Total {
		panic(errors.New("insufficient funds"))
	}
	a.Total -= n
	return nil
}

func deposit(n int) {
	balance += n
}

func main() {
	acct := &Account{"ann", balance}
	fmt.Println(acct.Withdraw(30), acct.Total)
	fmt.Println(acct.Withdraw(500), acct.Total)
	deposit(1)
	fmt.Println("balance", balance)
}
