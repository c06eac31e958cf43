package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Student struct {
	Name   string
	Scores []int
}

func (s Student) Average() float64 {
	if len(s.Scores) == 0 {
		return 0
	}
	sum := 0
	for _, v := range s.Scores {
		sum += v
	}
	return float64(sum) / float64(len(s.Scores))
}

func letter(avg float64) string {
	switch {
	case avg >= 90:
		return "A"
	case avg >= 80:
		return "B"
	case avg >= 70:
		return "C"
	case avg >= 60:
		return "D"
	}
	return "F"
}

func stddev(xs []float64) float64 {
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	v := 0.0
	for _, x := range xs {
		v += (x - mean) * (x - mean)
	}
	return math.Sqrt(v / float64(len(xs)))
}

func main() {
	students := []Student{
		{"Alice", []int{92, 88, 95}},
		{"Bob", []int{75, 64, 80, 71}},
		{"Carol", []int{88, 92, 85}},
		{"Dan", []int{55, 62}},
		{"Eve", []int{100}},
		{"Frank", nil},
		{"Grace", []int{85, 95, 88}},
	}
	sort.SliceStable(students, func(i, j int) bool {
		return letter(students[i].Average()) < letter(students[j].Average())
	})
	fmt.Printf("%-8s %-18s %7s %s\n", "NAME", "SCORES", "AVG", "GRADE")
	fmt.Println(strings.Repeat("=", 42))
	byGrade := map[string][]string{}
	var avgs []float64
	for _, s := range students {
		avg := s.Average()
		avgs = append(avgs, avg)
		g := letter(avg)
		byGrade[g] = append(byGrade[g], s.Name)
		fmt.Printf("%-8s %-18s %7.2f %s\n", s.Name, fmt.Sprint(s.Scores), avg, g)
	}
	fmt.Println(strings.Repeat("=", 42))
	fmt.Println("by grade:", byGrade)
	best := students[0]
	for _, s := range students[1:] {
		if s.Average() > best.Average() {
			best = s
		}
	}
	fmt.Printf("best: %s (%.3f)\n", best.Name, best.Average())
	fmt.Printf("std dev of averages: %.4f\n", stddev(avgs))
	fmt.Printf("%+v\n", students[len(students)-1])
}
