// Package letters turns a case (package calc) into what the parent sends:
// advice on which complaint route applies and its time limits, complaint
// letters filled from the case, the text for the Ombudsman's online form,
// and downloads (plain text, a standalone printable HTML page, and the
// session log as CSV).
//
// Everything is a plain value built by a pure function. "Today" is always a
// parameter and the package never reads the clock. It builds natively and
// for GOOS=js GOARCH=wasm, and it does not use text/template or
// html/template (they make the WebAssembly file about 3 MB bigger): text is
// built with strings.Builder and HTML is escaped with html.EscapeString.
//
// # Routes
//
// Routes(c, today) lists the complaint routes that fit the case, each with
// why it applies, its steps and its time limits as dates with their source:
//   - Section F of an EHC plan: the council's complaints procedure (its own
//     timescales, calc.EffectivePolicy), then the Local Government and Social
//     Care Ombudsman (12 months from when the parent knew of the problem, the
//     usual limit: the Ombudsman can accept later complaints);
//   - a care plan or Section H: the statutory children's social-care
//     procedure (Children Act 1989; 10, 25 and 30 working days), then the
//     Ombudsman;
//   - Section G: the NHS complaints procedure (12 months), then the
//     Parliamentary and Health Service Ombudsman;
//   - what the plan says (its content): the SEND Tribunal, signposted only;
//   - free, independent help (IPSEA, SENDIASS, Contact, SOS!SEN).
//
// # Letters
//
// Available(c) says which kinds apply; Build(kind, c, inputs, today) fills
// one from the case. A Letter is a list of Blocks (heading, paragraph,
// list, table) between the UK letter conventions: sender, date written out,
// recipient, subject line with the child's name, "Dear Sir or Madam" …
// "Yours faithfully" or "Dear Ms Patel" … "Yours sincerely", and copies.
// Blocks marked Own hold the parent's own words (or, while empty, a
// bracketed prompt); Missing lists, in plain words, the facts the parent
// still needs to add. The remedy lines come from calc.EstimateCase, limited
// to the provision the letter is about (Section F for council letters, a
// care plan or Section H for the social-care letter); lines that are not
// about one provision (delay, distress, time and trouble) appear in every
// letter that can use them, and the totals are the sums of the lines shown.
// When the case has only one kind of provision the totals are the
// estimate's own totals.
//
// Reply dates are working days from the letter's date on the case's
// calendar (calc.CalendarFor), under the rules that apply on that date
// (calc.PolicyOn): the council's own numbers when the parent gave them;
// else, for a council letter, the Ombudsman's Complaint Handling Code from
// 1 April 2026 (the answer counted from the acknowledgement, with at most 10
// more days' extension) and the council's own policy before it; for a
// social-care stage 1, the 2006 regulations' 10 working days. The
// Ombudsman's and other time limits on the parent come from
// calc.Deadlines. Each letter asks for the provision to restart within
// RestartWorkingDays working days, unless the help is all in the past
// (a care plan whose order ended, or provision that ended): then it asks
// why it was not given.
//
// # What a letter may say
//
// Counts come from calc's session log (calc.ProvisionLog) and are stated
// only for the time the parent recorded: time with nothing recorded is
// said to be unrecorded. A stretch when the help was not in place is one
// entry with the parent's dates, never a list of invented session dates.
// Provisions are named by ProvisionName (the parent's own name, or the
// kind and provider), never by an internal ID.
//
// # Downloads
//
// Letter.PlainText is the golden-file form: one paragraph a line, a blank
// line between blocks, tables as aligned columns. Letter.StandaloneHTML is
// one self-contained page (inline CSS for A4, no external resources, every
// piece of user text escaped). SessionLogCSV writes one row per entry of
// calc's session log (session, made-up session, stretch not in place,
// count-only period), with count columns whose sums equal calc.Tally; cells that a spreadsheet would read as a formula
// are prefixed with a single quote.
//
// The letters are not legal advice, and they say so.
package letters
