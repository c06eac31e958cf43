package main

func main() {
	f := func g() {}
	f()
}
