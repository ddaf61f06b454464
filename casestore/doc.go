// Package casestore is the one place that loads, migrates and saves cases.
// It is pure Go (no go-app, no syscall/js): the app gives it a Storage made
// on window.localStorage, tests give it a map.
//
// # Design
//
// Every case has a random ID (10 letters and digits from crypto/rand) and is
// kept as saved versions plus a small "head" that says which version is
// current. Save writes the whole new version under a new key, then switches
// the head to it (one atomic Set), then removes versions older than the one
// before. An interrupted save therefore leaves either the old head (the
// previous case, complete) or the new one; a version written but never
// switched to is finished at the next Open.
//
// The head carries a revision number. Save(id, case, baseRev) refuses with a
// *ConflictError (errors.Is ErrConflict), carrying the newer stored case,
// when another tab saved after baseRev. The store also remembers which exact
// version it last loaded or saved, so two tabs that both wrote the same
// revision number at the same moment are still told apart. The app passes
// the key of each browser "storage" event to Changed, which says which case
// changed and its new revision.
//
// Inside each version is the case file exactly as calc.EncodeCaseFile wrote
// it, so what is saved, exported and imported are the same bytes. Records
// carry a layout number for the store's own format (migrated by the step
// table layoutSteps), and the case carries calc's schema_version (migrated
// by calc.Migrate through calc.DecodeCaseFile).
//
// Data that cannot be read (damaged, or written by a newer version) never
// stops Open and is never written over or removed by a save: it is listed by
// Problems with its raw text, and removed only by DiscardProblem, Delete or
// DeleteAll. When the current version of a case cannot be read, the previous
// one is shown with a Note.
//
// A case the parent is still typing (for example a name and no plan yet) is
// saved even though calc.Validate does not pass it yet: Save only refuses a
// case it could not read back (UnsaveableError). Storage errors come back as
// ErrStorageFull or ErrUnavailable and leave storage as it was; the caller
// keeps its case in memory.
//
// The storage layout is described in STORAGE.md.
package casestore
