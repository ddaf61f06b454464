package decisions

import (
	"math"

	"github.com/shopspring/decimal"
)

// Percentile is the p-th percentile (0..1) of sorted values, with linear
// interpolation between neighbours.
func Percentile(sorted []decimal.Decimal, p float64) decimal.Decimal {
	if len(sorted) == 0 {
		return decimal.Zero
	}
	pos := decimal.NewFromFloat(p).Mul(decimal.NewFromInt(int64(len(sorted) - 1)))
	i := int(pos.IntPart())
	if i >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	frac := pos.Sub(decimal.NewFromInt(int64(i)))
	return sorted[i].Add(sorted[i+1].Sub(sorted[i]).Mul(frac))
}

// HDQuantile is the Harrell–Davis estimate of the p-th quantile (0..1) of
// sorted values: a weighted mean of all of them, the weights from the
// beta distribution, so adding or leaving out one decision moves it a
// little, where a plain percentile of a few values can jump from one
// value to its neighbour (delay-only payments: £300 or £500 depending on
// which one decision is left out).
func HDQuantile(sorted []decimal.Decimal, p float64) decimal.Decimal {
	n := len(sorted)
	if n == 0 {
		return decimal.Zero
	}
	a, b := p*float64(n+1), (1-p)*float64(n+1)
	sum, prev := decimal.Zero, 0.0
	for i, v := range sorted {
		next := regIncBeta(float64(i+1)/float64(n), a, b)
		// The weights are shares, not money: six places are plenty.
		sum = sum.Add(v.Mul(decimal.NewFromFloat(next - prev).Round(6)))
		prev = next
	}
	return sum
}

// regIncBeta is the regularised incomplete beta function I_x(a, b)
// (Numerical Recipes' continued fraction).
func regIncBeta(x, a, b float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	lbeta, _ := math.Lgamma(a + b)
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	front := math.Exp(lbeta - la - lb + a*math.Log(x) + b*math.Log(1-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(x, a, b) / a
	}
	return 1 - front*betaCF(1-x, b, a)/b
}

func betaCF(x, a, b float64) float64 {
	const tiny = 1e-300
	nonZero := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	c, d := 1.0, 1/nonZero(1-(a+b)*x/(a+1))
	h := d
	// step applies one coefficient of the continued fraction (Lentz's
	// method) and returns the factor it multiplies h by.
	step := func(aa float64) float64 {
		d = 1 / nonZero(1+aa*d)
		c = nonZero(1 + aa/c)
		return d * c
	}
	for m := 1; m <= 300; m++ {
		fm := float64(m)
		h *= step(fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm)))
		del := step(-(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1)))
		h *= del
		if math.Abs(del-1) < 1e-12 {
			break
		}
	}
	return h
}
