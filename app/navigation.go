package main

import (
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// goNext moves on after a page is saved: back to the page named in the
// address's "return" (a Change link on the check page), or to next.
func goNext(ctx app.Context, next string) {
	if r := ctx.Page().URL().Query().Get("return"); isAppPath(r) {
		next = r
	}
	ctx.Navigate(pagePath(next))
}

// isAppPath accepts only this app's own paths, so a crafted link cannot
// send the parent to another site.
func isAppPath(p string) bool {
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.Contains(p, ":") && !strings.Contains(p, `\`)
}

// withReturn adds a "return" to a path, for Change links.
func withReturn(path, back string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "return=" + back
}

// errorsFrom turns calc's problems into messages next to this page's
// fields. fields maps a calc path (or its start) to the field's id; a
// problem with no field of its own goes to the first field.
func errorsFrom(problems []calc.FieldError, first string, fields map[string]string) formErrors {
	var errs formErrors
	for _, p := range problems {
		id := first
		best := 0
		for path, field := range fields {
			if (p.Path == path || strings.HasPrefix(p.Path, path+".") || strings.HasPrefix(p.Path, path+"[")) && len(path) > best {
				id, best = field, len(path)
			}
		}
		errs.add(id, sentence(p.Message))
	}
	return errs
}

// sentence makes sure a message starts with a capital letter.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sortBy sorts a list in place with less, keeping equal items in order.
func sortBy[T any](list []T, less func(a, b T) bool) {
	sort.SliceStable(list, func(i, j int) bool { return less(list[i], list[j]) })
}
