package main

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/branding"
)

// clientBrand is the brand read once in the browser: go-app's environment
// does not change while the app runs.
var clientBrand = sync.OnceValue(func() branding.Brand { return branding.FromEnv(app.Getenv) })

// siteBrand is the branding of this copy of the app (the zero Brand when
// it is unbranded). The build passes it through go-app's environment, which
// the browser reads from app.js and the static build from the process
// environment go-app sets from the same map, so both render the same.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func siteBrand() branding.Brand {
	if app.IsClient {
		return clientBrand()
	}
	return branding.FromEnv(app.Getenv)
}

// brandBox introduces the organisation on the start page.
func brandBox(b branding.Brand) app.UI {
	if b.IsZero() {
		return nil
	}
	return elSection().Class("brand-box").Aria("label", "Shared by "+b.Name).Body(
		elIf(b.Logo != "", func() app.UI {
			// The name is written beside it, so the logo says nothing more.
			return app.Img().Class("brand-logo").Src(b.Logo).Attr("role", "presentation")
		}),
		elDiv().Body(
			elP().Class("brand-name").Text("Shared with you by "+b.Name),
			elIf(b.Description != "", func() app.UI { return elP().Class("brand-description").Text(b.Description) }),
			brandContact(b),
		),
	)
}

// brandContact is the helpline and website, as links a phone can follow.
func brandContact(b branding.Brand) app.UI {
	if b.Helpline == "" && b.Website == "" {
		return nil
	}
	return elP().Class("brand-contact").Body(
		elIf(b.Helpline != "", func() app.UI {
			hours := ""
			if b.Hours != "" {
				hours = " (" + b.Hours + ")"
			}
			return elSpan().Body(
				elText("Free helpline: "),
				elA().Href(b.Tel()).Text(b.Helpline),
				elText(hours),
			)
		}),
		elIf(b.Helpline != "" && b.Website != "", func() app.UI { return elBr() }),
		elIf(b.Website != "", func() app.UI {
			return elA().Href(b.Website).Attr("rel", "noopener").Text(b.WebsiteLabel())
		}),
	)
}

// brandFooter is the organisation's line in every page's footer.
func brandFooter(b branding.Brand) app.UI {
	if b.IsZero() {
		return nil
	}
	return elDiv().Class("footer-brand").Body(
		elP().Body(elStrong().Text("Free help from "+b.Name)),
		brandContact(b),
	)
}
