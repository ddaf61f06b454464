package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"provisiontracker/calc"
)

func threeCases(t *testing.T) []calc.Case {
	a := amira(t)
	b := seed(t, "notts-23-009-620.json")
	b.Child.FirstName = "Sam"
	c := seed(t, "herts-24-006-445.json")
	c.Child.FirstName = "Zoë"
	return []calc.Case{a, b, c}
}

// Several records in one file, plain and locked: the name says how many,
// never who; import checks each and plans them in order; the locked file
// shows no child's name anywhere.
func TestExportAllRoundTrip(t *testing.T) {
	cases := threeCases(t)
	existing := []Existing{{ID: "x", ChildName: "sam", Council: cases[1].Council}}
	for _, pass := range []string{"", "purple kite river"} {
		name, data, err := ExportAll(cases, today, pass)
		if err != nil {
			t.Fatal(err)
		}
		want := "provision-tracker-3-records-2026-11-25.json"
		if pass != "" {
			want = "provision-tracker-3-records-2026-11-25-locked.json"
		}
		if name != want || IsLocked(data) != (pass != "") {
			t.Errorf("ExportAll = %q, locked %v", name, IsLocked(data))
		}
		if pass != "" {
			// The ciphertext is random-looking base64, which holds a short name
			// like "Sam" by chance in about one file in five: look everywhere else.
			var f map[string]any
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatal(err)
			}
			delete(f, "ciphertext")
			rest, _ := json.Marshal(f)
			for _, c := range cases {
				if bytes.Contains(rest, []byte(c.Child.FirstName)) || strings.Contains(name, strings.ToLower(c.Child.FirstName)) {
					t.Errorf("the locked file shows %s", c.Child.FirstName)
				}
			}
		}
		plan, err := ImportAt(data, pass, existing, today)
		if err != nil {
			t.Fatalf("ImportAt: %v", err)
		}
		if !plan.Several() || len(plan.Records) != 3 || plan.Locked != (pass != "") {
			t.Fatalf("plan = %+v", plan)
		}
		total := 0
		for i, r := range plan.Records {
			w, _ := calc.EncodeCaseFile(cases[i])
			g, _ := calc.EncodeCaseFile(r.Case)
			if !bytes.Equal(w, g) || r.ChildName != cases[i].Child.FirstName || r.Locked != plan.Locked {
				t.Errorf("record %d came back different", i+1)
			}
			total += r.Provisions
		}
		if plan.Provisions != total || plan.Records[1].Match == nil || plan.Records[1].Match.ID != "x" || plan.Records[0].Match != nil {
			t.Errorf("totals or matches wrong: %+v", plan)
		}
	}
}

func TestExportAllRefusals(t *testing.T) {
	cases := threeCases(t)
	if _, _, err := ExportAll(cases, today, "password"); err == nil || !strings.Contains(err.Error(), "most common") {
		t.Errorf("guessable passphrase: %v", err)
	}
	if _, _, err := ExportAll(nil, today, ""); err == nil {
		t.Error("an empty file was made")
	}
	cases[2].Plans = nil
	if _, _, err := ExportAll(cases, today, ""); err == nil || !strings.Contains(err.Error(), "In Zoë's record") {
		t.Errorf("unfinished record: %v", err)
	}
}

// One bad record refuses the whole file, saying which; nothing is half imported.
func TestImportRecordsRefusals(t *testing.T) {
	cases := threeCases(t)
	_, good, _ := ExportAll(cases, today, "")
	tests := []struct {
		name string
		data []byte
		kind error
		msg  string
	}{
		{"a bad record", bytes.Replace(good, []byte(`"first_name": "Sam"`), []byte(`"first_name": "Sam\u0000"`), 1), ErrInvalid,
			"Record 2 of 3 in this file cannot be imported, so none of them has been."},
		{"newer", bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 2`), 1), ErrNewer, "newer version"},
		{"no records", []byte(`{"format":"provision-tracker-records","version":1,"records":[]}`), ErrNotBackup, "another kind"},
		{"unknown field", bytes.Replace(good, []byte(`"records"`), []byte(`"hint": 1, "records"`), 1), ErrNotBackup, "file of several records"},
		{"records inside records", []byte(`{"format":"provision-tracker-records","version":1,"records":[` + string(good) + `]}`), ErrNotBackup, "Record 1 of 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ImportAt(tc.data, "", nil, today)
			if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %v\nwant %v, %q", err, tc.kind, tc.msg)
			}
		})
	}
}
