package decisions

import (
	"provisiontracker/calc"

	"github.com/shopspring/decimal"
)

func decimalFromInt(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

func calcValidate(c calc.Case) []calc.FieldError { return calc.Validate(c) }

var decimal2 = decimalFromInt(2)
