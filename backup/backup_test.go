package backup

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"provisiontracker/calc"
)

func TestMain(m *testing.M) {
	// Keep the tests fast; TestDefaultIterations checks the real value.
	iterations, minIterations = 1000, 1000
	os.Exit(m.Run())
}

var today = calc.MustDate(2026, 11, 25)

func seed(t testing.TB, name string) calc.Case {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "calc", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := calc.DecodeCaseFile(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func amira(t testing.TB) calc.Case {
	c := seed(t, "herts-24-006-445.json")
	c.Child.FirstName = "Amira"
	return c
}

func TestDefaultIterations(t *testing.T) {
	if DefaultIterations != 600_000 {
		t.Fatalf("DefaultIterations = %d", DefaultIterations)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		name   string
		locked bool
		want   string
	}{
		{"Amira", false, "provision-tracker-amira-2026-11-25.json"},
		{"Amira", true, "provision-tracker-backup-2026-11-25-locked.json"}, // sent to others: no name
		{"Zoë", true, "provision-tracker-backup-2026-11-25-locked.json"},
		{"Zoë", false, "provision-tracker-zoe-2026-11-25.json"},
		{"  Mary Jane  ", false, "provision-tracker-mary-jane-2026-11-25.json"},
		{"O'Neil", false, "provision-tracker-o-neil-2026-11-25.json"},
		{"../../etc/passwd", false, "provision-tracker-etc-passwd-2026-11-25.json"},
		{"<script>", false, "provision-tracker-script-2026-11-25.json"},
		{"", false, "provision-tracker-child-2026-11-25.json"},
		{"李", false, "provision-tracker-child-2026-11-25.json"},
		{"---", false, "provision-tracker-child-2026-11-25.json"},
		{strings.Repeat("ab ", 40), false, "provision-tracker-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-2026-11-25.json"},
	}
	for _, tc := range tests {
		got := FileName(tc.name, today, tc.locked)
		if got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.name, got, tc.want)
		}
		for _, r := range strings.TrimSuffix(got, ".json") {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Errorf("%q has %q", got, r)
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	c := amira(t)
	want, _ := calc.EncodeCaseFile(c)
	name, data, err := Export(c, today)
	if err != nil || name != "provision-tracker-amira-2026-11-25.json" || !bytes.Equal(data, want) {
		t.Fatalf("Export = %q, %v; same bytes as the case file: %v", name, err, bytes.Equal(data, want))
	}
	plan, err := Import(data, "", nil)
	if err != nil || plan.Locked || plan.ChildName != "Amira" || plan.Match != nil || plan.SchemaVersion != calc.SchemaVersion {
		t.Fatalf("Import = %+v, %v", plan, err)
	}
	if got, _ := calc.EncodeCaseFile(plan.Case); !bytes.Equal(got, want) {
		t.Error("imported case differs")
	}
	name, locked, err := ExportLocked(c, today, "purple kite river")
	if err != nil || !strings.HasSuffix(name, "-locked.json") || !IsLocked(locked) || IsLocked(data) {
		t.Fatalf("ExportLocked = %q, %v", name, err)
	}
	if bytes.Contains(locked, []byte("Amira")) {
		t.Error("the locked file shows the child's name")
	}
	plan, err = Import(locked, "purple kite river", nil)
	if err != nil || !plan.Locked {
		t.Fatalf("Import locked = %v", err)
	}
	if got, _ := calc.EncodeCaseFile(plan.Case); !bytes.Equal(got, want) {
		t.Error("imported locked case differs")
	}
	// Two exports never share salt or nonce.
	_, again, _ := ExportLocked(c, today, "purple kite river")
	if bytes.Equal(again, locked) {
		t.Error("two locked exports are identical")
	}
}

func TestPlanCountsAndMatch(t *testing.T) {
	c := seed(t, "herts-24-006-445.json")
	_, data, _ := Export(c, today)
	existing := []Existing{
		{ID: "a", ChildName: c.Child.FirstName, Council: "999"},
		{ID: "b", ChildName: "  " + strings.ToUpper(c.Child.FirstName) + " ", Council: c.Council},
	}
	plan, err := Import(data, "", existing)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Match == nil || plan.Match.ID != "b" {
		t.Errorf("Match = %+v", plan.Match)
	}
	provs, sessions := 0, 0
	for _, p := range c.Plans {
		provs += len(p.Provisions)
		for _, pr := range p.Provisions {
			sessions += len(pr.Outcomes)
		}
	}
	if plan.Plans != len(c.Plans) || plan.Provisions != provs || plan.Sessions != sessions || plan.Contacts != len(c.Contacts) || plan.CouncilName == "" {
		t.Errorf("plan = %+v", plan)
	}
}

func TestPassphrase(t *testing.T) {
	c := amira(t)
	if _, _, err := ExportLocked(c, today, "short"); err == nil || !strings.Contains(err.Error(), "at least 8 characters") {
		t.Errorf("short passphrase: %v", err)
	}
	if err := CheckPassphrase("zoë été!"); err != nil {
		t.Errorf("8 letters are enough: %v", err)
	}
	_, locked, _ := ExportLocked(c, today, "purple kite river")
	if _, err := Import(locked, "", nil); !errors.Is(err, ErrNeedPassphrase) {
		t.Errorf("no passphrase: %v", err)
	}
	_, err := Import(locked, "purple kite rivers", nil)
	if !errors.Is(err, ErrWrongPassphrase) || !strings.Contains(err.Error(), "passphrase is not right") {
		t.Errorf("wrong passphrase: %v", err)
	}
}

// lockedWith exports a locked file and lets f change its JSON.
func lockedWith(t *testing.T, f func(m map[string]any)) []byte {
	_, data, err := ExportLocked(amira(t), today, "purple kite river")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(data, &m)
	f(m)
	out, _ := json.Marshal(m)
	return out
}

func flipB64(s string, i int) string {
	b, _ := base64.StdEncoding.DecodeString(s)
	b[i%len(b)] ^= 1
	return base64.StdEncoding.EncodeToString(b)
}

func TestBadFiles(t *testing.T) {
	good, _ := calc.EncodeCaseFile(amira(t))
	big := append([]byte(`{"schema_version":1,"notes":"`), bytes.Repeat([]byte("a"), MaxFileSize)...)
	tests := []struct {
		name string
		data []byte
		kind error
		msg  string // part of the message
	}{
		{"other JSON", []byte(`{"name":"my shopping list"}`), ErrNotBackup, "not a Provision Tracker backup"},
		{"other format", []byte(`{"format":"something-else","version":1}`), ErrNotBackup, "not a Provision Tracker backup"},
		{"newer schema", bytes.Replace(good, []byte(fmt.Sprintf(`"schema_version": %d`, calc.SchemaVersion)), []byte(`"schema_version": 99`), 1), ErrNewer, "made by a newer version of Provision Tracker. Update the app first"},
		{"schema not a number", bytes.Replace(good, []byte(fmt.Sprintf(`"schema_version": %d`, calc.SchemaVersion)), []byte(`"schema_version": "one"`), 1), ErrInvalid, "schema version"},
		{"over 5 MB", big, ErrTooBig, "more than 5 MB"},
		{"validation error", bytes.Replace(good, []byte(`"count": `), []byte(`"count": -`), 1), ErrInvalid, "plan 1, provision 1, frequency count (plans[0].provisions[0].frequency.count)"},
		{"unknown field", bytes.Replace(good, []byte(`"council"`), []byte(`"counsil"`), 1), ErrInvalid, "In counsil (counsil): unknown field"},
		{"locked: newer version", lockedWith(t, func(m map[string]any) { m["version"] = 2 }), ErrNewer, "newer version"},
		{"locked: bad base64", lockedWith(t, func(m map[string]any) { m["ciphertext"] = "!!!" }), ErrDamaged, "damaged"},
		{"locked: short nonce", lockedWith(t, func(m map[string]any) { m["cipher"].(map[string]any)["nonce"] = "AAAA" }), ErrDamaged, "damaged"},
		{"locked: unknown cipher", lockedWith(t, func(m map[string]any) { m["cipher"].(map[string]any)["name"] = "rot13" }), ErrDamaged, "damaged"},
		{"locked: extra field", lockedWith(t, func(m map[string]any) { m["hint"] = "dog's name" }), ErrDamaged, "damaged"},
		{"locked: too few iterations", lockedWith(t, func(m map[string]any) { m["kdf"].(map[string]any)["iterations"] = 1 }), ErrDamaged, "damaged"},
		{"locked: absurd iterations", lockedWith(t, func(m map[string]any) { m["kdf"].(map[string]any)["iterations"] = 1e9 }), ErrDamaged, "far more work to open"},
		{"locked: 10 million iterations", lockedWith(t, func(m map[string]any) { m["kdf"].(map[string]any)["iterations"] = 10_000_000 }), ErrDamaged, "far more work to open"},
		{"locked: just over the cap", lockedWith(t, func(m map[string]any) { m["kdf"].(map[string]any)["iterations"] = maxIterations + 1 }), ErrDamaged, "far more work to open"},
		{"locked: changed iterations", lockedWith(t, func(m map[string]any) { m["kdf"].(map[string]any)["iterations"] = 1001 }), ErrWrongPassphrase, "or the file has been damaged"},
		{"locked: changed salt", lockedWith(t, func(m map[string]any) {
			k := m["kdf"].(map[string]any)
			k["salt"] = flipB64(k["salt"].(string), 3)
		}), ErrWrongPassphrase, "damaged"},
		{"locked: changed nonce", lockedWith(t, func(m map[string]any) {
			k := m["cipher"].(map[string]any)
			k["nonce"] = flipB64(k["nonce"].(string), 0)
		}), ErrWrongPassphrase, "damaged"},
		{"locked: changed ciphertext", lockedWith(t, func(m map[string]any) { m["ciphertext"] = flipB64(m["ciphertext"].(string), 100) }), ErrWrongPassphrase, "damaged"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan, err := Import(tc.data, "purple kite river", nil)
			if err == nil {
				t.Fatalf("imported: %+v", plan.ChildName)
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v\nwant kind %v and %q", err, tc.kind, tc.msg)
			}
			t.Log(err)
		})
	}
}

func TestHeaderIsBound(t *testing.T) {
	// A header change that leaves the key the same (the format's order of
	// fields is part of the additional data; the version too).
	_, data, _ := ExportLocked(amira(t), today, "purple kite river")
	var f lockedFile
	json.Unmarshal(data, &f)
	f.Cipher.Name = cipherName
	out, _ := json.Marshal(f)
	if _, err := Import(out, "purple kite river", nil); err != nil {
		t.Fatalf("re-encoded file no longer opens: %v", err)
	}
	key, _ := deriveKey("purple kite river", mustB64(f.KDF.Salt), f.KDF.Iterations)
	gcm, _ := newGCM(key)
	if _, err := gcm.Open(nil, mustB64(f.Cipher.Nonce), mustB64(f.Ciphertext), nil); err == nil {
		t.Error("the ciphertext opens without the header as additional data")
	}
}

func mustB64(s string) []byte {
	b, _ := base64.StdEncoding.DecodeString(s)
	return b
}

func TestExportIncomplete(t *testing.T) {
	c := calc.Case{SchemaVersion: 1, Child: calc.Child{FirstName: "Sam"}}
	_, _, err := Export(c, today)
	if err == nil || !strings.Contains(err.Error(), "not finished") || !strings.Contains(err.Error(), "(plans)") {
		t.Errorf("Export incomplete: %v", err)
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"plans[0].provisions[2].frequency.count": "plan 1, provision 3, frequency count",
		"child.first_name":                       "child first name",
		"contacts[4].reply_due_by":               "contact 5, reply due by",
		"":                                       "the file",
		"plans[1].provisions[0].outcomes[12].date": "plan 2, provision 1, session record 13, date",
	} {
		if got := Words(in); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}
