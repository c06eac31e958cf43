package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A recursive-descent evaluator for + - * / %, parentheses, unary minus and variables.

type Parser struct {
	src  string
	pos  int
	vars map[string]int
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c == '_' }

func (p *Parser) peek() byte { // skips spaces; 0 at the end
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos == len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

func (p *Parser) unexpected() error {
	if p.peek() == 0 {
		return fmt.Errorf("unexpected end of input at %d", p.pos)
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return fmt.Errorf("unexpected %q at %d", r, p.pos)
}

// binary parses operand (op operand)* for the operators in ops.
func (p *Parser) binary(ops string, operand func() (int, error)) (int, error) {
	v, err := operand()
	for err == nil && p.peek() != 0 && strings.IndexByte(ops, p.peek()) >= 0 {
		op, at := p.src[p.pos], p.pos
		p.pos++
		var r int
		if r, err = operand(); err != nil {
			break
		}
		switch {
		case op == '+':
			v += r
		case op == '-':
			v -= r
		case op == '*':
			v *= r
		case r == 0:
			return 0, fmt.Errorf("division by zero at %d", at)
		case op == '/':
			v /= r
		default:
			v %= r
		}
	}
	return v, err
}

func (p *Parser) expr() (int, error) { return p.binary("+-", p.term) }
func (p *Parser) term() (int, error) { return p.binary("*/%", p.unary) }

func (p *Parser) unary() (int, error) {
	c, start := p.peek(), p.pos
	switch {
	case c == '-':
		p.pos++
		v, err := p.unary()
		return -v, err
	case c == '(':
		p.pos++
		v, err := p.expr()
		if err == nil && p.peek() != ')' {
			return 0, fmt.Errorf("expected ) at %d: %w", p.pos, p.unexpected())
		}
		p.pos++
		return v, err
	case isDigit(c) || isLetter(c):
		for p.pos < len(p.src) && (isDigit(p.src[p.pos]) || isLetter(p.src[p.pos])) {
			p.pos++
		}
		if word := p.src[start:p.pos]; isDigit(c) {
			return strconv.Atoi(word)
		} else if v, ok := p.vars[word]; ok {
			return v, nil
		}
		return 0, fmt.Errorf("undefined: %s", p.src[start:p.pos])
	}
	return 0, p.unexpected()
}

func eval(src string, vars map[string]int) (int, error) {
	p := &Parser{src: src, vars: vars}
	v, err := p.expr()
	if err == nil && p.peek() != 0 {
		err = fmt.Errorf("trailing input: %w", p.unexpected())
	}
	return v, err
}

func main() {
	vars := map[string]int{"x": 6, "y": 7, "big": 1 << 62}
	for _, src := range []string{
		"1 + 2 * 3", "(1 + 2) * 3", "x * y", "-x - -y", "100 / 7 % 4", "-7 / 2",
		"big * 4", "((2))", "2 * (3 + 4", "1 / (x - 6)", "z + 1", "3 $ 4", "1 2", "", "é",
	} {
		if v, err := eval(src, vars); err != nil {
			fmt.Printf("%-14q error: %v\n", src, err)
		} else {
			fmt.Printf("%-14q = %d\n", src, v)
		}
	}
}
