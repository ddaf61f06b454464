package similar

import (
	"sort"
	"strconv"
)

// Filter picks decisions for the list page; an empty field matches all.
type Filter struct {
	Help    Help
	Fault   Fault
	Council string
	Year    int // year of the decision
}

// Match says whether decision d passes the filter.
func (f Filter) Match(d Decision) bool {
	return (f.Help == "" || d.Has(f.Help)) && (f.Fault == "" || d.HasFault(f.Fault)) &&
		(f.Council == "" || d.Council == f.Council) && (f.Year == 0 || d.Date.Year() == f.Year)
}

// Apply returns the decisions that pass, newest first (then by reference).
func (f Filter) Apply(ds []Decision) []Decision {
	var out []Decision
	for _, d := range ds {
		if f.Match(d) {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.After(out[j].Date)
		}
		return out[i].Ref < out[j].Ref
	})
	return out
}

// Choices are the values the list page offers in its filters: only those
// some decision has, so no choice ever shows an empty list.
type Choices struct {
	Help     []Help
	Faults   []Fault
	Councils []string // by name
	Years    []int    // newest first
}

// ChoicesIn lists the filter values present in ds.
func ChoicesIn(ds []Decision) Choices {
	var c Choices
	for _, h := range Helps {
		for _, d := range ds {
			if d.Has(h) {
				c.Help = append(c.Help, h)
				break
			}
		}
	}
	for _, f := range Faults {
		for _, d := range ds {
			if d.HasFault(f) {
				c.Faults = append(c.Faults, f)
				break
			}
		}
	}
	councils, years := map[string]bool{}, map[int]bool{}
	for _, d := range ds {
		if d.Council != "" && !councils[d.Council] {
			councils[d.Council] = true
			c.Councils = append(c.Councils, d.Council)
		}
		if y := d.Date.Year(); !d.Date.IsZero() && !years[y] {
			years[y] = true
			c.Years = append(c.Years, y)
		}
	}
	sort.Strings(c.Councils)
	sort.Sort(sort.Reverse(sort.IntSlice(c.Years)))
	return c
}

// ParseYear reads a year filter ("2024"); anything else is no filter.
func ParseYear(s string) int {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1990 || y > 2100 {
		return 0
	}
	return y
}
