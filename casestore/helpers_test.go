package casestore

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"provisiontracker/calc"
)

// fakeStorage is a map-backed Storage that can be told to fail.
type fakeStorage struct {
	m           map[string]string
	sets        int
	failSetAt   int   // fail the Nth Set from now (1-based), once
	failErr     error // error for failSetAt (default ErrStorageFull)
	limit       int   // total size of keys and values; 0 = no limit
	unavailable bool  // every call fails with ErrUnavailable
}

func newFake() *fakeStorage { return &fakeStorage{m: map[string]string{}} }

var errBrowser = errors.New("SecurityError: the operation is insecure")

func (f *fakeStorage) Get(k string) (string, bool, error) {
	if f.unavailable {
		return "", false, errBrowser
	}
	v, ok := f.m[k]
	return v, ok, nil
}

func (f *fakeStorage) Set(k, v string) error {
	if f.unavailable {
		return errBrowser
	}
	f.sets++
	if f.failSetAt > 0 && f.sets == f.failSetAt {
		f.failSetAt = 0
		if f.failErr != nil {
			return f.failErr
		}
		return ErrStorageFull
	}
	if f.limit > 0 {
		size := len(k) + len(v)
		for kk, vv := range f.m {
			if kk != k {
				size += len(kk) + len(vv)
			}
		}
		if size > f.limit {
			return errors.Join(ErrStorageFull, errors.New("QuotaExceededError"))
		}
	}
	f.m[k] = v
	return nil
}

func (f *fakeStorage) Remove(k string) error {
	if f.unavailable {
		return errBrowser
	}
	delete(f.m, k)
	return nil
}

func (f *fakeStorage) Keys() ([]string, error) {
	if f.unavailable {
		return nil, errBrowser
	}
	var out []string
	for k := range f.m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

func (f *fakeStorage) snapshot() map[string]string {
	out := map[string]string{}
	for k, v := range f.m {
		out[k] = v
	}
	return out
}

func (f *fakeStorage) size() int {
	n := 0
	for k, v := range f.m {
		n += len(k) + len(v)
	}
	return n
}

var clock = time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return clock }

func seedCase(t testing.TB, name string) calc.Case {
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

func caseNamed(t testing.TB, name string) calc.Case {
	c := seedCase(t, "herts-24-006-445.json")
	c.Child.FirstName = name
	return c
}

func fileOf(t testing.TB, c calc.Case) string {
	t.Helper()
	b, err := calc.EncodeCaseFile(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustOpen(t testing.TB, st Storage) *Store {
	t.Helper()
	s, err := Open(st, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func keysOf(st *fakeStorage, id string) []string {
	var out []string
	for k := range st.m {
		if strings.HasPrefix(k, casePrefix+id) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
