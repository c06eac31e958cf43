// Strings short (held inline) and long (on the heap) mixed: ==, <, slicing, map keys, fmt verbs, Split/Fields/Index, append to []byte.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type K struct {
	a string
	b int
}

func main() {
	short := "hello"
	long := "hello, this is a much longer string"
	fmt.Println(short == "hel"+"lo", long == "hello, this is a much "+"longer string", short < long, long[:5] == short)
	fmt.Println(len(short), len(long), short[1:3], long[7:25], string(long[3]), []byte(short))
	var sb strings.Builder
	for i := 0; i < 20; i++ {
		sb.WriteString(fmt.Sprint(i))
	}
	s := sb.String()
	fmt.Println(s, len(s), s[:14], s[:15], s[10:] == "01112131415161718192"[0:len(s)-10])
	m := map[string]int{}
	words := strings.Fields("a bb ccc a bb " + strings.Repeat("x", 20) + " " + strings.Repeat("x", 20) + " abcdefghijklmn abcdefghijklmn abcdefghijklmno")
	for _, w := range words {
		m[w]++
	}
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, m[k])
	}
	fmt.Println(m, len(m))
	delete(m, "a")
	delete(m, strings.Repeat("x", 20))
	fmt.Println(m)
	mi := map[interface{}]int{1: 1, "one": 2, 2.5: 3, K{"k", 1}: 4, strings.Repeat("y", 16): 5}
	fmt.Println(mi[1], mi["one"], mi[2.5], mi[K{"k", 1}], mi[strings.Repeat("y", 16)], mi["zz"], len(mi))
	mk := map[K]string{{"a", 1}: "x", {strings.Repeat("b", 30), 2}: "y"}
	fmt.Println(mk[K{"a", 1}], mk[K{strings.Repeat("b", 30), 2}], len(mk))
	fmt.Printf("%q %v %x %s %10s|%-16s|\n", short, long, short, []string{short, long}, short, "abcdefghijklmn")
	var e interface{} = "abc"
	var f interface{} = "ab" + string('c')
	fmt.Println(e == f, strings.Split("a,b,,c", ","), strings.Split("abc", ""), strings.SplitN("a,b,c", ",", 2), strings.SplitAfter("a,b", ","))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"), strings.Index("aab", "ab"), strings.Index("", ""), strings.Index("a", "ab"))
	fmt.Println(strings.Fields("  héllo\u00a0wörld\tfoo\u2003bar  "), len(strings.Fields("   ")))
	b := []byte("xy")
	b = append(b, "zzzzzzzzzzzzzzzzz"...)
	fmt.Println(string(b), []rune("héllo"), string([]rune{104, 233}))
	for i, r := range "héllo" {
		fmt.Print(i, r, " ")
	}
	fmt.Println()
	x := "abcdefghijklmn"
	y := x + "o"
	fmt.Println(y, len(y), x+x, strings.ToUpper(x), strings.Repeat("ab", 8), strings.Contains(y, "no"))
	switch x {
	case "abcdefghijklmn":
		fmt.Println("switch ok")
	}
	var z string
	fmt.Println(z == "", len(z), fmt.Sprintf("%v|", z))
	ms := map[string]string{}
	for i := 0; i < 1000; i++ {
		ms[fmt.Sprint("key", i)] = fmt.Sprint(i)
	}
	for i := 0; i < 1000; i += 2 {
		delete(ms, fmt.Sprint("key", i))
	}
	cnt := 0
	for k, v := range ms {
		if k != "key"+v {
			panic(k)
		}
		cnt++
	}
	fmt.Println(cnt, len(ms), ms["key999"], ms["key998"] == "")
	defer func() { fmt.Println(recover()) }()
	panic("short panic")
}
