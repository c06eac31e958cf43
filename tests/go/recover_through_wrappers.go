package main

import "fmt"

type Recoverer interface{ rec() }

type T struct{ name string }

func (t T) rec() {
	if r := recover(); r != nil {
		fmt.Println("recovered by", t.name, ":", r)
	} else {
		fmt.Println("nothing to recover in", t.name)
	}
}

func (t *T) recMut() {
	if r := recover(); r != nil {
		fmt.Println("recovered by pointer method", t.name, ":", r)
	}
}

type Big struct {
	a, b, c int
	name    string
}

func (b Big) rec() {
	if r := recover(); r != nil {
		fmt.Println("recovered by big", b.name, b.a+b.b+b.c, ":", r)
	}
}

type Outer struct {
	T
	extra int
}

type OuterPtr struct {
	*T
}

func viaInterface() {
	var r Recoverer = T{name: "iface"}
	defer r.rec()
	panic("one")
}

func viaBigInterface() {
	var r Recoverer = Big{1, 2, 3, "bigiface"}
	defer r.rec()
	panic("two")
}

func viaPointerInInterface() {
	var r Recoverer = &T{name: "ptr-in-iface"}
	defer r.rec()
	panic("three")
}

func viaMethodValue() {
	t := &T{name: "mv"}
	m := t.recMut
	defer m()
	panic("four")
}

func viaValueMethodValue() {
	t := T{name: "vmv"}
	m := t.rec
	defer m()
	panic("five")
}

func viaInterfaceMethodValue() {
	var r Recoverer = T{name: "imv"}
	m := r.rec
	defer m()
	panic("six")
}

func viaPromoted() {
	o := Outer{T: T{name: "promoted"}}
	defer o.rec()
	panic("seven")
}

func viaPromotedInterface() {
	var r Recoverer = Outer{T: T{name: "promoted-iface"}}
	defer r.rec()
	panic("eight")
}

func viaPromotedPtrInterface() {
	var r Recoverer = &Outer{T: T{name: "promoted-ptr-iface"}}
	defer r.rec()
	panic("nine")
}

func viaEmbeddedPtr() {
	var r Recoverer = OuterPtr{&T{name: "embedded-ptr"}}
	defer r.rec()
	panic("ten")
}

func viaMethodExpr() {
	f := T.rec
	defer f(T{name: "method-expr"})
	panic("eleven")
}

type HoldsRecoverer struct {
	Recoverer
}

func viaEmbeddedInterface() {
	var r Recoverer = HoldsRecoverer{T{name: "embedded-iface"}}
	defer r.rec()
	panic("thirteen")
}

func viaInterfaceMethodExpr() {
	f := Recoverer.rec
	defer f(&T{name: "iface-method-expr"})
	panic("fourteen")
}

func viaPtrMethodExpr() {
	f := (*T).rec
	defer f(&T{name: "ptr-method-expr"})
	panic("fifteen")
}

func helper() {
	var r Recoverer = T{name: "nested"}
	r.rec()
}

func notDirect() {
	defer func() {
		fmt.Println("outer recover:", recover())
	}()
	defer func() {
		helper()
	}()
	panic("twelve")
}

func callNotDeferred() {
	var r Recoverer = T{name: "plain-call"}
	r.rec()
	m := (&T{name: "plain-mv"}).recMut
	m()
}

func main() {
	viaInterface()
	viaBigInterface()
	viaPointerInInterface()
	viaMethodValue()
	viaValueMethodValue()
	viaInterfaceMethodValue()
	viaPromoted()
	viaPromotedInterface()
	viaPromotedPtrInterface()
	viaEmbeddedPtr()
	viaMethodExpr()
	viaEmbeddedInterface()
	viaInterfaceMethodExpr()
	viaPtrMethodExpr()
	notDirect()
	callNotDeferred()
	fmt.Println("done")
}
