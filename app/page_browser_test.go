//go:build js

package main

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// mount renders c into the real document of the browser running the test
// and returns the document, so a test can look at the DOM a person sees.
func mount(t *testing.T, c app.Composer) app.Value {
	t.Helper()
	doc := app.Window().Get("document")
	body := doc.Get("body")
	// go-app mounts onto the body's first element. Add one rather than
	// replace the body: wasmbrowsertest's own "done" button lives there.
	body.Call("insertBefore", doc.Call("createElement", "div"), body.Get("firstChild"))
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return doc
}

func TestPageLandmarksInBrowser(t *testing.T) {
	doc := mount(t, &startPage{book: book})
	for _, sel := range []string{"header", "main#main", "footer", "h1", "a.skip-link[href='#main']"} {
		if el := doc.Call("querySelector", sel); !el.Truthy() {
			t.Errorf("no %s in the rendered page", sel)
		}
	}
	if n := doc.Call("querySelectorAll", "h1").Length(); n != 1 {
		t.Errorf("%d h1 elements, want exactly 1", n)
	}
	img := doc.Call("querySelector", "header img")
	if !img.Truthy() || img.Call("getAttribute", "role").String() != "presentation" {
		t.Error("the header logo must be marked decorative for screen readers")
	}
}
