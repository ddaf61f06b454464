package main

import (
	"os"
	"testing"

	"provisiontracker/calc/similar"
)

// The committed table is what the generator makes from calc/data now.
func TestTableIsUpToDate(t *testing.T) {
	want, err := build("../../data")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../table_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatal("calc/similar/table_gen.go is out of date: run go generate ./calc/similar")
	}
}

func TestWeeksIn(t *testing.T) {
	for s, want := range map[string]int{"took 41 weeks and 6 days": 41, "nearly a year late": 52, "(nine and a half months outside timescales)": 41,
		"almost ten months": 43, "about two months late": 9, "excessive, well outside": 0} {
		if got := weeksIn(s); got != want {
			t.Errorf("weeksIn(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestHelpOf(t *testing.T) {
	for s, want := range map[string]string{"speech and language therapy": "[speech_and_language_therapy]",
		"special educational provision (unspecified)": "[other]", "home to school transport": "[transport]",
		"suitable education / tuition and section F provision": "[tuition education other]",
		"overnight respite away from home":                     "[social_care]"} {
		got := helpOf(s)
		if g := fmtHelps(got); g != want {
			t.Errorf("helpOf(%q) = %s, want %s", s, g, want)
		}
	}
}

func fmtHelps(hs []similar.Help) string {
	s := "["
	for i, h := range hs {
		if i > 0 {
			s += " "
		}
		s += string(h)
	}
	return s + "]"
}
