package main

import "fmt"

type Mode string

const (
	ModeRead  Mode = "r"
	ModeWrite Mode = "w"
	debug          = false
	verbose        = !debug && true
	version        = "v" + "1." + "22"
	vlen           = len(version)
	banner         = version + " (" + string(ModeRead) + ")"
)

const isLong = vlen > 3

func main() {
	fmt.Println(ModeRead, ModeWrite, debug, verbose)
	fmt.Printf("%q %d %v\n", version, vlen, isLong)
	fmt.Println(banner)
	fmt.Printf("%T %T %T\n", ModeRead, verbose, version)
	if debug {
		fmt.Println("never printed")
	}
	var arr [vlen]bool
	fmt.Println(len(arr))
	type Flag bool
	const on Flag = true
	fmt.Printf("%v %T\n", on, on)
	const multi = `a
b`
	fmt.Println(len(multi), multi == "a\nb")
	const r = '\u00e9'
	fmt.Println(string(r)+"!", r)
}
