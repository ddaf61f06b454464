package calc

import "github.com/shopspring/decimal"

// SchemaVersion is the version of the case file written by EncodeCaseFile.
// DecodeCaseFile reads this version and migrates older ones (see Migrate).
// Version 2 gave each contact a stable id.
// Version 3 added the facts of issue 12 (payments, parent costs, closed
// case, plan end, partly in place, make-up agreed, social-care and
// placement dates, four provision types).
// Version 5 adds the weekend days (short breaks on a Saturday or Sunday)
// and ids_given.
const SchemaVersion = 5

// Case is everything a parent records about one child: the whole case
// file. It holds only what the parent entered; counts, due dates and money
// are always worked out again from it, so nothing stored can go stale.
type Case struct {
	SchemaVersion int              `json:"schema_version"`
	Child         Child            `json:"child"`
	Council       string           `json:"council,omitempty"` // DfE local-authority code, see Councils
	Plans         []Plan           `json:"plans"`
	Contacts      []Contact        `json:"contacts,omitempty"`
	Complaint     Complaint        `json:"complaint,omitzero"`
	Calendar      CalendarSettings `json:"calendar,omitzero"`
	RateOverrides []RateOverride   `json:"rate_overrides,omitempty"`
	Notes         string           `json:"notes,omitempty"`
	// Letter is what the parent types for the letters (package letters).
	Letter LetterDetails `json:"letter,omitzero"`
	// Payments the council has already made or offered (version 2): the
	// estimate shows what is still owed and never counts them twice.
	Payments []Payment `json:"payments,omitempty"`
	// ParentCosts are the parent's own costs for lost education or
	// support, transport or reports (version 2), with or without receipts.
	ParentCosts []ParentCost `json:"parent_costs,omitempty"`
	// Closed is the day the case stopped (provision restarted, plan
	// ended); deadlines and "still missing" stop there (version 2).
	Closed    Date   `json:"closed,omitzero"`
	ClosedWhy string `json:"closed_why,omitempty"`
	// IDsGiven keeps the highest id number given to each kind of item
	// (version 5), so a new item never takes the id of a removed one.
	IDsGiven IDsGiven `json:"ids_given,omitzero"`
}

// IDsGiven is, for each kind of item, the highest number its ids
// ("payment-3") have had in this case. Without it, removing the newest
// payment and adding another would give the new one the old id, and a page
// still open on the removed payment in another tab would write into it.
type IDsGiven struct {
	Plan      int `json:"plan,omitempty"`
	Provision int `json:"provision,omitempty"`
	Contact   int `json:"contact,omitempty"`
	Payment   int `json:"payment,omitempty"`
	Cost      int `json:"cost,omitempty"`
}

// Payment is money the council has already paid or offered.
type Payment struct {
	// ID is stable and unique among the payments, so a page changes or
	// removes the right one (AssignPaymentIDs gives one when missing).
	ID      string          `json:"id,omitempty"`
	Date    Date            `json:"date,omitzero"`
	Amount  decimal.Decimal `json:"amount"`
	WhatFor string          `json:"what_for,omitempty"`
	// Offered is true for an offer not yet paid: the letters say what was
	// offered, the estimate does not take it off.
	Offered bool `json:"offered,omitempty"`
}

// ParentCost is money the parent spent because provision was missing.
type ParentCost struct {
	// ID is stable and unique among the parent's costs, so a page changes
	// or removes the right one (AssignParentCostIDs gives one when missing).
	ID       string          `json:"id,omitempty"`
	Date     Date            `json:"date,omitzero"`
	Amount   decimal.Decimal `json:"amount"`
	WhatFor  string          `json:"what_for,omitempty"`
	Receipts bool            `json:"receipts,omitempty"` // the parent kept receipts or invoices
}

// LetterDetails is what the parent types for the complaint letters: their
// own details, who the letter goes to, and the parts only they can write.
// It is kept in the case so the letters can be printed again later.
type LetterDetails struct {
	SenderName    string   `json:"sender_name,omitempty"`
	SenderAddress []string `json:"sender_address,omitempty"` // one line each
	SenderEmail   string   `json:"sender_email,omitempty"`
	SenderPhone   string   `json:"sender_phone,omitempty"`
	// RecipientName is a named person ("Ms Priya Patel"); empty gives
	// "Dear Sir or Madam" and "Yours faithfully".
	RecipientName    string   `json:"recipient_name,omitempty"`
	RecipientRole    string   `json:"recipient_role,omitempty"` // "Complaints Manager"
	RecipientAddress []string `json:"recipient_address,omitempty"`
	School           string   `json:"school,omitempty"`
	Impact           string   `json:"impact,omitempty"` // the parent's own words: how it affected the child
	Extra            string   `json:"extra,omitempty"`  // anything else to add
	// NotResolved says why the stage 1 answer did not put things right
	// (stage 2 and the Ombudsman form).
	NotResolved string   `json:"not_resolved,omitempty"`
	CC          []string `json:"cc,omitempty"` // copies, e.g. "Mr Jones, SEN caseworker"
	// Stage1Reference is the council's reference for the stage 1 complaint.
	Stage1Reference string `json:"stage1_reference,omitempty"`
	// AskFor is the total the parent chose to ask for instead of the
	// estimate's typical figure; zero asks for the typical figure.
	AskFor decimal.Decimal `json:"ask_for,omitzero"`
}

// Child is the child the plan is for.
type Child struct {
	FirstName   string `json:"first_name"`
	DateOfBirth Date   `json:"date_of_birth,omitzero"`
}

// PlanKind says what sort of plan the provision comes from; the duties and
// deadlines differ (RULES.md §1).
type PlanKind string

// Plan kinds.
const (
	PlanEHC      PlanKind = "ehc_plan"  // education, health and care plan
	PlanCarePlan PlanKind = "care_plan" // children's social-care care plan under a court order
	PlanOther    PlanKind = "other"
)

// Plan is one plan and the provision written in it.
type Plan struct {
	ID         string       `json:"id"`
	Kind       PlanKind     `json:"kind"`
	Title      string       `json:"title,omitempty"`
	Issued     Date         `json:"issued,omitzero"`      // date of the plan now in force
	LastReview Date         `json:"last_review,omitzero"` // last annual review meeting
	Process    ProcessDates `json:"process,omitzero"`
	Provisions []Provision  `json:"provisions,omitempty"`
	// EducationLost lists periods when the child had little or no
	// education at all (no school place, no suitable alternative).
	EducationLost []Spell `json:"education_lost,omitempty"`
	// Steps are deadlines the plan itself sets, such as a care plan's
	// reviews at three, six and nine months.
	Steps []PromisedStep `json:"promised_steps,omitempty"`
	// Ended is the day the plan stopped (version 2): its deadlines stop there.
	Ended Date `json:"ended,omitzero"`
	// OrderMade and OrderEnds are the dates of the court order a care
	// plan is made under (for example a 12-month supervision order);
	// optional. A care plan whose order has ended is in the past: the
	// letters ask for what was missed, not for the help to start again.
	OrderMade Date `json:"order_made,omitzero"`
	OrderEnds Date `json:"order_ends,omitzero"`
}

// ProcessDates are the dates of the statutory steps (RULES.md §2) that the
// parent knows. Any may be left unknown; a deadline is worked out only when
// the dates it needs are known.
type ProcessDates struct {
	AssessmentRequested Date `json:"assessment_requested,omitzero"` // request for an EHC needs assessment
	AssessmentDecision  Date `json:"assessment_decision,omitzero"`  // told whether the council will assess
	NoPlanDecision      Date `json:"no_plan_decision,omitzero"`     // told no plan will be issued
	DraftIssued         Date `json:"draft_issued,omitzero"`         // draft plan after the assessment
	FinalIssued         Date `json:"final_issued,omitzero"`         // first final plan after the assessment
	ReviewNoticeSent    Date `json:"review_notice_sent,omitzero"`   // notice of the annual review meeting
	ReviewReportSent    Date `json:"review_report_sent,omitzero"`   // report of the review meeting
	ReviewDecision      Date `json:"review_decision,omitzero"`      // decision to keep, amend or cease
	AmendmentsProposed  Date `json:"amendments_proposed,omitzero"`  // draft amended plan sent
	AmendedFinalIssued  Date `json:"amended_final_issued,omitzero"` // final amended plan
	// ReviewOutcomeAwaited is true when the parent is still waiting for
	// the decision or amended plan after the last review; without it an
	// unrecorded decision date is treated as unknown, not as missing.
	ReviewOutcomeAwaited bool `json:"review_outcome_awaited,omitempty"`
	// PhaseTransferYear is the calendar year in which the child moves to a
	// new phase (e.g. infant to junior school); 0 when not moving.
	PhaseTransferYear    int  `json:"phase_transfer_year,omitempty"`
	PhaseTransferPost16  bool `json:"phase_transfer_post16,omitempty"` // moving from secondary to post-16
	TribunalOrder        Date `json:"tribunal_order,omitzero"`         // Tribunal ordered changes
	TribunalOrderDone    Date `json:"tribunal_order_done,omitzero"`    // plan amended as ordered
	AppealableDecision   Date `json:"appealable_decision,omitzero"`    // decision that can go to the Tribunal
	MediationCertificate Date `json:"mediation_certificate,omitzero"`
	TribunalAppealSent   Date `json:"tribunal_appeal_sent,omitzero"`
	// Version 2: a social-care (child in need or carer's) assessment, and
	// the school or placement the plan must name.
	SocialCareAssessmentRequested Date `json:"social_care_assessment_requested,omitzero"`
	SocialCareAssessmentDone      Date `json:"social_care_assessment_done,omitzero"`
	PlacementRequested            Date `json:"placement_requested,omitzero"` // the parent asked for a school to be named
	PlacementNamed                Date `json:"placement_named,omitzero"`
}

// PromisedStep is a deadline the plan sets itself.
type PromisedStep struct {
	Name string `json:"name"`
	Due  Date   `json:"due"`
	Done Date   `json:"done,omitzero"`
}

// Section is the part of an EHC plan a provision is written in.
type Section string

// Plan sections (RULES.md §1).
const (
	SectionF Section = "F" // special educational provision: the council's absolute duty
	SectionG Section = "G" // health provision: the NHS
	SectionH Section = "H" // social care provision
)

// ProvisionType is the kind of help.
type ProvisionType string

// Provision types.
const (
	TypeOT                 ProvisionType = "occupational_therapy"
	TypeSALT               ProvisionType = "speech_and_language_therapy"
	TypePhysio             ProvisionType = "physiotherapy"
	TypeOneToOne           ProvisionType = "one_to_one_support"
	TypeSpecialistTeaching ProvisionType = "specialist_teaching"
	TypeTherapy            ProvisionType = "therapy" // e.g. Theraplay or therapy for a parent
	TypeTuition            ProvisionType = "tuition"
	TypeOther              ProvisionType = "other"
	// Version 2 types.
	TypeShortBreaks    ProvisionType = "short_breaks"          // short breaks and respite, nights or hours
	TypeDirectPayments ProvisionType = "direct_payments"       // support the family buys with direct payments
	TypeTransport      ProvisionType = "transport"             // home-to-school or college transport
	TypeAlternative    ProvisionType = "alternative_provision" // tuition or alternative provision out of school
)

// Per is the period an amount is counted over.
type Per string

// Periods for Frequency.Per.
const (
	PerWeek      Per = "week"
	PerFortnight Per = "fortnight"
	PerMonth     Per = "month"
	PerHalfTerm  Per = "half_term"
	PerTerm      Per = "term"
	PerYear      Per = "year"
	PerTotal     Per = "total" // N sessions in all, between the start and end dates
)

// Unit is what a Frequency counts.
type Unit string

// Units for Frequency.Unit.
const (
	UnitSessions Unit = "sessions"
	UnitHours    Unit = "hours"
	UnitMinutes  Unit = "minutes"
)

// Frequency is how much provision the plan promises: Count Units per Per,
// e.g. 1 sessions per week, 12 sessions in total, 15 hours per week.
type Frequency struct {
	Count int  `json:"count"`
	Unit  Unit `json:"unit"`
	Per   Per  `json:"per"`
}

// Weeks says whether provision runs in term time only or all year.
type Weeks string

// Values for Provision.Weeks.
const (
	TermTime Weeks = "term_time"
	AllYear  Weeks = "all_year"
)

// Provision is one piece of help written in a plan.
type Provision struct {
	ID string `json:"id"` // stable, unique in the case
	// Name is the parent's own name for the help ("Theraplay", "therapy
	// for me"), so two of the same kind can be told apart; optional.
	Name            string          `json:"name,omitempty"`
	Section         Section         `json:"section"`
	Type            ProvisionType   `json:"type"`
	Wording         string          `json:"wording,omitempty"` // the plan's exact words
	Frequency       Frequency       `json:"frequency"`
	SessionMinutes  int             `json:"session_minutes,omitempty"`
	Weeks           Weeks           `json:"weeks"`
	Weekdays        []string        `json:"weekdays,omitempty"` // "monday".."sunday": when sessions fall
	Start           Date            `json:"start,omitzero"`
	End             Date            `json:"end,omitzero"`
	Provider        string          `json:"provider,omitempty"`
	PricePerSession decimal.Decimal `json:"price_per_session,omitzero"`
	// IncludesIndirect is true when the provision also promises indirect
	// work: a programme for home and school, liaison, staff training.
	IncludesIndirect bool `json:"includes_indirect,omitempty"`
	// IndirectMissed is true when that indirect work was not done.
	IndirectMissed bool `json:"indirect_missed,omitempty"`
	// NotInPlace lists periods when none of this provision was in place
	// (no provider, not arranged). An open period (no end) means it is
	// still missing.
	NotInPlace []Spell `json:"not_in_place,omitempty"`
	// PartlyInPlace lists periods when only some of it was given, e.g.
	// 13 of 26 hours a week (version 2).
	PartlyInPlace []PartSpell `json:"partly_in_place,omitempty"`
	// MakeUpAgreed is how many missed sessions (or, for hours, days) the
	// council has agreed or planned to make up in kind (version 2).
	MakeUpAgreed int           `json:"make_up_agreed,omitempty"`
	Outcomes     []Outcome     `json:"outcomes,omitempty"`
	CountPeriods []CountPeriod `json:"count_periods,omitempty"`
	Notes        string        `json:"notes,omitempty"`
}

// Spell is a period of time; a zero To means "still going".
type Spell struct {
	From Date   `json:"from"`
	To   Date   `json:"to,omitzero"`
	Note string `json:"note,omitempty"`
}

// PartSpell is a period when only Given of the plan's Frequency.Count
// (per the same period) was provided.
type PartSpell struct {
	From  Date   `json:"from"`
	To    Date   `json:"to,omitzero"`
	Given int    `json:"given"`
	Note  string `json:"note,omitempty"`
}

// Status is what happened to one session.
type Status string

// Session outcomes.
const (
	StatusDelivered   Status = "delivered"
	StatusMissed      Status = "missed"         // the council's failure
	StatusChildAbsent Status = "child_absent"   // child ill or family cancelled: not the council's failure
	StatusMadeUp      Status = "made_up"        // an extra session replacing a missed one
	StatusPrivate     Status = "paid_privately" // missed, and the parent paid for it: a cost claim
)

// Reason is why a session was missed.
type Reason string

// Reasons for a missed session.
const (
	ReasonProviderCancelled Reason = "provider_cancelled"
	ReasonNoTherapist       Reason = "no_therapist"
	ReasonSchool            Reason = "school"
	ReasonNotKnown          Reason = "not_known"
)

// Outcome records what happened to one session, keyed by the provision it
// belongs to (it is stored inside it), the session date and Seq (0 for the
// first session that day, 1 for a second one).
type Outcome struct {
	Date   Date   `json:"date"`
	Seq    int    `json:"seq,omitempty"`
	Status Status `json:"status"`
	Reason Reason `json:"reason,omitempty"`
	// Replaces is the date (and ReplacesSeq) of the missed session a
	// made-up session stands in for.
	Replaces    Date            `json:"replaces,omitzero"`
	ReplacesSeq int             `json:"replaces_seq,omitempty"`
	Cost        decimal.Decimal `json:"cost,omitzero"` // what the parent paid, for paid_privately
	Note        string          `json:"note,omitempty"`
}

// CountPeriod is the count-only mode: "12 missed between February and
// July" when the dates are not known. For its dates it replaces any dated
// outcomes and gaps.
type CountPeriod struct {
	From Date `json:"from"`
	To   Date `json:"to"`
	// Due is how many sessions were due, when the parent knows it; 0 means
	// "work it out from the schedule".
	Due           int             `json:"due,omitempty"`
	Delivered     int             `json:"delivered,omitempty"`
	Missed        int             `json:"missed,omitempty"`
	MadeUp        int             `json:"made_up,omitempty"`
	ChildAbsent   int             `json:"child_absent,omitempty"`
	PaidPrivately int             `json:"paid_privately,omitempty"`
	PrivateCost   decimal.Decimal `json:"private_cost,omitzero"`
	Reason        Reason          `json:"reason,omitempty"`
	Note          string          `json:"note,omitempty"`
}

// ContactKind is how the parent was in touch.
type ContactKind string

// Contact kinds.
const (
	ContactEmail   ContactKind = "email"
	ContactPhone   ContactKind = "phone"
	ContactLetter  ContactKind = "letter"
	ContactMeeting ContactKind = "meeting"
	ContactOther   ContactKind = "other"
)

// Contact is one entry of the parent's contact log.
type Contact struct {
	// ID is stable and unique in the case, so a page changes or removes
	// the contact it showed even after another tab added or removed one.
	// Files of schema version 1 get ids when they are migrated.
	ID         string      `json:"id,omitempty"`
	Date       Date        `json:"date"`
	Kind       ContactKind `json:"kind"`
	With       string      `json:"with,omitempty"`
	Said       string      `json:"said,omitempty"`     // what was said
	Promised   string      `json:"promised,omitempty"` // what was promised
	ReplyDueBy Date        `json:"reply_due_by,omitzero"`
	Replied    Date        `json:"replied,omitzero"`
}

// Complaint holds the dates of the parent's complaint and the council's
// timescales for answering it.
type Complaint struct {
	ProblemNoticed     Date `json:"problem_noticed,omitzero"` // starts the Ombudsman's 12 months
	Stage1Sent         Date `json:"stage1_sent,omitzero"`
	Stage1Acknowledged Date `json:"stage1_acknowledged,omitzero"`
	Stage1Answered     Date `json:"stage1_answered,omitzero"`
	Stage2Sent         Date `json:"stage2_sent,omitzero"`
	Stage2Acknowledged Date `json:"stage2_acknowledged,omitzero"`
	Stage2Answered     Date `json:"stage2_answered,omitzero"`
	// Stage 3 is the review panel of the children's social-care procedure.
	Stage3Requested Date            `json:"stage3_requested,omitzero"`
	Stage3PanelHeld Date            `json:"stage3_panel_held,omitzero"`
	OmbudsmanSent   Date            `json:"ombudsman_sent,omitzero"`
	Policy          ComplaintPolicy `json:"policy,omitzero"`
}

// Procedure names a complaints procedure.
type Procedure string

// Complaint procedures.
const (
	ProcedureCorporate  Procedure = "corporate"   // council's own (SEND) procedure
	ProcedureSocialCare Procedure = "social_care" // Children Act 1989 representations procedure
)

// ComplaintPolicy is the council's complaint timescale in working days.
// Zero fields take the default of the procedure: for "corporate" the
// Ombudsman's Complaint Handling Code, for "social_care" the 2006
// regulations (RULES.md §2).
type ComplaintPolicy struct {
	Procedure        Procedure `json:"procedure,omitempty"`
	Stage1AckDays    int       `json:"stage1_ack_days,omitempty"`
	Stage1AnswerDays int       `json:"stage1_answer_days,omitempty"`
	Stage2AckDays    int       `json:"stage2_ack_days,omitempty"`
	Stage2AnswerDays int       `json:"stage2_answer_days,omitempty"`
	Source           string    `json:"source,omitempty"` // where the parent read it
}

// CalendarSettings are the parent's changes to the school calendar.
type CalendarSettings struct {
	// SchoolYears replace the default term dates for the years they cover.
	SchoolYears []SchoolYear `json:"school_years,omitempty"`
	// InsetDays are extra non-pupil days at the child's school.
	InsetDays []Date `json:"inset_days,omitempty"`
}

// RateOverride replaces one rate of the rules table for this case; the
// estimate says so on every line that uses it.
type RateOverride struct {
	Key     string          `json:"key"`
	Low     decimal.Decimal `json:"low"`
	Typical decimal.Decimal `json:"typical"`
	High    decimal.Decimal `json:"high"`
	Reason  string          `json:"reason,omitempty"`
}
