package backup

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"provisiontracker/calc"
)

// crafted is the attack file of issue 10: n provisions, 25 sessions a
// week, all year, from start to end. It is valid in every other way.
func crafted(t *testing.T, n int, start, end calc.Date) []byte {
	c := amira(t)
	p := &c.Plans[0]
	p.Provisions = nil
	for i := range n {
		p.Provisions = append(p.Provisions, calc.Provision{ID: "p" + strconv.Itoa(i), Section: calc.SectionF, Type: calc.TypeOT,
			Frequency: calc.Frequency{Count: 25, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.AllYear, Start: start, End: end})
	}
	c.Contacts = nil
	b, err := calc.EncodeCaseFile(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestImportBoundsTheWork(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"200 provisions, 1990 to 2100", crafted(t, 200, calc.MustDate(1990, 1, 1), calc.MustDate(2100, 12, 31)),
			"cannot run for more than 25 years"},
		{"20 provisions from 1990, no end", crafted(t, 20, calc.MustDate(1990, 1, 1), calc.Date{}),
			"started more than 25 years ago"},
		{"200 provisions for 20 years", crafted(t, 200, calc.MustDate(2005, 1, 1), calc.MustDate(2024, 12, 31)),
			"more than the 100,000 the app can count"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := ImportAt(tc.data, "", nil, today)
			took := time.Since(start)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "Nothing has been changed") {
				t.Fatalf("ImportAt = %v\nwant %q", err, tc.msg)
			}
			t.Logf("%d KB refused in %v: %v", len(tc.data)/1024, took, err)
		})
	}
	// Real help from 2024 with no end date imports.
	if _, err := ImportAt(crafted(t, 3, calc.MustDate(2024, 9, 2), calc.Date{}), "", nil, today); err != nil {
		t.Errorf("three kinds of help from 2024: %v", err)
	}
}
