package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type SKU string

type Product struct {
	SKU      SKU
	Name     string
	Price    float64
	Quantity int
	Tags     []string
}

type Inventory struct{ products map[SKU]*Product }

type StockError struct {
	SKU                  SKU
	Requested, Available int
}

func (e StockError) Error() string {
	return fmt.Sprintf("sku %s: requested %d, only %d available", e.SKU, e.Requested, e.Available)
}

var ErrNoSuchProduct = errors.New("no such product")

func (inv *Inventory) Load(csv string) error {
	inv.products = map[SKU]*Product{}
	for n, line := range strings.Split(strings.TrimSpace(csv), "\n") {
		f := strings.Split(line, ";")
		if len(f) != 5 {
			return fmt.Errorf("line %d: expected 5 fields, got %d", n+1, len(f))
		}
		price, err1 := strconv.ParseFloat(f[2], 64)
		qty, err2 := strconv.Atoi(f[3])
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
		tags := strings.FieldsFunc(f[4], func(r rune) bool { return r == ',' })
		inv.products[SKU(f[0])] = &Product{SKU(f[0]), f[1], price, qty, tags}
	}
	return nil
}

func (inv *Inventory) Take(sku SKU, n int) error {
	p, ok := inv.products[sku]
	if !ok {
		return fmt.Errorf("take %d of %s: %w", n, sku, ErrNoSuchProduct)
	}
	if p.Quantity < n {
		return StockError{sku, n, p.Quantity}
	}
	p.Quantity -= n
	return nil
}

func (inv *Inventory) Sorted(less func(a, b *Product) bool) []*Product {
	list := make([]*Product, 0, len(inv.products))
	for _, p := range inv.products {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool { return less(list[i], list[j]) })
	return list
}

func (inv *Inventory) Value() (total float64) {
	// sum in a fixed order: float addition is not associative
	for _, p := range inv.Sorted(func(a, b *Product) bool { return a.SKU < b.SKU }) {
		total += p.Price * float64(p.Quantity)
	}
	return
}

const data = `
A100;Widget;2.50;100;tools,small
B200;Gadget;12.99;15;electronics
C300;Doohickey;0.75;1000;
D400;Thingamajig;99.00;2;tools,large,rare
`

func main() {
	var inv Inventory
	if err := inv.Load(data); err != nil {
		panic(err)
	}
	fmt.Printf("loaded %d products, value %.2f\n", len(inv.products), inv.Value())
	orders := []struct {
		sku SKU
		n   int
	}{{"A100", 30}, {"D400", 3}, {"Z999", 1}, {"D400", 2}, {"C300", 999}}
	for _, o := range orders {
		err := inv.Take(o.sku, o.n)
		var se StockError
		switch {
		case err == nil:
			fmt.Printf("took %d x %s\n", o.n, o.sku)
		case errors.As(err, &se):
			fmt.Printf("short by %d: %v\n", se.Requested-se.Available, err)
		case errors.Is(err, ErrNoSuchProduct):
			fmt.Println("missing:", err)
		}
	}
	fmt.Println("by value desc:")
	for _, p := range inv.Sorted(func(a, b *Product) bool {
		return a.Price*float64(a.Quantity) > b.Price*float64(b.Quantity)
	}) {
		fmt.Printf("  %-5s %-12s %7.2f x %4d = %8.2f %q\n", p.SKU, p.Name, p.Price, p.Quantity, p.Price*float64(p.Quantity), p.Tags)
	}
	fmt.Printf("remaining value %.2f\n", inv.Value())
	var bad Inventory
	fmt.Println(bad.Load("X;y;notanumber;1;"))
	fmt.Println(bad.Load("X;y;1.0"))
}
