// Package calc is the domain core of Provision Tracker: pure Go, no UI,
// built natively and for WebAssembly. Everything the app shows is worked
// out here from the case a parent enters; "today" is always a parameter
// and calc never reads the clock, so every result is reproducible.
//
// # Values
//
// Date is a civil date (zero = unknown; JSON "YYYY-MM-DD"). Money is
// shopspring decimal.Decimal everywhere, read with ParseMoney and shown
// with FormatMoney ("£1,234.50"). There is one rounding rule (RoundMoney,
// see Rounding): each estimate line is rounded to the penny, halves away
// from zero, and totals are the exact sums of the rounded lines.
//
// # The case
//
// Case holds the child, the council (DfE code, see Councils), plans
// (EHC plan, care plan, other), their provisions, session outcomes
// (stored inside their provision, keyed by date and Seq), count-only
// periods, not-in-place periods, the contact log, the complaint, the
// parent's term dates and any rate overrides. DecodeCaseFile and
// EncodeCaseFile read and write it as the versioned case file
// (CASEFILE.md, casefile.schema.json); Validate gives the same checks
// for the UI, as FieldErrors with paths such as
// "plans[0].provisions[2].frequency.count".
//
// # Calendar, schedule, tally
//
// DefaultCalendar and CalendarFor give working days (England & Wales bank
// holidays from github.com/rickar/cal/v2/gb) and school days (real
// Hertfordshire 2022-25 and Kent 2025-27 term dates, a rule pattern for
// other years, and the parent's own dates). Schedule lists the sessions a
// provision promised; Tally counts due, delivered, missed, made up, child
// absent and paid-privately sessions over any period.
//
// # Deadlines
//
// Deadlines works out every limit of RULES.md §2 that the known dates
// allow, with its status (met, late, pending, overdue) and lateness in
// days, whole weeks and working days. A date the parent has not recorded
// is treated as unknown, not as missed, where a later step proves the
// step happened.
//
// # Estimate
//
// EstimateCase(c, DefaultRules(), today) returns an itemised, indicative
// remedy: one Line per item with low, typical and high amounts, its basis
// in words, its source and the date of the figures. The lines are:
//   - missed sessions not made up (per provision): £50 a session, or the
//     session price when known (typical and high);
//   - missed sessions made up later: a zero line saying so;
//   - sessions paid for privately: the actual cost;
//   - missed indirect work: a £500 lump sum;
//   - support measured in hours not given: per term, pro rata by school days;
//   - provision still missing today: £50 a month for up to 6 months (high:
//     £50 a week for 26 weeks);
//   - loss of most or all education: per term, pro rata by school days;
//   - delay in making or amending the plan: £100 a month of the longest
//     delay, between £100 and £1,000;
//   - distress (whenever any fault is found; higher after a loss of 12
//     months or more) and time and trouble (when the parent complained or
//     chased at least twice).
//
// Every figure comes from the versioned Rules table (DefaultRules); a case
// may override any rate (Case.RateOverrides) and the estimate flags the
// lines that use a changed rate. Section G (health) provision is left out
// with a note: it is the NHS's duty. The estimate is not legal advice.
package calc
