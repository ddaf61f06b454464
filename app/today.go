package main

import (
	"time"

	"provisiontracker/calc"
)

// today is the date on the parent's device. calc never reads the clock;
// the app asks here, once per use, in the device's own time zone.
func today() calc.Date {
	y, m, d := time.Now().Date()
	return calc.MustDate(y, int(m), d)
}
