package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// pretty prints a JSON-like value made of maps, slices and scalars.
func pretty(sb *strings.Builder, v any, indent int) {
	pad := strings.Repeat("  ", indent)
	switch x := v.(type) {
	case nil:
		sb.WriteString("null")
	case bool:
		sb.WriteString(strconv.FormatBool(x))
	case int:
		sb.WriteString(strconv.Itoa(x))
	case float64:
		sb.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	case string:
		sb.WriteString(strconv.Quote(x))
	case []any:
		if len(x) == 0 {
			sb.WriteString("[]")
			return
		}
		sb.WriteString("[\n")
		for i, e := range x {
			sb.WriteString(pad + "  ")
			pretty(sb, e, indent+1)
			if i < len(x)-1 {
				sb.WriteByte(',')
			}
			sb.WriteByte('\n')
		}
		sb.WriteString(pad + "]")
	case map[string]any:
		if len(x) == 0 {
			sb.WriteString("{}")
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sb.WriteString("{\n")
		for i, k := range keys {
			fmt.Fprintf(sb, "%s  %q: ", pad, k)
			pretty(sb, x[k], indent+1)
			if i < len(keys)-1 {
				sb.WriteByte(',')
			}
			sb.WriteByte('\n')
		}
		sb.WriteString(pad + "}")
	default:
		fmt.Fprintf(sb, "<unsupported %T>", x)
	}
}

func count(v any) (n int) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			n += count(e)
		}
	case map[string]any:
		for _, e := range x {
			n += count(e)
		}
	default:
		n = 1
	}
	return
}

func main() {
	doc := map[string]any{
		"name":    "gomini",
		"version": 0.1,
		"stable":  false,
		"authors": []any{"ann", "bob"},
		"stats": map[string]any{
			"files": 42, "ratio": 1e21, "small": 1e-7, "empty": []any{}, "none": nil,
			"nested": map[string]any{"deep": []any{1, []any{2, 3}, map[string]any{}}},
		},
		"escape": "tab\there \"q\" ü",
		"odd":    struct{}{},
	}
	var sb strings.Builder
	pretty(&sb, doc, 0)
	fmt.Println(sb.String())
	fmt.Println("scalar leaves:", count(doc))
}
