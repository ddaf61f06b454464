package backup

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"provisiontracker/calc"
)

// badFiles are the kinds of bad file of issue 10, each with the words its
// own message must have.
func badFiles(t *testing.T) []struct {
	name string
	data []byte
	kind error
	msg  string
} {
	good, _ := calc.EncodeCaseFile(amira(t))
	_, locked, err := ExportLocked(amira(t), today, "purple kite river")
	if err != nil {
		t.Fatal(err)
	}
	return []struct {
		name string
		data []byte
		kind error
		msg  string
	}{
		{"not JSON", []byte("Dear Ms Patel, I am writing about"), ErrNotBackup, "not the right kind of file"},
		{"a zip file", []byte("PK\x03\x04 a zip file"), ErrNotBackup, "looks like a zip file"},
		{"a PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3"), ErrNotBackup, "looks like a PDF document"},
		{"empty", nil, ErrNotBackup, "This file is empty"},
		{"only spaces", []byte("  \n\t "), ErrNotBackup, "This file is empty"},
		{"an array", []byte(`[{"schema_version":1}]`), ErrNotBackup, "it holds a list"},
		{"deep nesting", bytes.Repeat([]byte("["), 100000), ErrNotBackup, "lists inside lists"},
		{"deep nesting in a record", append([]byte(`{"notes":`), bytes.Repeat([]byte(`{"a":`), 1000)...), ErrNotBackup, "lists inside lists"},
		{"byte order mark", append([]byte("\xef\xbb\xbf"), good...), ErrNotBackup, "byte order mark"},
		{"invalid UTF-8", []byte("{\"schema_version\":1,\"notes\":\"\xff\"}"), ErrNotBackup, "not written in UTF-8"},
		{"null", []byte("null"), ErrNotBackup, "only the word null"},
		{"a number", []byte("42"), ErrNotBackup, "a single value"},
		{"two objects", append(append([]byte{}, good...), good...), ErrNotBackup, "two backups joined together"},
		{"something after", append(append([]byte{}, good...), "}"...), ErrNotBackup, "something more after the end"},
		{"a mistake inside", bytes.Replace(good, []byte(`"council":`), []byte(`"council" `), 1), ErrNotBackup, "there is a mistake on line 6"},
		{"cut-off backup", good[:len(good)/2], ErrDamaged, "its end is missing"},
		{"cut-off locked file", locked[:len(locked)/2], ErrDamaged, "This locked backup is damaged: its end is missing"},
		{"locked file cut in its header", locked[:60], ErrDamaged, "This locked backup is damaged"},
		{"other JSON", []byte(`{"name":"my shopping list"}`), ErrNotBackup, "a record of another kind"},
	}
}

// Each kind of bad file gets its own plain message, never the decoder's
// words, and never another kind's message.
func TestEachBadFileHasItsOwnMessage(t *testing.T) {
	seen := map[string]string{}
	for _, tc := range badFiles(t) {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import(tc.data, "purple kite river", nil)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v\nwant kind %v and %q", err, tc.kind, tc.msg)
			}
			if !strings.HasSuffix(e.Msg, "Nothing has been changed.") {
				t.Errorf("the message does not say nothing changed: %q", e.Msg)
			}
			for _, w := range []string{"json:", "invalid character", "unexpected EOF", "offset"} {
				if strings.Contains(e.Msg, w) {
					t.Errorf("decoder's words %q in %q", w, e.Msg)
				}
			}
			if other, dup := seen[e.Msg]; dup && !sameKind(other, tc.name) {
				t.Errorf("same message as %s: %q", other, e.Msg)
			}
			seen[e.Msg] = tc.name
		})
	}
}

// sameKind: cases of one kind that share a message on purpose.
func sameKind(a, b string) bool {
	pairs := map[string]string{"only spaces": "empty", "deep nesting in a record": "deep nesting", "locked file cut in its header": "cut-off locked file",
		"something after": "two objects"}
	return pairs[a] == b || pairs[b] == a
}

func TestDepth(t *testing.T) {
	for in, want := range map[string]int{`{}`: 1, `{"a":[1,{"b":2}]}`: 3, `"[[[["`: 0, `{"a":"\"[{"}`: 1, `[[]]`: 2} {
		if got := depth([]byte(in)); got != want {
			t.Errorf("depth(%s) = %d, want %d", in, got, want)
		}
	}
}
