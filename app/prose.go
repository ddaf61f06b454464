package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// proseSection is a part of a page of plain words: a heading (if any), a
// paragraph, then a list of points and of links (address, words). Kept as
// data, a page of words costs the wasm its text rather than a builder
// call for every element.
type proseSection struct {
	heading, text string
	items         []string
	links         [][2]string
}

// prose shows sections of plain words.
func prose(ss []proseSection) []app.UI {
	var out []app.UI
	for _, s := range ss {
		if s.heading != "" {
			out = append(out, elH2().Text(s.heading))
		}
		if s.text != "" {
			out = append(out, elP().Text(s.text))
		}
		if len(s.items)+len(s.links) == 0 {
			continue
		}
		var li []app.UI
		for _, it := range s.items {
			li = append(li, elLi().Text(it))
		}
		for _, l := range s.links {
			li = append(li, elLi().Body(elA().Href(pagePath(l[0])).Text(l[1])))
		}
		out = append(out, elUl().Class("list").Body(li...))
	}
	return out
}
