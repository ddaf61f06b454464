package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// sharedCouncil reads the council a share link presets ("/?council=305"):
// a charity for one area can hand out a link that starts new records with
// its council, and so with its term dates. An unknown code is ignored.
func sharedCouncil(q url.Values) (calc.Council, bool) {
	code := strings.TrimSpace(q.Get("council"))
	if code == "" {
		return calc.Council{}, false
	}
	return calc.CouncilByCode(code)
}

// siteAddress is the address to share: the configured public address of a
// charity's copy, or else the address this copy is open at (its origin and
// sub-path), without any page or query.
func siteAddress() string {
	if a := siteBrand().Address; a != "" {
		return a
	}
	if !app.IsClient {
		return ""
	}
	origin := app.Window().Get("location").Get("origin").String()
	return origin + pagePath("/")
}

// shareTool is the "Share this tool" button: the phone's share sheet where
// the browser has one (the Web Share API), else the link is copied. Either
// way a status line says what happened. The page that shows it keeps its
// notice (a plain struct, not a component: a component of its own would
// cost the wasm far more than these few lines).
type shareTool struct {
	notice string
}

func (s *shareTool) render() app.UI {
	return elDiv().Class("share-tool no-print").Body(
		elH2().Text("Tell other families about this tool"),
		elP().Text("It is free to use. Send the link to a friend, or put it in a group chat."),
		elButton().Type("button").Class("button button-secondary").ID("share-tool").Text("Share this tool").
			OnClick(s.share),
		elP().Class("export-notice").ID("share-notice").Attr("role", "status").Text(s.notice),
	)
}

func (s *shareTool) share(ctx app.Context, e app.Event) {
	link := siteAddress()
	title := appName
	text := "A free tool to keep a record of the help in your child's EHC plan, and what to ask the council for."
	if b := siteBrand(); !b.IsZero() {
		text += " Shared by " + b.Name + "."
	}
	copyLink := func() {
		copyText(link, func(ok bool) {
			ctx.Dispatch(func(ctx app.Context) {
				if ok {
					s.notice = "The link is copied: " + link + ". Paste it into a message."
				} else {
					s.notice = "This browser did not let us copy. The link is " + link
				}
			})
		})
	}
	if !canShare() {
		copyLink()
		return
	}
	shareLink(title, text, link, func(result shareResult) {
		ctx.Dispatch(func(ctx app.Context) {
			switch result {
			case shareDone:
				s.notice = "Thank you for sharing the link."
			case shareClosed:
				s.notice = "Nothing was shared. You can copy the link instead: " + link
			default:
				s.notice = ""
				copyLink()
			}
		})
	})
}

// shareResult is how a share sheet ended.
type shareResult int

const (
	shareDone   shareResult = iota // the person chose where to send it
	shareClosed                    // the person closed the sheet
	shareFailed                    // the browser refused
)
