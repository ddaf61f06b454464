package calc

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

// MaxItemAmount is the largest amount accepted for one item (a session
// price, a private cost, a rate). Anything larger is almost certainly a
// typing slip, and the Ombudsman's largest payments seen are far below it.
var MaxItemAmount = decInt(100000)

// ParseMoney reads an amount in pounds as a parent types it: "50",
// "50.5", "1,234.50" or "£1,234.50" (spaces around it are allowed). It
// refuses what decimal.NewFromString would quietly accept ("1e3"), and it
// refuses negative amounts, more than two decimal places and amounts over
// £100,000, each with a plain message. The empty string is an error: the
// caller decides whether an amount is optional.
func ParseMoney(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "£")
	s = strings.TrimSpace(s)
	if s == "" {
		return decimal.Decimal{}, errors.New("enter an amount in pounds, for example 50 or 1,234.50")
	}
	if s[0] == '-' {
		return decimal.Decimal{}, errors.New("the amount cannot be negative")
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if intPart == "" {
		return decimal.Decimal{}, errors.New("put a number before the decimal point, for example 0.50")
	}
	// Commas are allowed only as thousands separators: "1,234", never "12,34".
	digits := make([]byte, 0, len(s))
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		if !allDigits(g) || g == "" {
			return decimal.Decimal{}, errors.New("use only digits, one decimal point and commas between thousands")
		}
		if len(groups) > 1 && ((i == 0 && len(g) > 3) || (i > 0 && len(g) != 3)) {
			return decimal.Decimal{}, errors.New("commas must separate thousands, for example 1,234.50")
		}
		digits = append(digits, g...)
	}
	if hasDot {
		if frac == "" || !allDigits(frac) {
			return decimal.Decimal{}, errors.New("use only digits after the decimal point")
		}
		if len(frac) > 2 {
			return decimal.Decimal{}, errors.New("use at most two digits for pence, for example 12.50")
		}
		digits = append(digits, '.')
		digits = append(digits, frac...)
	}
	if len(digits) > 15 {
		return decimal.Decimal{}, errors.New("the amount is too large: the most for one item is £100,000")
	}
	d, err := decimal.NewFromString(string(digits))
	if err != nil {
		return decimal.Decimal{}, errors.New("this is not an amount of money")
	}
	if d.GreaterThan(MaxItemAmount) {
		return decimal.Decimal{}, errors.New("the amount is too large: the most for one item is £100,000")
	}
	return d.Round(2), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FormatMoney writes an amount as "£1,234.50" (always two decimal places,
// commas between thousands, "-£5.00" below zero). It rounds with
// RoundMoney first, so it shows what the estimate adds up.
func FormatMoney(d decimal.Decimal) string {
	d = RoundMoney(d)
	neg := d.Sign() < 0
	s := d.Abs().StringFixed(2)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString("£")
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	b.WriteByte('.')
	b.WriteString(frac)
	return b.String()
}

// RoundMoney is the package's one rounding rule: to the penny, half away
// from zero (£0.005 becomes £0.01). Each estimate line is rounded once
// with it; totals are the exact sums of the rounded lines, so a printed
// total always equals the sum of the printed lines.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func RoundMoney(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// pounds makes a whole-pound decimal for the rules table.
func pounds(n int64) decimal.Decimal { return decInt(n).Round(2) }

// decInt is decimal.NewFromInt, kept out of line: inlined at each of its
// many calls it cost the wasm code.
//
//go:noinline
func decInt(n int64) decimal.Decimal { return decimal.NewFromInt(n) }
