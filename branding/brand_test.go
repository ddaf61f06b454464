package branding

import (
	"reflect"
	"testing"
)

func TestEnvRoundTrip(t *testing.T) {
	b := Brand{Name: "N", Description: "D", Helpline: "0800 1", Hours: "H", Website: "https://w.org",
		Logo: "/web/brand/logo.png", Accent: "#000000", Address: "https://a.org/"}
	env := b.Env()
	if got := FromEnv(func(k string) string { return env[k] }); got != b {
		t.Errorf("round trip gave %+v", got)
	}
	// An unbranded build sets every key, empty, so it clears an earlier build's.
	empty := Brand{}.Env()
	if len(empty) != len(env) {
		t.Errorf("unbranded env has %d keys, want %d", len(empty), len(env))
	}
	for k, v := range empty {
		if v != "" {
			t.Errorf("unbranded %s = %q", k, v)
		}
	}
	if !FromEnv(func(string) string { return "" }).IsZero() {
		t.Error("no env is not unbranded")
	}
}

func TestHelpLines(t *testing.T) {
	tests := []struct {
		b    Brand
		want []string
	}{
		{Brand{}, nil},
		{Brand{Name: "Forum"}, []string{"Free help from Forum"}},
		{Brand{Name: "Forum", Helpline: "0800 123", Website: "https://www.forum.org/"},
			[]string{"Free help from Forum", "Helpline: 0800 123", "forum.org"}},
		{Brand{Name: "Forum", Helpline: "0800 123", Hours: "Mon 9 to 5", Website: "http://forum.org"},
			[]string{"Free help from Forum", "Helpline: 0800 123 (Mon 9 to 5)", "forum.org"}},
	}
	for _, tt := range tests {
		if got := tt.b.HelpLines(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v: got %q, want %q", tt.b, got, tt.want)
		}
	}
}

func TestTel(t *testing.T) {
	for in, want := range map[string]string{"0800 123 4567": "tel:08001234567", "+44 (0)20 7": "tel:+44020" + "7", "": ""} {
		if got := (Brand{Helpline: in}).Tel(); got != want {
			t.Errorf("Tel(%q) = %q, want %q", in, got, want)
		}
	}
}
