package main

import "strings"

func main() {
	var sb strings.Builder
	sb.grow(10)
}
