package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

var ErrInsufficientFunds, ErrUnknownAccount = errors.New("insufficient funds"), errors.New("unknown account")

type Cents int64

func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

type Transaction struct {
	Kind   string
	Amount Cents
}

type Account struct {
	ID      string
	Owner   string
	Balance Cents
	History []Transaction
}

func (a *Account) Deposit(amt Cents) {
	a.Balance += amt
	a.History = append(a.History, Transaction{"deposit", amt})
}

func (a *Account) Withdraw(amt Cents) error {
	if amt > a.Balance {
		return fmt.Errorf("withdraw %v from %s: %w", amt, a.ID, ErrInsufficientFunds)
	}
	a.Balance -= amt
	a.History = append(a.History, Transaction{"withdraw", amt})
	return nil
}

type Bank struct {
	accounts map[string]*Account
}

func NewBank() *Bank { return &Bank{accounts: make(map[string]*Account)} }

func (b *Bank) Open(id, owner string, initial Cents) *Account {
	acc := &Account{ID: id, Owner: owner}
	acc.Deposit(initial)
	b.accounts[id] = acc
	return acc
}

func (b *Bank) Transfer(from, to string, amt Cents) error {
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("transfer from %q: %w", from, ErrUnknownAccount)
	}
	dst, ok := b.accounts[to]
	if !ok {
		return fmt.Errorf("transfer to %q: %w", to, ErrUnknownAccount)
	}
	if err := src.Withdraw(amt); err != nil {
		return fmt.Errorf("transfer failed: %w", err)
	}
	dst.Deposit(amt)
	return nil
}

func (b *Bank) Report() string {
	ids := make([]string, 0, len(b.accounts))
	for id := range b.accounts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var sb strings.Builder
	var total Cents
	for _, id := range ids {
		a := b.accounts[id]
		fmt.Fprintf(&sb, "%-6s %-8s %10v (%d txns)\n", a.ID, a.Owner, a.Balance, len(a.History))
		total += a.Balance
	}
	fmt.Fprintf(&sb, "%-15s %10v\n", "TOTAL", total)
	return sb.String()
}

func main() {
	bank := NewBank()
	bank.Open("A-1", "alice", 100_00)
	bank.Open("B-2", "bob", 50_50)
	bank.Open("C-3", "carol", 0)
	steps := []struct {
		from, to string
		amt      Cents
	}{{"A-1", "B-2", 25_25}, {"B-2", "C-3", 80_00}, {"B-2", "C-3", 75_75},
		{"C-3", "Z-9", 1_00}, {"X-0", "A-1", 1_00}, {"C-3", "A-1", 0_01}}
	for _, s := range steps {
		err := bank.Transfer(s.from, s.to, s.amt)
		switch {
		case err == nil:
			fmt.Printf("ok: %s -> %s %v\n", s.from, s.to, s.amt)
		case errors.Is(err, ErrInsufficientFunds):
			fmt.Println("declined:", err)
		case errors.Is(err, ErrUnknownAccount):
			fmt.Println("bad account:", err)
		}
	}
	fmt.Print(bank.Report())
	for _, t := range bank.accounts["C-3"].History {
		fmt.Printf("C-3 %-8s %v\n", t.Kind, t.Amount)
	}
	fmt.Println(Cents(-1234), Cents(5))
}
