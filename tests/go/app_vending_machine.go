package main

import (
	"fmt"
	"sort"
)

type State int

const (
	Idle State = iota
	HasMoney
	Dispensing
	OutOfService
)

var stateNames = [...]string{"Idle", "HasMoney", "Dispensing", "OutOfService"}

func (s State) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type Item struct {
	Name  string
	Price int
	Stock int
}

type Machine struct {
	state   State
	credit  int
	items   map[string]*Item
	revenue int
	log     []string
}

func (m *Machine) logf(format string, args ...any) {
	m.log = append(m.log, fmt.Sprintf("[%-10v] ", m.state)+fmt.Sprintf(format, args...))
}

func (m *Machine) Insert(coins ...int) {
	if m.state == OutOfService {
		m.logf("rejected coins %v", coins)
		return
	}
	for _, c := range coins {
		m.credit += c
	}
	m.state = HasMoney
	m.logf("credit now %d", m.credit)
}

func (m *Machine) Select(code string) {
	item, ok := m.items[code]
	switch {
	case m.state != HasMoney:
		m.logf("insert money first")
	case !ok:
		m.logf("unknown code %q", code)
	case item.Stock == 0:
		m.logf("%s sold out", item.Name)
	case m.credit < item.Price:
		m.logf("%s costs %d, credit %d", item.Name, item.Price, m.credit)
	default:
		m.state = Dispensing
		item.Stock--
		m.credit -= item.Price
		m.revenue += item.Price
		m.logf("dispensed %s, change %d", item.Name, m.credit)
		m.credit = 0
		m.state = Idle
		if m.totalStock() == 0 {
			m.state = OutOfService
			m.logf("everything sold out")
		}
	}
}

func (m *Machine) totalStock() (n int) {
	for _, it := range m.items {
		n += it.Stock
	}
	return
}

func main() {
	m := &Machine{items: map[string]*Item{
		"A1": {"cola", 150, 2},
		"B2": {"chips", 100, 1},
	}}
	m.Select("A1")
	m.Insert(100)
	m.Select("A1")
	m.Insert(25, 25)
	m.Select("A1")
	m.Insert(200)
	m.Select("Z9")
	m.Select("B2")
	m.Insert(100)
	m.Select("B2")
	m.Select("A1")
	m.Insert(500)
	m.Select("A1")
	m.Insert(5)
	for _, line := range m.log {
		fmt.Println(line)
	}
	fmt.Println("final state:", m.state, "revenue:", m.revenue, "unknown state:", State(9))
	codes := make([]string, 0)
	for c := range m.items {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		fmt.Printf("%s %+v\n", c, *m.items[c])
	}
}
