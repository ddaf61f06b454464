package backup

import (
	"bytes"
	"encoding/json"
	"strconv"

	"provisiontracker/calc"
)

const (
	recordsFormat = "provision-tracker-records"
	recordsVer    = 1
	// MaxRecords is the most records one file may hold.
	MaxRecords = 200
)

// recordsFile is several case files in one backup.
type recordsFile struct {
	Format  string            `json:"format"`
	Version int               `json:"version"`
	Records []json.RawMessage `json:"records"`
}

// RecordsFileName is the name of a file of several records: the number and
// the date, never a child's name, e.g.
// provision-tracker-3-records-2026-11-25-locked.json.
func RecordsFileName(n int, today calc.Date, locked bool) string {
	name := "provision-tracker-" + itoa(n) + "-records-" + today.String()
	if locked {
		name += "-locked"
	}
	return name + ".json"
}

// ExportAll writes several records in one file, locked with passphrase
// unless it is "" (see CheckPassphrase). Like Export, it refuses only a
// record calc.Validate refuses; the message names the child.
func ExportAll(cases []calc.Case, today calc.Date, passphrase string) (name string, data []byte, err error) {
	if len(cases) == 0 {
		return "", nil, &Error{kind: ErrInvalid, Msg: "There is no record to back up yet."}
	}
	if len(cases) > MaxRecords {
		return "", nil, &Error{kind: ErrInvalid, Msg: "One file can hold at most " + itoa(MaxRecords) + " records."}
	}
	if passphrase != "" {
		if err := CheckPassphrase(passphrase); err != nil {
			return "", nil, err
		}
	}
	f := recordsFile{Format: recordsFormat, Version: recordsVer}
	for _, c := range cases {
		b, err := encode(c)
		if err != nil {
			e := err.(*Error)
			who := c.Child.FirstName
			if who == "" {
				who = "a child with no name yet"
			}
			return "", nil, &Error{kind: e.kind, Problems: e.Problems, Msg: "In " + who + "'s record: " + e.Msg}
		}
		f.Records = append(f.Records, json.RawMessage(bytes.TrimSpace(b)))
	}
	data, err = json.MarshalIndent(f, "", "  ")
	if err != nil {
		return "", nil, &Error{Msg: "The backup could not be made: " + err.Error() + "."}
	}
	data = append(data, '\n')
	if passphrase != "" {
		if data, err = seal(data, passphrase); err != nil {
			return "", nil, err
		}
	}
	return RecordsFileName(len(cases), today, passphrase != ""), data, nil
}

// importRecords checks each record of a file of several records; plan
// already says whether the file was locked.
func importRecords(top map[string]json.RawMessage, data []byte, plan Plan, existing []Existing, today calc.Date) (Plan, error) {
	var f recordsFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Plan{}, &Error{kind: ErrNotBackup, Msg: "This file of several records is not written the way Provision Tracker writes one, " +
			"so it may have been changed by another program. Use the file as Provision Tracker saved it, or another copy. Nothing has been changed."}
	}
	if f.Version > recordsVer {
		return Plan{}, errNewer
	}
	if f.Version != recordsVer || len(f.Records) == 0 {
		return Plan{}, errNotOurs
	}
	if len(f.Records) > MaxRecords {
		return Plan{}, &Error{kind: ErrInvalid, Msg: "This file holds " + itoa(len(f.Records)) + " records; one file can hold at most " +
			itoa(MaxRecords) + ". Nothing has been changed."}
	}
	for i, raw := range f.Records {
		one, err := importCase(raw, existing, today)
		if err != nil {
			e := err.(*Error)
			return Plan{}, &Error{kind: e.kind, Problems: e.Problems, Msg: "Record " + itoa(i+1) + " of " +
				itoa(len(f.Records)) + " in this file cannot be imported, so none of them has been. " + e.Msg}
		}
		one.Locked = plan.Locked
		plan.Records = append(plan.Records, one)
		plan.Plans += one.Plans
		plan.Provisions += one.Provisions
		plan.Sessions += one.Sessions
		plan.Contacts += one.Contacts
	}
	return plan, nil
}

// itoa is strconv.Itoa kept out of line: inlined at each of the many
// calls it costs code in the wasm.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }
