package main

import "fmt"

func main() {
	s := "tab:\t|newline:\n|quote:\"|backslash:\\|bell:\a|nul:\x00|hex:\x41|oct:\101|u:\u00e9|U:\U0001F600"
	fmt.Println(len(s))
	fmt.Printf("%q\n", s)
	raw := `C:\path\to\file "quoted" \n not a newline`
	fmt.Println(raw)
	fmt.Println(len(raw))
	rawMulti := `line1
line2`
	fmt.Printf("%q\n", rawMulti)
	// carriage returns are stripped from raw strings
	fmt.Println("\u4e16\u754c" == "世界", "\xe4\xb8\x96" == "世")
	fmt.Println('\'' == 39, "'" == "\x27", `\` == "\\")
	fmt.Printf("%q %q\n", "\v\f\b\r", `\v`)
}
