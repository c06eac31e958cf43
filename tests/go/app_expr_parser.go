package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A tokenizer and recursive-descent evaluator for integer arithmetic with
// + - * / % parentheses, unary minus and variables.

type TokenKind int

const (
	NUM TokenKind = iota
	IDENT
	OP
	LPAREN
	RPAREN
	EOF
)

func (k TokenKind) String() string {
	return [...]string{"NUM", "IDENT", "OP", "LPAREN", "RPAREN", "EOF"}[k]
}

type Token struct {
	Kind TokenKind
	Text string
	Pos  int
}

func tokenize(src string) ([]Token, error) {
	var toks []Token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			toks = append(toks, Token{NUM, src[i:j], i})
			i = j
		case c >= 'a' && c <= 'z' || c == '_':
			j := i
			for j < len(src) && (src[j] >= 'a' && src[j] <= 'z' || src[j] == '_') {
				j++
			}
			toks = append(toks, Token{IDENT, src[i:j], i})
			i = j
		case strings.IndexByte("+-*/%", c) >= 0:
			toks = append(toks, Token{OP, string(c), i})
			i++
		case c == '(':
			toks = append(toks, Token{LPAREN, "(", i})
			i++
		case c == ')':
			toks = append(toks, Token{RPAREN, ")", i})
			i++
		default:
			r, _ := utf8.DecodeRuneInString(src[i:])
			return nil, fmt.Errorf("unexpected character %q at %d", r, i)
		}
	}
	return append(toks, Token{EOF, "", len(src)}), nil
}

type Parser struct {
	toks []Token
	pos  int
	vars map[string]int
}

func (p *Parser) peek() Token { return p.toks[p.pos] }
func (p *Parser) next() Token  { t := p.toks[p.pos]; p.pos++; return t }

// expr := term (('+'|'-') term)*
func (p *Parser) expr() (int, error) {
	v, err := p.term()
	for err == nil && p.peek().Kind == OP && (p.peek().Text == "+" || p.peek().Text == "-") {
		op := p.next().Text
		var r int
		if r, err = p.term(); err == nil {
			if op == "+" {
				v += r
			} else {
				v -= r
			}
		}
	}
	return v, err
}

// term := unary (('*'|'/'|'%') unary)*
func (p *Parser) term() (int, error) {
	v, err := p.unary()
	for err == nil && p.peek().Kind == OP && strings.Contains("*/%", p.peek().Text) {
		op := p.next()
		var r int
		if r, err = p.unary(); err != nil {
			break
		}
		if r == 0 && op.Text != "*" {
			return 0, fmt.Errorf("division by zero at %d", op.Pos)
		}
		switch op.Text {
		case "*":
			v *= r
		case "/":
			v /= r
		case "%":
			v %= r
		}
	}
	return v, err
}

func (p *Parser) unary() (int, error) {
	if t := p.peek(); t.Kind == OP && t.Text == "-" {
		p.next()
		v, err := p.unary()
		return -v, err
	}
	return p.primary()
}

func (p *Parser) primary() (int, error) {
	t := p.next()
	switch t.Kind {
	case NUM:
		return strconv.Atoi(t.Text)
	case IDENT:
		v, ok := p.vars[t.Text]
		if !ok {
			return 0, fmt.Errorf("undefined: %s", t.Text)
		}
		return v, nil
	case LPAREN:
		v, err := p.expr()
		if err != nil {
			return 0, err
		}
		if c := p.next(); c.Kind != RPAREN {
			return 0, fmt.Errorf("expected ) at %d, found %v %q", c.Pos, c.Kind, c.Text)
		}
		return v, nil
	}
	return 0, fmt.Errorf("unexpected %v %q at %d", t.Kind, t.Text, t.Pos)
}

func eval(src string, vars map[string]int) (int, error) {
	toks, err := tokenize(src)
	if err != nil {
		return 0, err
	}
	p := &Parser{toks: toks, vars: vars}
	v, err := p.expr()
	if err == nil && p.peek().Kind != EOF {
		err = fmt.Errorf("trailing %v %q at %d", p.peek().Kind, p.peek().Text, p.peek().Pos)
	}
	return v, err
}

func main() {
	vars := map[string]int{"x": 6, "y": 7, "big": 1 << 62}
	for _, src := range []string{
		"1 + 2 * 3", "(1 + 2) * 3", "x * y", "-x - -y", "100 / 7 % 4", "-7 / 2",
		"big * 4", "((2))", "2 * (3 + 4", "1 / (x - 6)", "z + 1", "3 $ 4", "1 2", "", "é",
	} {
		v, err := eval(src, vars)
		if err != nil {
			fmt.Printf("%-14q error: %v\n", src, err)
		} else {
			fmt.Printf("%-14q = %d\n", src, v)
		}
	}
}
