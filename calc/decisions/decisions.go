// Package decisions is the project's set of real Ombudsman decisions: a
// typed loader for calc/data/decisions.json (and decisions-extra.json
// when present), the generator that enters each decision as a case file
// from its facts alone, the derivation of the rules table's rates from
// the decisions, and the leave-one-out calibration of the estimate.
//
// The app does not import this package, so none of it is in the wasm
// build; calc stays free of the data.
package decisions

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"provisiontracker/calc"

	"github.com/shopspring/decimal"
)

// Files the loader reads from the data directory, in this order. The
// first must exist; the others are read when present.
var Files = []string{"decisions.json", "decisions-extra.json"}

// Remedy item categories, as the decision set writes them.
const (
	CatMissedProvision   = "missed_provision"
	CatDistress          = "distress"
	CatTimeAndTrouble    = "time_and_trouble"
	CatDistressAndTime   = "distress_and_time_trouble"
	CatReimbursement     = "reimbursement"
	CatDelayPayment      = "delay_payment"
	CatOngoingPerMonth   = "ongoing_per_month"
	CatOther             = "other"
	categoryListForCheck = "missed_provision distress time_and_trouble distress_and_time_trouble reimbursement delay_payment ongoing_per_month other"
)

// Decision is one upheld Ombudsman decision and the remedy it recommended.
type Decision struct {
	Ref          string   `json:"ref"` // "23 009 620"
	Council      string   `json:"council"`
	DecisionDate string   `json:"decision_date"` // "YYYY-MM-DD" or "" when the page read gives none
	URL          string   `json:"url"`
	Sources      []string `json:"sources"`
	AmountSource string   `json:"amount_source"`
	PlanKind     string   `json:"plan_kind"` // ehc_plan, care_plan, other
	Category     string   `json:"category"`  // therapy_missed, education_lost, delay_only, ...
	Facts        Facts    `json:"facts"`
	Remedy       Remedy   `json:"remedy"`
	Notes        string   `json:"notes"`
	DateNote     string   `json:"date_note,omitempty"`
	Origin       string   `json:"origin,omitempty"` // the file of ../shared/cases it came from
}

// Facts are what the decision says happened.
type Facts struct {
	Provisions             []ProvisionFact `json:"provisions"`
	Delays                 []DelayFact     `json:"delays"`
	MonthsWithoutProvision *float64        `json:"months_without_provision"`
	AlreadyPaidOrOffered   []Offer         `json:"council_already_paid_or_offered"`
	ComplaintHandlingFault *bool           `json:"complaint_handling_fault"`
}

// ProvisionFact is one piece of help that was missing. Periods are
// "YYYY-MM" (or "YYYY-MM-DD"); Unit and QuantityMissed say how much was
// lost when the decision counts it in terms, months or school years.
type ProvisionFact struct {
	Type            string           `json:"type"`
	FrequencyInPlan string           `json:"frequency_in_plan"`
	SessionsMissed  *float64         `json:"sessions_missed"`
	HoursMissed     *float64         `json:"hours_missed"`
	PeriodStart     string           `json:"period_start"`
	PeriodEnd       string           `json:"period_end"`
	MadeUp          *bool            `json:"made_up"`
	ParentPaid      *decimal.Decimal `json:"parent_paid"`
	Unit            string           `json:"unit,omitempty"`
	QuantityMissed  *float64         `json:"quantity_missed,omitempty"`
}

// DelayFact is one step the council took too long over.
type DelayFact struct {
	What      string   `json:"what"`
	Limit     string   `json:"limit"`
	WeeksLate *float64 `json:"weeks_late"`
	LateText  string   `json:"late_text,omitempty"`
}

// Offer is something the council had already paid or offered.
type Offer struct {
	Amount  *decimal.Decimal `json:"amount"`
	WhatFor string           `json:"what_for"`
}

// Remedy is what the Ombudsman recommended.
type Remedy struct {
	Items        []Item           `json:"items"`
	TotalStated  *decimal.Decimal `json:"total_stated"`
	PerUnit      *string          `json:"per_unit"`
	NonFinancial []string         `json:"non_financial"`
}

// Item is one payment of the remedy.
type Item struct {
	Amount   decimal.Decimal `json:"amount"`
	Category string          `json:"category"`
	Purpose  string          `json:"purpose"`
}

// Date returns the decision date, or the zero Date when it is unknown.
func (d Decision) Date() calc.Date {
	v, err := calc.ParseDate(d.DecisionDate)
	if err != nil {
		return calc.Date{}
	}
	return v
}

// Load reads the decision set from dir (calc/data): decisions.json and,
// when present, decisions-extra.json. References must be unique across
// the files, amounts written, categories known.
func Load(dir string) ([]Decision, error) {
	var all []Decision
	seen := map[string]string{}
	for i, name := range Files {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			if i > 0 && errors.Is(err, os.ErrNotExist) {
				continue
			}
			return nil, err
		}
		ds, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, d := range ds {
			if f, ok := seen[d.Ref]; ok {
				return nil, fmt.Errorf("%s: decision %s is already in %s", name, d.Ref, f)
			}
			seen[d.Ref] = name
			all = append(all, d)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Ref < all[j].Ref })
	return all, nil
}

// Parse reads one decisions file (a JSON array) and checks each decision.
func Parse(b []byte) ([]Decision, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var ds []Decision
	if err := dec.Decode(&ds); err != nil {
		return nil, err
	}
	for _, d := range ds {
		if err := d.check(); err != nil {
			return nil, fmt.Errorf("decision %q: %w", d.Ref, err)
		}
	}
	return ds, nil
}

func (d Decision) check() error {
	if len(d.Ref) != 10 || d.Ref[2] != ' ' || d.Ref[6] != ' ' {
		return errors.New(`the reference must be written "NN NNN NNN"`)
	}
	if d.DecisionDate != "" {
		if _, err := calc.ParseDate(d.DecisionDate); err != nil {
			return fmt.Errorf("decision_date: %w", err)
		}
	}
	if !strings.HasPrefix(d.URL, "https://") {
		return errors.New("url: the decision's address is needed")
	}
	switch d.PlanKind {
	case "ehc_plan", "care_plan", "other":
	default:
		return fmt.Errorf("plan_kind %q is not ehc_plan, care_plan or other", d.PlanKind)
	}
	if len(d.Remedy.Items) == 0 {
		return errors.New("the remedy has no payment")
	}
	for _, it := range d.Remedy.Items {
		if !strings.Contains(" "+categoryListForCheck+" ", " "+it.Category+" ") {
			return fmt.Errorf("remedy item category %q is not known", it.Category)
		}
		if it.Amount.Sign() <= 0 {
			return fmt.Errorf("remedy item %q has no amount", it.Purpose)
		}
	}
	return nil
}

// Paid is the sum of the remedy's items, leaving out payments that run
// per month into the future and per-month delay rates with no total
// (ok is false then: the decision paid a rate, not an amount).
func (d Decision) Paid() (total decimal.Decimal, ok bool) {
	ok = true
	for _, it := range d.Remedy.Items {
		switch {
		case it.Category == CatOngoingPerMonth:
			continue
		case it.Category == CatDelayPayment && d.Remedy.PerUnit != nil && strings.Contains(*d.Remedy.PerUnit, "per month for the delay"):
			ok = false
		}
		total = total.Add(it.Amount)
	}
	return total, ok
}

// Sum adds the items of the given categories.
func (d Decision) Sum(cats ...string) decimal.Decimal {
	s := decimal.Zero
	for _, it := range d.Remedy.Items {
		for _, c := range cats {
			if it.Category == c {
				s = s.Add(it.Amount)
			}
		}
	}
	return s
}

// Slug is the reference as a file name: "23-009-620".
func Slug(ref string) string { return strings.ReplaceAll(ref, " ", "-") }
