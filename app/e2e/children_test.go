//go:build !js

package e2e

import (
	"strings"
	"testing"
)

// A parent with two children keeps a record for each: add a second, switch between them,
// and remove one after confirming; the other is untouched.
func TestTwoChildren(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/child/name")
	tb.fill("first-name", "Amira")
	tb.continueTo("/child/birth")

	tb.navigate("/children")
	tb.click("a[href$='/child/name?new=1']")
	tb.waitPath("/child/name")
	tb.fill("first-name", "Ben")
	tb.continueTo("/child/birth")
	if h := tb.h1(); !strings.Contains(h, "Ben") {
		t.Fatalf("the second child's record is not open: %q", h)
	}

	tb.navigate("/children")
	list := tb.text("main")
	if !strings.Contains(list, "Amira") || !strings.Contains(list, "Ben") {
		t.Fatalf("the list does not show both children: %s", list)
	}
	tb.click(".card-actions .link-button") // "Open" on the record that is not open (Amira)
	tb.waitPath("/tasks")
	if h := tb.h1(); h != "Amira's record" {
		t.Fatalf("switching opened %q", h)
	}

	tb.reload()
	if h := tb.h1(); h != "Amira's record" {
		t.Errorf("after a reload the app shows %q, want the child last opened", h)
	}

	tb.navigate("/children")
	// Remove Ben: ask, then confirm.
	eval[bool](tb, "asking to remove Ben", `(() => {
		for (const b of document.querySelectorAll(".card-actions .link-button"))
			if (b.innerText.includes("Remove") && b.innerText.includes("Ben")) { b.click(); return true }
		return false })()`)
	tb.waitFor(".warning .button-warning")
	tb.click(".warning .button-warning")
	tb.waitForText("main", "Amira")
	screenshot(t, tb, "after-remove")
	if list := tb.text("main"); strings.Contains(list, "Ben") {
		t.Errorf("Ben's record is still listed after removing it: %s", list)
	}
	if stored := tb.storedData(); strings.Contains(stored, "Ben") {
		t.Errorf("something of Ben's record is still in storage")
	}
	checkAxe(t, tb)
	if stored := tb.storedData(); !strings.Contains(stored, "Amira") {
		t.Errorf("removing Ben touched Amira's record")
	}
}
