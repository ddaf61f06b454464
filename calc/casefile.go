package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// FieldError is one problem with a case, with the path of the field it
// concerns, e.g. "plans[0].provisions[2].frequency.count", so the UI can
// show the message next to that field. Path is "" for the whole file.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

func (e FieldError) String() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// ValidationError lists every problem found in a case or case file.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String()
	}
	var b strings.Builder
	b.WriteString(itoa(len(e.Problems)) + " problems:")
	for _, p := range e.Problems {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// MaxCaseFileSize is the largest case file DecodeCaseFile reads (a log of
// many thousands of sessions is far smaller).
const MaxCaseFileSize = 10 << 20

// maxText is the longest text field accepted by the decoder; Validate has
// tighter limits per field.
const maxText = 20000

// DecodeCaseFile reads a case file strictly: it must be one JSON object of
// a known schema version (older versions are migrated); unknown fields,
// wrong types, impossible dates, badly written amounts and out-of-range
// values are reported together, each with its field path, in a
// *ValidationError. It never panics.
func DecodeCaseFile(data []byte) (Case, error) {
	fail := func(path, msg string) (Case, error) {
		return Case{}, &ValidationError{Problems: []FieldError{{Path: path, Message: msg}}}
	}
	if len(data) > MaxCaseFileSize {
		return fail("", "the file is too large to be a case file (more than 10 MB)")
	}
	m, err := parseObject(data)
	if err != nil {
		return fail("", err.Error())
	}
	m, err = migrateMap(m)
	if err != nil {
		return fail("schema_version", err.Error())
	}
	var probs []FieldError
	checkJSON("", m, reflect.TypeOf(Case{}), &probs)
	if len(probs) > 0 {
		return Case{}, &ValidationError{Problems: probs}
	}
	canon, err := json.Marshal(m)
	if err != nil {
		return fail("", "the file could not be read: "+err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(canon))
	dec.DisallowUnknownFields()
	var c Case
	if err := dec.Decode(&c); err != nil {
		// checkJSON should have caught everything; report it plainly anyway.
		return fail("", "the file could not be read: "+err.Error())
	}
	normalizeMoney(&c)
	AssignContactIDs(&c)
	AssignPaymentIDs(&c)
	AssignParentCostIDs(&c)
	if probs := Validate(c); len(probs) > 0 {
		return Case{}, &ValidationError{Problems: probs}
	}
	return c, nil
}

// EncodeCaseFile writes the case as indented JSON with the current schema
// version. Money is written as strings ("50" or "1234.5"), dates as
// YYYY-MM-DD; unknown dates and empty lists are left out.
func EncodeCaseFile(c Case) ([]byte, error) {
	c.SchemaVersion = SchemaVersion
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// parseObject reads exactly one JSON object, keeping numbers as written.
func parseObject(data []byte) (map[string]any, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("the file is not text (it is not valid UTF-8)")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			return nil, errors.New("the file is not valid JSON (near byte " + strconv.FormatInt(se.Offset, 10) + "): " + se.Error())
		}
		if err == io.EOF {
			return nil, errors.New("the file is empty")
		}
		return nil, errors.New("the file is not valid JSON: " + err.Error())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("the file has something after the end of the case")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("the file must contain one JSON object { ... }")
	}
	return m, nil
}

// migrations[v] turns a version v file into version v+1. Each step edits
// the generic JSON object, so old files never need the old Go types.
var migrations = map[int]func(map[string]any) error{
	1: migrateContactIDs,
	// Version 3 adds optional fields and provision types (payments,
	// parent costs, closed, plan ended, partly in place, make-up agreed,
	// social-care assessment and placement dates), which a version 2 file
	// does not need, and the one rule for the characters of text (see
	// hiddenCharacters), which earlier versions let through in some fields.
	2: migrateHiddenCharacters,
	// Version 4 gives each parent cost an id ("cost-N", given on reading
	// when missing) and lets a cost be dated to the month. A version 3
	// file needs no change; the number is raised so that an app of
	// version 3 says "made by a newer version" instead of refusing the
	// id as an unknown field.
	3: func(map[string]any) error { return nil },
	// Version 5 lets sessions fall on a Saturday or Sunday (short breaks
	// at weekends) and keeps ids_given. A version 4 file needs no change;
	// the number is raised so that an app of version 4 says "made by a
	// newer version" instead of refusing a weekend day or ids_given.
	4: func(map[string]any) error { return nil },
}

// migrateHiddenCharacters takes out of every text the characters that
// version 3 refuses and earlier versions let in: control characters other
// than tab and line breaks, and those that turn text right to left. They
// cannot be seen, so a parent never meant them, and a record that kept
// them could not be backed up.
func migrateHiddenCharacters(m map[string]any) error {
	var clean func(v any) any
	clean = func(v any) any {
		switch v := v.(type) {
		case string:
			return strings.Map(func(r rune) rune {
				if r == '\t' || r == '\n' || r == '\r' || !unicode.IsControl(r) && !isDirectionChar(r) {
					return r
				}
				return -1
			}, v)
		case []any:
			for i := range v {
				v[i] = clean(v[i])
			}
		case map[string]any:
			for k := range v {
				v[k] = clean(v[k])
			}
		}
		return v
	}
	clean(m)
	return nil
}

// AssignContactIDs gives an id to every contact that has none
// ("contact-N", N above every number in use), so every contact can be
// addressed by its id. DecodeCaseFile calls it; the app calls it before
// adding a contact.
func AssignContactIDs(c *Case) {
	assignIDs(len(c.Contacts), func(i int) *string { return &c.Contacts[i].ID }, "contact-", c.IDsGiven.Contact)
}

// AssignPaymentIDs does the same for the council's payments and offers
// ("payment-N").
func AssignPaymentIDs(c *Case) {
	assignIDs(len(c.Payments), func(i int) *string { return &c.Payments[i].ID }, "payment-", c.IDsGiven.Payment)
}

// AssignParentCostIDs does the same for the parent's own costs ("cost-N").
func AssignParentCostIDs(c *Case) {
	assignIDs(len(c.ParentCosts), func(i int) *string { return &c.ParentCosts[i].ID }, "cost-", c.IDsGiven.Cost)
}

// assignIDs gives each of n items whose id is empty the id prefix+N, N
// above every number in use and given (the IDsGiven number). Not the
// lowest free number: after "payment-1" is removed, a new payment must not
// take its id, or a page still open on the removed one (in another tab)
// would write into the new one.
func assignIDs(n int, id func(i int) *string, prefix string, given int) {
	used := map[string]bool{}
	for i := 0; i < n; i++ {
		used[*id(i)] = true
	}
	for i := 0; i < n; i++ {
		if *id(i) == "" {
			*id(i) = freeID(prefix, used, given)
			used[*id(i)] = true
		}
	}
}

// migrateContactIDs gives every contact of a version 1 file an id
// ("contact-1", "contact-2", ... in file order, skipping any already
// used), so the app can address contacts by id, not by position.
func migrateContactIDs(m map[string]any) error {
	list, ok := m["contacts"].([]any)
	if !ok {
		return nil // no contacts, or a wrong type that the decoder reports
	}
	used := map[string]bool{}
	for _, v := range list {
		if ct, ok := v.(map[string]any); ok {
			if id, ok := ct["id"].(string); ok {
				used[id] = true
			}
		}
	}
	n := 0
	for _, v := range list {
		ct, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if id, ok := ct["id"].(string); ok && id != "" {
			continue
		}
		for {
			n++
			id := "contact-" + itoa(n)
			if !used[id] {
				ct["id"], used[id] = id, true
				break
			}
		}
	}
	return nil
}

// Migrate upgrades a case file of any older schema version to the current
// one and returns it re-encoded (the input unchanged if already current).
func Migrate(raw []byte) ([]byte, error) {
	m, err := parseObject(raw)
	if err != nil {
		return nil, err
	}
	if m, err = migrateMap(m); err != nil {
		return nil, err
	}
	return json.MarshalIndent(m, "", "  ")
}

func migrateMap(m map[string]any) (map[string]any, error) {
	raw, ok := m["schema_version"]
	if !ok {
		return nil, errors.New("missing: this does not look like a case file")
	}
	num, ok := raw.(json.Number)
	if !ok {
		return nil, errors.New("must be a whole number")
	}
	v, err := strconv.Atoi(num.String())
	if err != nil || v < 1 {
		return nil, errors.New("must be a whole number from 1")
	}
	if v > SchemaVersion {
		return nil, errors.New("this file was made by a newer version of the app (schema " + num.String() + "); update the app to open it")
	}
	for v < SchemaVersion {
		step, ok := migrations[v]
		if !ok {
			return nil, errors.New("no way to update schema version " + itoa(v))
		}
		if err := step(m); err != nil {
			return nil, errors.New("could not update from version " + itoa(v) + ": " + err.Error())
		}
		v++
		m["schema_version"] = json.Number(itoa(v))
	}
	return m, nil
}

var (
	dateType    = reflect.TypeOf(Date{})
	decimalType = reflect.TypeOf(decimal.Decimal{})
)

// checkJSON compares a generic JSON value with the Go type it will be
// decoded into, and records every mismatch with its path. Doing this
// before decoding gives paths with list positions, which encoding/json's
// own errors lack.
func checkJSON(path string, v any, t reflect.Type, probs *[]FieldError) {
	add := func(msg string) { *probs = append(*probs, FieldError{Path: path, Message: msg}) }
	if len(*probs) > 200 {
		return // enough to fix first
	}
	switch {
	case t == dateType:
		s, ok := v.(string)
		if !ok {
			add("must be a date written as a string \"YYYY-MM-DD\"")
			return
		}
		if _, err := ParseDate(s); err != nil {
			add(err.Error())
		}
		return
	case t == decimalType:
		s, ok := v.(string)
		if !ok {
			add("must be an amount written as a string, for example \"50.00\"")
			return
		}
		if !canonicalMoney(s) {
			add("write the amount with digits and at most two decimals, for example \"1234.50\"")
			return
		}
		if _, err := ParseMoney(s); err != nil {
			add(err.Error())
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			add("must be text in quotes")
			return
		}
		if utf8.RuneCountInString(s) > maxText {
			add("is too long (at most " + itoa(maxText) + " characters)")
		}
	case reflect.Int, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			add("must be a whole number")
			return
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil {
			if strings.ContainsAny(n.String(), ".eE") {
				add("must be a whole number")
			} else {
				add("is far too large")
			}
			return
		}
		if i < -1_000_000 || i > 1_000_000 {
			add("is far too large")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			add("must be true or false")
		}
	case reflect.Slice:
		if v == nil {
			return
		}
		arr, ok := v.([]any)
		if !ok {
			add("must be a list [ ... ]")
			return
		}
		if len(arr) > 100000 {
			add("has too many entries")
			return
		}
		for i, e := range arr {
			checkJSON(path+"["+itoa(i)+"]", e, t.Elem(), probs)
		}
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			add("must be an object { ... }")
			return
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			f, ok := fields[k]
			if !ok {
				*probs = append(*probs, FieldError{Path: p, Message: "unknown field (check the spelling)"})
				continue
			}
			checkJSON(p, obj[k], f.Type, probs)
		}
	default:
		add("cannot be read")
	}
}

// canonicalMoney accepts what EncodeCaseFile writes: digits, optionally a
// point and one or two digits.
func canonicalMoney(s string) bool {
	i, f, dot := strings.Cut(s, ".")
	if i == "" || !allDigits(i) {
		return false
	}
	return !dot || (len(f) >= 1 && len(f) <= 2 && allDigits(f))
}

func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f
	}
	return out
}

// normalizeMoney stores every amount with two decimal places, so a case
// read from "50" and from "50.00" is the same value.
func normalizeMoney(c *Case) {
	for i := range c.Plans {
		for j := range c.Plans[i].Provisions {
			p := &c.Plans[i].Provisions[j]
			p.PricePerSession = normMoney(p.PricePerSession)
			for k := range p.Outcomes {
				p.Outcomes[k].Cost = normMoney(p.Outcomes[k].Cost)
			}
			for k := range p.CountPeriods {
				p.CountPeriods[k].PrivateCost = normMoney(p.CountPeriods[k].PrivateCost)
			}
		}
	}
	for i := range c.RateOverrides {
		o := &c.RateOverrides[i]
		o.Low, o.Typical, o.High = normMoney(o.Low), normMoney(o.Typical), normMoney(o.High)
	}
}

func normMoney(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Decimal{}
	}
	return d.Round(2)
}
