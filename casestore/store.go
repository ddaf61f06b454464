package casestore

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"sync"
	"time"

	"provisiontracker/calc"
)

// Storage is a key-value store of text, like window.localStorage. The app
// implements it on localStorage; tests use a map. Errors should wrap
// ErrStorageFull (quota exceeded) or ErrUnavailable (storage refused).
type Storage interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Remove(key string) error
	Keys() ([]string, error)
}

// ErrDamaged is returned when the saved data of a case cannot be read. The
// data is kept as it is (see Problems) and never written over.
var ErrDamaged = errors.New("This child's saved record could not be read, so the app has kept it as it is and will not write over it. " +
	"Download it from the list of problems and keep the file safe.")

// Summary describes one case for the list of children.
type Summary struct {
	ID          string
	ChildName   string    // the child's first name ("" if not entered yet)
	Council     string    // DfE code of the council ("" if not chosen yet)
	Updated     time.Time // when it was last saved
	Revision    int
	NeedsBackup bool      // changed since the last backup (or never backed up)
	BackedUpRev int       // revision of the last backup, 0 if none
	BackedUpAt  time.Time // time of the last backup, zero if none
	// Note is set, in plain words, when the latest save could not be read
	// and an earlier one is shown instead.
	Note string
}

// Problem is saved data the store could not read. It stays in storage
// untouched until the parent deletes it (DiscardProblem, Delete, DeleteAll).
type Problem struct {
	Key string // the storage key
	ID  string // the case it belongs to, when known
	Why string // plain English: what is wrong and what to do
	Raw string // the stored text, exactly as found
	// CaseFile is the case file found inside, when it could be cut out
	// (for a case made by a newer version, or a damaged pointer whose
	// saved case is fine): a newer app can import it as a backup.
	CaseFile []byte
	FileName string // a name for downloading Raw
}

// Change tells the app what another tab changed (see Changed).
type Change struct {
	ID       string
	Revision int  // the case's revision now
	Deleted  bool // the case was deleted
	All      bool // storage was cleared or could have changed anywhere: reload the list
	// Overwritten is set when another tab saved a version with no higher
	// a revision than this store's own last save of the case: it saved
	// over it from an older copy. Browsers pass one tab's storage writes
	// to another a moment later, so two saves within that moment can both
	// pass the revision check. The caller still holds what it saved.
	Overwritten bool
}

// Store loads, migrates and saves cases. It is safe for use by one
// goroutine at a time in each tab; several tabs may share one Storage.
type Store struct {
	mu       sync.Mutex
	st       Storage
	now      func() time.Time
	cases    map[string]*entry
	problems map[string]Problem
	known    map[string]string // id -> version key this store last loaded or saved
	saved    map[string]int    // id -> revision this store itself last saved
	current  string
}

type entry struct {
	head head
	mark backupMark
	note string
}

// Open reads what is stored. It never fails because of bad data: unreadable
// records are listed by Problems and left untouched. It fails only when the
// storage itself cannot be used (ErrUnavailable); the app should then tell
// the parent and carry on with NewMemory, which keeps nothing after the page
// closes.
func Open(st Storage, now func() time.Time) (*Store, error) {
	if now == nil {
		now = time.Now
	}
	s := &Store{st: st, now: now, known: map[string]string{}, saved: map[string]int{}}
	if err := s.reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// today is the date on the device, for calc.CheckWork.
func (s *Store) today() calc.Date {
	y, m, d := s.now().Date()
	return calc.MustDate(y, int(m), d)
}

// Reload reads everything again (for example when the app comes back to
// the front).
func (s *Store) Reload() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reload()
}

func (s *Store) reload() error {
	keys, err := s.st.Keys()
	if err != nil {
		return storageErr(err)
	}
	s.cases = map[string]*entry{}
	s.problems = map[string]Problem{}
	s.current = ""
	heads := map[string]bool{}
	versions := map[string][]string{}
	var backups, others []string
	sort.Strings(keys)
	for _, k := range keys {
		if !strings.HasPrefix(k, Prefix) {
			continue
		}
		kind, id, _ := parseKey(k)
		switch kind {
		case kindCurrent:
			if v, ok, err := s.st.Get(k); err == nil && ok {
				var cur string
				if json.Unmarshal([]byte(v), &cur) == nil {
					s.current = cur
				}
			}
		case kindHead:
			heads[id] = true
		case kindVersion:
			versions[id] = append(versions[id], k)
		case kindBackup:
			backups = append(backups, k)
		default:
			others = append(others, k)
		}
	}
	for id := range heads {
		if err := s.openCase(id, versions[id]); err != nil {
			return err
		}
	}
	for id, vs := range versions {
		if !heads[id] {
			if err := s.adoptHeadless(id, vs); err != nil {
				return err
			}
		}
	}
	for _, k := range backups {
		_, id, _ := parseKey(k)
		raw, ok, err := s.st.Get(k)
		if err != nil {
			return storageErr(err)
		}
		if !ok {
			continue
		}
		var m backupMark
		if err := readRecord(raw, backupFormat, &m); err != nil {
			s.addProblem(k, id, raw, nil, err)
			continue
		}
		if e := s.cases[id]; e != nil {
			e.mark = m
		}
	}
	for _, k := range others {
		_, id, _ := parseKey(k)
		raw, ok, err := s.st.Get(k)
		if err != nil {
			return storageErr(err)
		}
		if ok {
			s.addProblem(k, id, raw, nil, errUnknownKey)
		}
	}
	return nil
}

var errUnknownKey = errors.New("the app does not know this kind of record")

// openCase reads one case at Open: its head, its current version, or the
// previous one when the current cannot be read.
// checkVersion reads one stored version of a case and reports whether it
// is there and readable; an unreadable one is set aside as a problem. The
// error is only for storage that does not answer.
func (s *Store) checkVersion(k, id string) (bool, error) {
	vraw, ok, err := s.st.Get(k)
	if err != nil {
		return false, storageErr(err)
	}
	if !ok {
		return false, nil
	}
	_, rev := mustRev(k)
	if _, _, err := readVersion(vraw, k, id, rev, s.today()); err != nil {
		s.addProblem(k, id, vraw, caseFileOf(vraw), err)
		return false, nil
	}
	return true, nil
}

func (s *Store) openCase(id string, versions []string) error {
	raw, ok, err := s.st.Get(headKey(id))
	if err != nil {
		return storageErr(err)
	}
	if !ok {
		return nil
	}
	h, herr := parseHead(raw, id)
	if herr == nil && h.Deleting {
		return s.finishDelete(id, versions)
	}
	if herr != nil {
		// Offer the newest readable saved version inside the problem, so the
		// parent can import it; write nothing.
		var cf []byte
		if _, e, _, err := s.newestReadable(id, versions); err == nil {
			cf = e.Case
		}
		s.addProblem(headKey(id), id, raw, cf, herr)
		return nil
	}
	// A version one revision newer than the head is a save that was
	// interrupted after writing and before switching: finish it.
	for _, k := range versions {
		if _, _, rev := parseKey(k); rev == h.Revision+1 {
			if vraw, ok, err := s.st.Get(k); err == nil && ok {
				if e, _, err := readVersion(vraw, k, id, rev, s.today()); err == nil {
					nh := h
					nh.Revision, nh.Version, nh.Previous, nh.SavedAt = rev, k, h.Version, e.SavedAt
					if b, err := json.Marshal(nh); err == nil && s.st.Set(headKey(id), string(b)) == nil {
						h = nh
					}
					break
				}
			}
		}
	}
	ent := &entry{head: h}
	found := false
	for i, k := range []string{h.Version, h.Previous} {
		if k == "" {
			continue
		}
		readable, err := s.checkVersion(k, id)
		if err != nil {
			return err
		}
		if !readable {
			continue
		}
		if i == 1 {
			ent.note = "The latest save of this record could not be read, so the one before it is shown. " +
				"Check your latest changes and enter again anything that is missing."
		}
		found = true
		break
	}
	// Other versions: report the unreadable ones; readable leftovers are
	// removed by the next save.
	for _, k := range versions {
		if k == h.Version || k == h.Previous {
			continue
		}
		if _, err := s.checkVersion(k, id); err != nil {
			return err
		}
	}
	if found {
		s.cases[id] = ent
		return nil
	}
	if len(versions) > 0 {
		// The head points nowhere readable but other saved versions exist:
		// offer the newest as a download to import; write nothing.
		// (The unreadable ones are problems of their own already.)
		if _, e, _, err := s.newestReadable(id, versions); err == nil {
			s.addProblem(headKey(id), id, raw, e.Case, errors.New("it points to a save that is missing"))
		}
		return nil
	}
	// No saved version at all, and not a delete cut short (Delete marks
	// the head first): the record's saved information is missing. Say so
	// rather than letting the record vanish from the list; keep the head.
	s.addProblem(headKey(id), id, raw, nil, errMissing(h.Child))
	return nil
}

// errMissing is why a record whose saved versions are gone is listed as a
// problem.
type errMissing string

func (e errMissing) Error() string { return "its saved versions are missing" }

// finishDelete completes a Delete that was cut short: what is left of the
// case goes, the head last.
func (s *Store) finishDelete(id string, versions []string) error {
	for _, k := range versions {
		s.st.Remove(k)
	}
	s.st.Remove(backupKey(id))
	s.st.Remove(headKey(id))
	return nil
}

// adoptHeadless handles saved versions with no head: what an interrupted
// first save (Create) leaves. The newest readable one becomes the case.
func (s *Store) adoptHeadless(id string, versions []string) error {
	k, e, c, err := s.newestReadable(id, versions)
	for _, v := range versions {
		if v == k {
			continue
		}
		if raw, ok, gerr := s.st.Get(v); gerr == nil && ok {
			_, rev := mustRev(v)
			if _, _, rerr := readVersion(raw, v, id, rev, s.today()); rerr != nil {
				s.addProblem(v, id, raw, caseFileOf(raw), rerr)
			}
		}
	}
	if err != nil {
		return nil
	}
	h := head{Format: headFormat, Layout: Layout, ID: id, Revision: e.Revision, Version: k,
		Child: c.Child.FirstName, Council: c.Council, SavedAt: e.SavedAt}
	b, _ := json.Marshal(h)
	if err := s.st.Set(headKey(id), string(b)); err != nil {
		// Cannot write the head now (storage full?): offer the case as a
		// download so it is not hidden.
		raw, _, _ := s.st.Get(k)
		s.addProblem(k, id, raw, e.Case, errors.New("it could not be finished"))
		return nil
	}
	s.cases[id] = &entry{head: h}
	return nil
}

func (s *Store) newestReadable(id string, versions []string) (string, envelope, calc.Case, error) {
	best, bestRev := "", 0
	var be envelope
	var bc calc.Case
	for _, k := range versions {
		_, rev := mustRev(k)
		if rev <= bestRev {
			continue
		}
		raw, ok, err := s.st.Get(k)
		if err != nil || !ok {
			continue
		}
		if e, c, err := readVersion(raw, k, id, rev, s.today()); err == nil {
			best, bestRev, be, bc = k, rev, e, c
		}
	}
	if best == "" {
		return "", be, bc, errors.New("nothing readable")
	}
	return best, be, bc, nil
}

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func mustRev(k string) (string, int) {
	_, id, rev := parseKey(k)
	return id, rev
}

// caseFileOf cuts the case file out of a saved version whose envelope can
// be read even though the case inside cannot.
func caseFileOf(raw string) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(raw), &m) != nil || len(m["case"]) == 0 || m["case"][0] != '{' {
		return nil
	}
	return append([]byte(nil), m["case"]...)
}

// importable reports whether a case file cut out of damaged data would be
// imported as a backup: calc reads it (a complete record within the
// limits), or it was made by a newer version, whose app can import it.
func importable(caseFile []byte, today calc.Date) bool {
	c, err := calc.DecodeCaseFile(caseFile)
	if err != nil {
		_, derr := decodeLenient(caseFile)
		return derr == errNewer
	}
	return len(calc.CheckWork(c, today)) == 0
}

func (s *Store) addProblem(key, id, raw string, caseFile []byte, why error) {
	p := Problem{Key: key, ID: id, Raw: raw, CaseFile: caseFile}
	name := "provision-tracker-unreadable"
	if id != "" {
		name += "-" + id
	}
	p.FileName = name + ".txt"
	// errors.AsType, not errors.As: no reflection in the wasm.
	missing, isMissing := errors.AsType[errMissing](why)
	work, isWork := errors.AsType[*tooMuchWorkError](why)
	switch {
	case isMissing:
		who := "A child's"
		if n := strings.TrimSpace(string(missing)); n != "" {
			who = n + "'s"
		}
		p.Why = who + " record is missing its saved information: only its name is left on this device. " +
			"It may have been removed by a browser setting, a cleaning app or a tool. " +
			"If you have a backup file of it, import it. You can download what is left and keep the file safe."
	case isWork:
		p.Why = "A saved record asks the app to count far more than it can (" + strings.TrimSuffix(work.problems[0].Message, ".") +
			"), so it has not been opened: it would make the app too slow to use. It has been kept safe and has not been changed. " +
			"Download it, keep the file safe, and ask for help."
	case errors.Is(why, errNewer):
		p.Why = "Some saved data was made by a newer version of Provision Tracker, so this version cannot open it. " +
			"It has been kept safe and has not been changed. Update the app: close every tab of it and open it again."
	case errors.Is(why, errUnknownKey):
		p.Why = "Some saved data is of a kind this version of Provision Tracker does not know. " +
			"It may come from a newer version. It has been kept safe and has not been changed. " +
			"Update the app, or download it and keep the file safe."
	default:
		p.Why = "Some saved data could not be read (it may have been damaged). " +
			"It has been kept safe and has not been changed. Download it, keep the file safe, and ask for help."
	}
	// The record inside is offered only when importing it would work (or
	// will, in a newer version of the app): a download that import then
	// refuses helps nobody.
	if len(caseFile) > 0 && !importable(caseFile, s.today()) {
		p.CaseFile = nil
		if work == nil && missing == "" {
			p.Why += " The record inside it is damaged too, so it cannot be imported as a backup."
		}
	}
	if len(p.CaseFile) > 0 {
		p.Why += " You can also download the record inside it as a backup file and import it again."
	}
	s.problems[key] = p
}

// Problems lists the saved data that could not be read, in key order.
func (s *Store) Problems() []Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Problem, 0, len(s.problems))
	for _, p := range s.problems {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// DiscardProblem deletes unreadable data for good, once the parent has
// downloaded it and asked for it to be removed.
func (s *Store) DiscardProblem(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.problems[key]; !ok {
		return nil
	}
	if err := s.st.Remove(key); err != nil {
		return storageErr(err)
	}
	delete(s.problems, key)
	return nil
}

// List returns a summary of each readable case, by child name then ID.
func (s *Store) List() []Summary {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Summary, 0, len(s.cases))
	for id := range s.cases {
		out = append(out, s.summary(id))
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].ChildName), strings.ToLower(out[j].ChildName)
		if a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Summary returns the summary of one case.
func (s *Store) Summary(id string) (Summary, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cases[id] == nil {
		return Summary{}, false
	}
	return s.summary(id), true
}

func (s *Store) summary(id string) Summary {
	e := s.cases[id]
	return Summary{
		ID: id, ChildName: e.head.Child, Council: e.head.Council, Updated: e.head.SavedAt, Revision: e.head.Revision,
		NeedsBackup: e.head.Revision > e.mark.Revision,
		BackedUpRev: e.mark.Revision, BackedUpAt: e.mark.At, Note: e.note,
	}
}

// NeedsBackup reports whether the case changed since its last backup (or was
// never backed up).
func (s *Store) NeedsBackup(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.cases[id]
	return e != nil && e.head.Revision > e.mark.Revision
}

// Create saves a new case and returns its new ID and revision (1).
func (s *Store) Create(c calc.Case) (id string, rev int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range 10 {
		id = randomString(idLen)
		if _, taken := s.cases[id]; taken {
			continue
		}
		_, ok, err := s.st.Get(headKey(id))
		if err != nil {
			return "", 0, storageErr(err)
		}
		if !ok {
			rev, err = s.save(id, c, 0, true)
			if err != nil {
				return "", 0, err
			}
			return id, rev, nil
		}
	}
	return "", 0, ErrUnavailable // 10 collisions of 50 random bits: the random source is broken
}

// Load reads a case from storage (not from memory, so it sees what other
// tabs saved) with its revision, which Save needs. When the latest save
// cannot be read, it returns the previous one with the latest revision, and
// the case's Summary has a Note.
func (s *Store) Load(id string) (calc.Case, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	raw, ok, err := s.st.Get(headKey(id))
	if err != nil {
		return calc.Case{}, 0, storageErr(err)
	}
	if !ok {
		delete(s.cases, id)
		return calc.Case{}, 0, ErrNotFound
	}
	h, err := parseHead(raw, id)
	if err != nil {
		return calc.Case{}, 0, ErrDamaged
	}
	if h.Deleting {
		delete(s.cases, id)
		return calc.Case{}, 0, ErrNotFound
	}
	c, note, err := s.readHead(h)
	if err != nil {
		return calc.Case{}, 0, err
	}
	e := s.cases[id]
	if e == nil {
		e = &entry{}
		s.cases[id] = e
	}
	e.head, e.note = h, note
	s.known[id] = h.Version
	return c, h.Revision, nil
}

// readHead reads the case a head points to, or the previous version.
func (s *Store) readHead(h head) (calc.Case, string, error) {
	for i, k := range []string{h.Version, h.Previous} {
		if k == "" {
			continue
		}
		raw, ok, err := s.st.Get(k)
		if err != nil {
			return calc.Case{}, "", storageErr(err)
		}
		if !ok {
			continue
		}
		_, rev := mustRev(k)
		_, c, err := readVersion(raw, k, h.ID, rev, s.today())
		if err != nil {
			if _, seen := s.problems[k]; !seen {
				s.addProblem(k, h.ID, raw, caseFileOf(raw), err)
			}
			continue
		}
		note := ""
		if i == 1 {
			note = "The latest save of this record could not be read, so the one before it is shown. " +
				"Check your latest changes and enter again anything that is missing."
		}
		return c, note, nil
	}
	return calc.Case{}, "", ErrDamaged
}

// Save writes a new version of a case and switches to it, keeping the
// previous version for recovery. baseRev is the revision the caller loaded
// or last saved. If another tab saved since, nothing is written and the
// error is a *ConflictError carrying the newer case. On ErrStorageFull or
// ErrUnavailable nothing stored has changed: keep the case in memory.
func (s *Store) Save(id string, c calc.Case, baseRev int) (newRev int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.save(id, c, baseRev, false)
}

func (s *Store) save(id string, c calc.Case, baseRev int, creating bool) (int, error) {
	if !validID(id) {
		return 0, ErrNotFound
	}
	caseFile, err := calc.EncodeCaseFile(c)
	if err != nil {
		return 0, &UnsaveableError{Problems: []calc.FieldError{{Message: err.Error()}}}
	}
	// What Open would refuse to read back is not saved (see decodeCase).
	if probs := calc.CheckWork(c, s.today()); len(probs) > 0 {
		return 0, &UnsaveableError{Problems: probs}
	}
	// No decode of what was just encoded: calc's round-trip tests cover
	// that, and on a phone a full decode of a large case took most of a
	// second per tap in the session log.
	raw, ok, err := s.st.Get(headKey(id))
	if err != nil {
		return 0, storageErr(err)
	}
	var old head
	switch {
	case !ok && !creating:
		delete(s.cases, id)
		return 0, ErrNotFound
	case ok && creating:
		return 0, ErrConflict
	case ok:
		if old, err = parseHead(raw, id); err != nil {
			return 0, ErrDamaged
		}
		if old.Deleting {
			delete(s.cases, id)
			return 0, ErrNotFound
		}
		if _, isProblem := s.problems[headKey(id)]; isProblem {
			return 0, ErrDamaged
		}
		known := s.known[id]
		if old.Revision != baseRev || (known != "" && old.Version != known) {
			return 0, s.conflict(old)
		}
	}
	rev := old.Revision + 1
	at := s.now().UTC()
	vk := versionKey(id, rev, randomString(6))
	if err := s.st.Set(vk, string(encodeEnvelope(id, rev, at, caseFile))); err != nil {
		s.st.Remove(vk) // nothing of it may stay: it is a key only this save uses
		return 0, storageErr(err)
	}
	nh := head{Format: headFormat, Layout: Layout, ID: id, Revision: rev, Version: vk,
		Previous: old.Version, Child: c.Child.FirstName, Council: c.Council, SavedAt: at}
	hb, _ := json.Marshal(nh)
	if err := s.st.Set(headKey(id), string(hb)); err != nil {
		s.st.Remove(vk)
		return 0, storageErr(err)
	}
	// Another tab may have switched at the same moment: check who won.
	if now, ok, err := s.st.Get(headKey(id)); err == nil && ok && now != string(hb) {
		if other, err := parseHead(now, id); err == nil {
			return 0, s.conflict(other)
		}
	}
	s.known[id] = vk
	s.saved[id] = rev
	e := s.cases[id]
	if e == nil {
		e = &entry{}
		s.cases[id] = e
	}
	e.head, e.note = nh, ""
	s.cleanup(id, nh)
	return rev, nil
}

// conflict builds the ConflictError for a newer stored head.
func (s *Store) conflict(h head) error {
	ce := &ConflictError{ID: h.ID, Revision: h.Revision, SavedAt: h.SavedAt, ChildName: h.Child}
	if c, _, err := s.readHead(h); err == nil {
		ce.Case = c
	}
	return ce
}

// cleanup removes the saved versions of a case older than the one before
// the current, except unreadable ones (problems) which are never removed
// silently. Versions as new as the current are left: another tab may be in
// the middle of saving one. Failures only leave old copies behind.
func (s *Store) cleanup(id string, h head) {
	keys, err := s.st.Keys()
	if err != nil {
		return
	}
	for _, k := range keys {
		kind, kid, rev := parseKey(k)
		if kind != kindVersion || kid != id || k == h.Version || k == h.Previous || rev >= h.Revision {
			continue
		}
		if _, isProblem := s.problems[k]; isProblem {
			continue
		}
		s.st.Remove(k)
	}
}

// MarkBackedUp records that revision rev of the case was exported as a
// backup now. An older mark never replaces a newer one.
func (s *Store) MarkBackedUp(id string, rev int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.cases[id]
	if e == nil {
		return ErrNotFound
	}
	if rev <= e.mark.Revision {
		return nil
	}
	m := backupMark{Format: backupFormat, Layout: Layout, Revision: rev, At: s.now().UTC()}
	b, _ := json.Marshal(m)
	if err := s.st.Set(backupKey(id), string(b)); err != nil {
		return storageErr(err)
	}
	e.mark = m
	return nil
}

// Delete removes a case completely: every saved version, its backup mark,
// any unreadable data of it, and its head (last, so an interrupted delete
// is finished at the next Open).
func (s *Store) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys, err := s.st.Keys()
	if err != nil {
		return storageErr(err)
	}
	var firstErr error
	rm := func(k string) {
		if err := s.st.Remove(k); err != nil && firstErr == nil {
			firstErr = storageErr(err)
		}
		delete(s.problems, k)
	}
	s.markDeleting(id)
	for _, k := range keys {
		if _, kid, _ := parseKey(k); kid == id && k != headKey(id) {
			rm(k)
		}
	}
	rm(headKey(id))
	if s.current == id {
		rm(keyCurrent)
		s.current = ""
	}
	delete(s.cases, id)
	delete(s.known, id)
	return firstErr
}

// markDeleting marks a case's head as being deleted (see head.Deleting).
// When the head cannot be read or written (storage full), the delete goes
// on: cut short then, what is left is listed as a problem, never lost
// without a word.
func (s *Store) markDeleting(id string) {
	raw, ok, err := s.st.Get(headKey(id))
	if err != nil || !ok {
		return
	}
	h, err := parseHead(raw, id)
	if err != nil {
		return
	}
	h.Deleting = true
	b, _ := json.Marshal(h)
	s.st.Set(headKey(id), string(b))
}

// DeleteAll removes everything the app stored (every key starting with
// Prefix, unreadable data included). Nothing else is touched.
func (s *Store) DeleteAll() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys, err := s.st.Keys()
	if err != nil {
		return storageErr(err)
	}
	var firstErr error
	for _, k := range keys {
		if kind, id, _ := parseKey(k); kind == kindHead {
			s.markDeleting(id)
		}
	}
	// Versions first, heads last, as in Delete.
	isHead := func(k string) bool { kind, _, _ := parseKey(k); return kind == kindHead }
	sort.SliceStable(keys, func(i, j int) bool { return !isHead(keys[i]) && isHead(keys[j]) })
	for _, k := range keys {
		if !strings.HasPrefix(k, Prefix) {
			continue
		}
		if err := s.st.Remove(k); err != nil && firstErr == nil {
			firstErr = storageErr(err)
		}
	}
	s.cases = map[string]*entry{}
	s.problems = map[string]Problem{}
	s.known = map[string]string{}
	s.saved = map[string]int{}
	s.current = ""
	return firstErr
}

// Current returns the case the app shows: the one chosen last, or, when
// none was chosen, it no longer exists or the key that remembers it is
// missing, the case saved most recently (so every page shows the same
// record the list does); "" when there is no case.
func (s *Store) Current() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cases[s.current] != nil {
		return s.current
	}
	best := ""
	for id, e := range s.cases {
		if b := s.cases[best]; best == "" || e.head.SavedAt.After(b.head.SavedAt) || e.head.SavedAt.Equal(b.head.SavedAt) && id < best {
			best = id
		}
	}
	return best
}

// SetCurrent remembers which case the app shows.
func (s *Store) SetCurrent(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cases[id] == nil {
		return ErrNotFound
	}
	b, _ := json.Marshal(id)
	if err := s.st.Set(keyCurrent, string(b)); err != nil {
		return storageErr(err)
	}
	s.current = id
	return nil
}

// Changed is called with the key of a browser "storage" event (another
// tab wrote). It reports which case changed and its revision now, or ok
// false when the event does not concern a case of this store or the store
// already knows that version (its own save). Pass "" for an event with no
// key (localStorage.clear()): the result has All set. After a change to
// the case on screen, Load it again, or warn the parent if they have
// unsaved changes.
func (s *Store) Changed(key string) (Change, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if key == "" {
		s.reload()
		return Change{All: true}, true
	}
	kind, id, _ := parseKey(key)
	switch kind {
	case kindHead:
		raw, ok, err := s.st.Get(key)
		if err != nil {
			return Change{}, false
		}
		if !ok {
			if s.cases[id] == nil && s.known[id] == "" {
				return Change{}, false
			}
			delete(s.cases, id)
			delete(s.known, id)
			return Change{ID: id, Deleted: true}, true
		}
		h, err := parseHead(raw, id)
		if err != nil {
			return Change{}, false
		}
		if h.Deleting {
			if s.cases[id] == nil && s.known[id] == "" {
				return Change{}, false
			}
			delete(s.cases, id)
			delete(s.known, id)
			return Change{ID: id, Deleted: true}, true
		}
		if s.known[id] == h.Version {
			return Change{}, false
		}
		e := s.cases[id]
		over := s.saved[id] != 0 && h.Revision <= s.saved[id]
		if e == nil {
			e = &entry{}
			s.cases[id] = e
			if m, ok, err := s.st.Get(backupKey(id)); err == nil && ok {
				readRecord(m, backupFormat, &e.mark)
			}
		}
		e.head, e.note = h, ""
		return Change{ID: id, Revision: h.Revision, Overwritten: over}, true
	case kindBackup:
		e := s.cases[id]
		if e == nil {
			return Change{}, false
		}
		raw, ok, err := s.st.Get(key)
		if err != nil || !ok {
			return Change{}, false
		}
		var m backupMark
		if readRecord(raw, backupFormat, &m) != nil {
			return Change{}, false
		}
		e.mark = m
		return Change{ID: id, Revision: e.head.Revision}, true
	}
	return Change{}, false
}
