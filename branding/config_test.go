//go:build !js

package branding

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// good is a complete config; the bad cases below change one line of it.
const good = `# comment
name = Anytown Parent Carer Forum
description = Free help for families in Anytown.
helpline = 0800 123 4567
hours = Monday to Friday, 9am to 5pm
website = https://www.anytown-pcf.org.uk
logo = logo.svg
accent = #6a1b5d
address = https://tracker.anytown-pcf.org.uk/
`

const svgLogo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`

func pngOf(w, h int) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
	return b.Bytes()
}

// logos are the files the tests' readLogo knows.
var logos = map[string][]byte{
	"logo.svg":     []byte(svgLogo),
	"logo.png":     pngOf(40, 20),
	"huge.png":     pngOf(3000, 10),
	"big.svg":      []byte(svgLogo + "<!--" + strings.Repeat("x", MaxLogoBytes) + "-->"),
	"fake.png":     []byte("not a png"),
	"notsvg.svg":   []byte("<html>hello</html>"),
	"script.svg":   []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
	"onload.svg":   []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`),
	"external.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"><image href="https://cdn.example.com/a.png"/></svg>`),
	"font.svg":     []byte(`<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>`),
}

func readLogo(name string) ([]byte, error) {
	if b, ok := logos[name]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("open %s: %w", name, os.ErrNotExist)
}

// with replaces the line of field in good (or adds one).
func with(field, line string) string {
	var out []string
	done := false
	for _, l := range strings.Split(good, "\n") {
		if strings.HasPrefix(l, field+" =") {
			if line != "" {
				out = append(out, line)
			}
			done = true
			continue
		}
		out = append(out, l)
	}
	if !done {
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func TestParseGood(t *testing.T) {
	c, err := parse("branding.conf", []byte(good), readLogo)
	if err != nil {
		t.Fatal(err)
	}
	want := Brand{Name: "Anytown Parent Carer Forum", Description: "Free help for families in Anytown.",
		Helpline: "0800 123 4567", Hours: "Monday to Friday, 9am to 5pm", Website: "https://www.anytown-pcf.org.uk",
		Logo: "/web/brand/logo.svg", Accent: "#6a1b5d", Address: "https://tracker.anytown-pcf.org.uk/"}
	if c.Brand != want {
		t.Errorf("brand\n got %+v\nwant %+v", c.Brand, want)
	}
	if c.LogoExt != ".svg" || string(c.LogoData) != svgLogo {
		t.Errorf("logo %q %q", c.LogoExt, c.LogoData)
	}
}

func TestParseOptionalFields(t *testing.T) {
	tests := []struct {
		name, config string
		check        func(Config) bool
	}{
		{"only a name", "name = Forum\n", func(c Config) bool { return c.Brand == Brand{Name: "Forum"} && c.LogoData == nil }},
		{"short colour", with("accent", "accent = #333"), func(c Config) bool { return c.Brand.Accent == "#333333" }},
		{"upper-case colour and key", with("accent", "ACCENT = #6A1B5D"), func(c Config) bool { return c.Brand.Accent == "#6a1b5d" }},
		{"png logo", with("logo", "logo = logo.png"), func(c Config) bool { return c.Brand.Logo == "/web/brand/logo.png" && c.LogoExt == ".png" }},
		{"spaces and a BOM", "\ufeff  name   =   Forum  \n\n", func(c Config) bool { return c.Brand.Name == "Forum" }},
		{"international number", with("helpline", "helpline = +44 (0)20 7123 4567"), func(c Config) bool { return c.Brand.Tel() == "tel:+4402071234567" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parse("b.conf", []byte(tt.config), readLogo)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("got %+v", c.Brand)
			}
		})
	}
}

// Every bad config stops the build with a message that names the field.
func TestParseBad(t *testing.T) {
	tests := []struct {
		name, config, field, says string
		line                      int
	}{
		{"unknown field", with("colour", "colour = red"), "colour", "unknown field; the fields are name, description", 11},
		{"not field = value", with("name", "Anytown forum"), "", `"Anytown forum" is not "field = value"`, 2},
		{"set twice", good + "name = Other\n", "name", "set twice (first on line 2)", 10},
		{"no name", with("name", ""), "name", "needed", 0},
		{"empty name", with("name", "name ="), "name", "needed", 2},
		{"name too long", with("name", "name = "+strings.Repeat("a", MaxName+1)), "name", "too long: 61 characters, at most 60", 2},
		{"description too long", with("description", "description = "+strings.Repeat("é", MaxDescription+1)), "description", "too long: 141 characters, at most 140", 3},
		{"hours too long", with("hours", "hours = "+strings.Repeat("9", MaxHours+1)), "hours", "too long", 5},
		{"markup in text", with("name", "name = <b>Forum</b>"), "name", `has the character "<"`, 2},
		{"helpline not a number", with("helpline", "helpline = call us"), "helpline", "is not a phone number", 4},
		{"helpline too short", with("helpline", "helpline = 12"), "helpline", "is not a phone number", 4},
		{"hours without helpline", with("helpline", ""), "hours", "there is no helpline", 4},
		{"website not a URL", with("website", "website = www.anytown.org"), "website", "is not a web address", 6},
		{"website other scheme", with("website", "website = javascript:alert(1)"), "website", "is not a web address", 6},
		{"address not https", with("address", "address = http://tracker.example.org/"), "address", "must start with https://", 9},
		{"address with fragment", with("address", "address = https://tracker.example.org/#x"), "address", "has a # part", 9},
		{"accent not a colour", with("accent", "accent = purple"), "accent", `"purple" is not a colour`, 8},
		{"accent bad hex", with("accent", "accent = #12345g"), "accent", "is not a colour", 8},
		{"accent too light", with("accent", "accent = #f2b134"), "accent", "#f2b134 is too light: its contrast with white is 1.88:1", 8},
		{"accent just too light", with("accent", "accent = #777777"), "accent", "contrast with white is 4.47:1, it needs at least 4.5:1", 8},
		{"logo missing", with("logo", "logo = nowhere.svg"), "logo", `cannot find "nowhere.svg"`, 7},
		{"logo wrong type", with("logo", "logo = logo.jpg"), "logo", "is not an SVG or PNG file", 7},
		{"logo too big", with("logo", "logo = big.svg"), "logo", "is too big: 101 KB, at most 100 KB", 7},
		{"png too many pixels", with("logo", "logo = huge.png"), "logo", "is too big: 3000×10 pixels", 7},
		{"png not a png", with("logo", "logo = fake.png"), "logo", "is not a PNG image", 7},
		{"svg not an svg", with("logo", "logo = notsvg.svg"), "logo", "is not an SVG image", 7},
		{"svg with script", with("logo", "logo = script.svg"), "logo", "has a script in it", 7},
		{"svg with onload", with("logo", "logo = onload.svg"), "logo", "has a script in it", 7},
		{"svg loading another site", with("logo", "logo = external.svg"), "logo", "loads something from another website", 7},
		{"svg importing a style", with("logo", "logo = font.svg"), "logo", "loads something from another website", 7},
		{"not text", "name = \xff\xfe", "", "not plain text", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("branding.conf", []byte(tt.config), readLogo)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a config error", err)
			}
			if e.Field != tt.field || e.Line != tt.line || !strings.Contains(e.Msg, tt.says) {
				t.Errorf("got field %q line %d %q\nwant field %q line %d, saying %q", e.Field, e.Line, e.Msg, tt.field, tt.line, tt.says)
			}
			if tt.field != "" && !strings.Contains(err.Error(), ": "+tt.field+": ") {
				t.Errorf("message %q does not name the field", err)
			}
		})
	}
}

func TestContrastOnWhite(t *testing.T) {
	tests := []struct {
		colour   string
		min, max float64
	}{
		{"#000000", 20.99, 21.01},
		{"#ffffff", 0.99, 1.01},
		{"#767676", 4.54, 4.55}, // the lightest grey that passes AA
		{"#777777", 4.47, 4.49},
		{"#1f4e5f", 9, 10}, // the app's own colour
	}
	for _, tt := range tests {
		if r := ContrastOnWhite(tt.colour); r < tt.min || r > tt.max {
			t.Errorf("ContrastOnWhite(%s) = %.3f, want %.2f to %.2f", tt.colour, r, tt.min, tt.max)
		}
	}
}

func TestDarker(t *testing.T) {
	if got := Darker("#6a1b5d", 0.5); got != "#350d2e" {
		t.Errorf("Darker = %s", got)
	}
}

// The example that the README points to is a valid config.
func TestExampleConfigLoads(t *testing.T) {
	c, err := Load(filepath.Join("example", "branding.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Brand.Name == "" || c.Brand.Logo == "" || c.Brand.Accent == "" || c.Brand.Address == "" || len(c.LogoData) == 0 {
		t.Errorf("the example leaves out a field: %+v", c.Brand)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.conf"))
	if err == nil || !strings.Contains(err.Error(), "branding config") {
		t.Fatalf("got %v", err)
	}
}

func ExampleLoad() {
	c, err := Load("example/branding.conf")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Brand.Name)
	fmt.Println(c.Brand.Accent, c.Brand.Logo)
	// Output:
	// Anytown Parent Carer Forum
	// #6a1b5d /web/brand/logo.svg
}

// The parser never panics, and whatever it accepts is within the limits.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("name = x\naccent = #fff\n"))
	f.Add([]byte("name\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parse("f.conf", data, readLogo)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a config error", err)
			}
			return
		}
		b := c.Brand
		if b.Name == "" || len([]rune(b.Name)) > MaxName || strings.ContainsAny(b.Name+b.Description+b.Hours, "<>\n") {
			t.Fatalf("accepted %+v", b)
		}
		if b.Accent != "" && ContrastOnWhite(b.Accent) < MinContrast {
			t.Fatalf("accepted a light accent %s", b.Accent)
		}
	})
}
