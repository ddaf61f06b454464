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
// in words and the facts it is worded from (count, unit, rate, price, the
// decisions the rate rests on), its source and the date of its figures.
// Each kind of line has its own function feeding a small accumulator. The
// lines are:
//   - therapy sessions not made up (per provision): sessions × the
//     per-session rate (£50 typical), or the session price when known;
//     hours become sessions at the session length; at most the rules'
//     sessions a week are priced; make-up agreed in kind comes off;
//   - missed sessions made up later: a zero line saying so;
//   - sessions paid for privately, and the parent's own costs: at cost;
//   - missed indirect work: a lump sum;
//   - other support (1:1, tuition, transport, other) not given, and short
//     breaks, respite and direct payments not given: by the share of the
//     plan's days lost (13 of 26 hours a week is half), per term (a third
//     of a year's school or, all year, working days) or per month, so
//     sessions and hours of the same support give the same money;
//   - provision still missing today (not once the case closed): per month;
//   - loss of most or all education: per term of school days;
//   - delay in making or amending the plan: with nothing else lost, the one
//     symbolic payment (no distress line beside it);
//   - distress whenever provision or education was lost (higher after a
//     prolonged loss), and time and trouble when the council answered a
//     complaint late (an overdue contact-log reply alone counts for
//     neither);
//   - what the council already paid, taken off once (offers are noted).
//
// Per-term and per-month rates may pay less for each term after the first
// (Rate.Further), since longer losses are paid less a term. The rates are
// derived from the Ombudsman decisions in calc/data by calc/decisions
// (go run ./calc/cmd/genrates writes rates_gen.go); SeedRules is the table
// as first read from the rulebook and the five seed decisions.
//
// Every figure comes from the versioned Rules table (DefaultRules); a case
// may override any rate (Case.RateOverrides) and the estimate flags the
// lines that use a changed rate. Section G (health) provision is left out
// with a note: it is the NHS's duty. The estimate is not legal advice.
package calc
