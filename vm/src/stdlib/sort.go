// Package sort: sorting in Go over natives that see any slice's length and swap its elements.
//
// FIXME: Go's unstable sorts are pdqsort; equal elements may come out in a
// different order here than in Go (Slice, Sort). Stable sorts match exactly.
package sort

type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// lenOf returns len(x) of a slice held in an interface (native).
func lenOf(x any) int

// swapper returns a function that swaps elements i and j of the slice x (native).
func swapper(x any) func(i, j int)

func insertionSort(n int, less func(i, j int) bool, swap func(i, j int)) {
	for i := 1; i < n; i++ {
		for j := i; j > 0 && less(j, j-1); j-- {
			swap(j, j-1)
		}
	}
}

func Slice(x any, less func(i, j int) bool) {
	insertionSort(lenOf(x), less, swapper(x))
}

func SliceStable(x any, less func(i, j int) bool) {
	insertionSort(lenOf(x), less, swapper(x))
}

func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := lenOf(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

func Sort(data Interface) {
	insertionSort(data.Len(), data.Less, data.Swap)
}

func Stable(data Interface) {
	insertionSort(data.Len(), data.Less, data.Swap)
}

func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// Ints, Float64s and Strings sort in place (natives: equal elements are indistinguishable).
func Ints(x []int)
func Float64s(x []float64)
func Strings(x []string)

func IntsAreSorted(x []int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if x[i] < x[i-1] {
			return false
		}
	}
	return true
}

func StringsAreSorted(x []string) bool {
	for i := len(x) - 1; i > 0; i-- {
		if x[i] < x[i-1] {
			return false
		}
	}
	return true
}

func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type reverse struct {
	Interface
}

func (r reverse) Less(i, j int) bool {
	return r.Interface.Less(j, i)
}

func Reverse(data Interface) Interface {
	return &reverse{data}
}
