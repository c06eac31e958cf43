package main

import (
	"fmt"
	"strconv"
	"strings"
)

func command(line string) string {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return "empty"
	}
	switch cmd, args := strings.ToLower(fields[0]), fields[1:]; cmd {
	case "add", "plus", "+":
		sum := 0
		for _, a := range args {
			n, _ := strconv.Atoi(a)
			sum += n
		}
		return fmt.Sprint("sum=", sum)
	case "echo":
		return strings.Join(args, " ")
	case "quit", "exit":
		return "bye"
	case "":
		return "unreachable"
	default:
		if strings.HasPrefix(cmd, "x") {
			return "x-command " + cmd
		}
		return "unknown " + cmd
	}
}

func main() {
	for _, l := range []string{"add 1 2 3", "PLUS 10 20", "echo hello   world", "quit", "xyz", "foo bar", "   "} {
		fmt.Printf("%-20q -> %s\n", l, command(l))
	}
	// switch on a rune
	for _, r := range "a1 Z!" {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			fmt.Printf("%q letter\n", r)
		case r >= '0' && r <= '9':
			fmt.Printf("%q digit\n", r)
		case r == ' ':
			fmt.Printf("%q space\n", r)
		default:
			fmt.Printf("%q other\n", r)
		}
	}
}
