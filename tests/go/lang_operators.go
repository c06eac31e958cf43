package main

import "fmt"

func main() {
	fmt.Println("2+3*4 =", 2+3*4)
	fmt.Println("(2+3)*4 =", (2+3)*4)
	fmt.Println("10-4-3 =", 10-4-3)
	fmt.Println("100/10/5 =", 100/10/5)
	fmt.Println("1<<2+1 =", 1<<2+1)    // << binds like *
	fmt.Println("6&3|8 =", 6&3|8)      // & like *, | like +
	fmt.Println("5^1*2 =", 5^1*2)      // ^ like +
	fmt.Println("-7/2 =", -7/2, "-7%2 =", -7%2)
	fmt.Println("7/-2 =", 7/-2, "7%-2 =", 7%-2)
	fmt.Println("^5 =", ^5, "-^5 =", -^5)
	fmt.Println("!true || true && false =", !true || true && false)
	a, b := 3, 5
	fmt.Println("a<b == true:", a < b == true)
	fmt.Println("a&^b =", a&^b, "b&^a =", b&^a)
	x := 0b1011_0110
	fmt.Println("binary literal:", x, "octal 0o17:", 0o17, "old octal 017:", 017, "hex 0xFF:", 0xFF)
	fmt.Println("digit separators:", 1_000_000, 0x_ff_ff)
	fmt.Println("rune arithmetic 'a'+1 =", 'a'+1, string(rune('a'+1)))
	// short circuit
	calls := 0
	t := func(v bool) bool { calls++; return v }
	_ = t(false) && t(true)
	_ = t(true) || t(false)
	fmt.Println("calls with short circuit:", calls)
	// unary plus, minus on unsigned wraps
	var u uint = 1
	fmt.Println("-u for uint 1 =", -u)
	fmt.Println("+a =", +a)
	// float ops
	fmt.Println("7.0/2 =", 7.0/2, "float mod is not allowed; integer 7/2 =", 7/2)
	f := 1.0
	fmt.Println("f/3*3 == f:", f/3*3 == f)
	// string comparison is bytewise
	fmt.Println(`"abc" < "abd":`, "abc" < "abd", `"Z" < "a":`, "Z" < "a", `"ab" < "abc":`, "ab" < "abc")
}
