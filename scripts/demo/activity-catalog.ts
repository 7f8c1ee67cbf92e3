/**
 * The demo's day-to-day activity as plain data: change requests with the steps they went
 * through (who fired which transition, how many days after it was raised), and mentoring
 * relationships with their sessions. Dates are days before the demo's anchor. Pure: no Strapi.
 *
 * Who acts is a demo login (by email) whose role or relation the workflow accepts, so the engine
 * fires every step for real; only the moments are set back to when they happened.
 */
import { DEMO_DOMAIN } from './accounts';

const login = (local: string) => `${local}@${DEMO_DOMAIN}`;
export const ACTORS = {
  sarah: login('project.manager'), // Sarah Lindqvist, project manager of CUST-PORTAL and IAM
  tomas: login('pmo.manager'),
  priya: login('analyst'),
  helen: login('director'),
  martin: login('change.board'),
  ruth: login('ruth.adeyemi'),
} as const;
type Actor = keyof typeof ACTORS;

export type ChangeStep = { transition: string; by: Actor; day: number; comment?: string };

export type ChangeRequestSpec = {
  project: string;
  title: string;
  type: 'normal' | 'standard' | 'emergency';
  category: 'request-for-change' | 'off-specification' | 'problem';
  /** Person handle (catalog.ts). */
  raisedBy: string;
  priority: 'low' | 'medium' | 'high' | 'critical';
  severity: 'minor' | 'moderate' | 'major' | 'critical';
  description: string;
  reason: string;
  /** Whole euros; absent while not assessed. */
  cost?: number;
  scheduleDays?: number;
  scope?: string;
  risk?: string;
  benefits?: string;
  options?: string;
  recommendation?: string;
  /** Days before the anchor it was raised. */
  raisedDaysAgo: number;
  /** In order; `day` counts from the day it was raised. */
  steps: ChangeStep[];
  /** The state these steps leave it in (checked by the loader). */
  expect: string;
};

export const CHANGE_REQUESTS: ChangeRequestSpec[] = [
  {
    project: 'CUST-PORTAL',
    title: 'Welsh-language version of the portal',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'emma',
    priority: 'medium',
    severity: 'moderate',
    description: 'Offer every portal page and email in Welsh, switchable per customer.',
    reason: 'Welsh Language Standards apply to our Cardiff customers; the regulator asked for a date.',
    cost: 38000,
    scheduleDays: 10,
    scope: 'Translation of 140 pages and 22 email templates; language switch in the profile.',
    benefits: 'Compliance with the Welsh Language Standards; about 40,000 customers served in their language.',
    options: '1. Full translation now. 2. Translate the top 20 pages only. 3. Defer to after launch.',
    recommendation: 'Option 1: the translation agency can work in parallel with the accessibility review.',
    raisedDaysAgo: 250,
    steps: [
      { transition: 'submit', by: 'sarah', day: 2 },
      { transition: 'recommend', by: 'priya', day: 9, comment: 'Impact assessed with the translation agency; within the project tolerance.' },
      { transition: 'authorize-pm', by: 'sarah', day: 12, comment: 'Authorised within my tolerance; funded from the change budget.' },
      { transition: 'implement', by: 'sarah', day: 20 },
      { transition: 'complete', by: 'sarah', day: 74, comment: 'Welsh pages live in the private beta.' },
      { transition: 'close', by: 'martin', day: 88, comment: 'Post-implementation review: no incidents, customer feedback positive.' },
    ],
    expect: 'closed',
  },
  {
    project: 'CUST-PORTAL',
    title: 'Faster statement PDFs for accounts with many transactions',
    type: 'normal',
    category: 'problem',
    raisedBy: 'hannah',
    priority: 'high',
    severity: 'major',
    description: 'Statements with more than 5,000 transactions take over 40 seconds to render and often time out.',
    reason: 'Performance test failure; business customers are the most affected.',
    cost: 12500,
    scheduleDays: 5,
    scope: 'Paginated rendering and a background job with an email when the PDF is ready.',
    risk: 'Without the fix the private beta exit criteria are not met.',
    recommendation: 'Fix before the public launch.',
    raisedDaysAgo: 120,
    steps: [
      { transition: 'submit', by: 'sarah', day: 1 },
      { transition: 'recommend', by: 'priya', day: 6, comment: 'Estimate from Kestrel Digital checked against similar work.' },
      { transition: 'authorize-pm', by: 'sarah', day: 7 },
      { transition: 'implement', by: 'sarah', day: 14 },
      { transition: 'complete', by: 'sarah', day: 95, comment: 'Deployed; 8,000-transaction statements now render in 6 seconds.' },
    ],
    expect: 'review',
  },
  {
    project: 'CUST-PORTAL',
    title: 'Extend the private beta to business customers',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'nadia',
    priority: 'medium',
    severity: 'moderate',
    description: 'Invite 300 business customers to the private beta alongside the 2,000 retail customers.',
    reason: 'Business customers asked to try statement downloads before launch.',
    cost: 9000,
    raisedDaysAgo: 150,
    steps: [
      { transition: 'submit', by: 'sarah', day: 3 },
      { transition: 'cancel', by: 'sarah', day: 18, comment: 'Withdrawn by the sponsor: business customers join at public launch instead.' },
    ],
    expect: 'canceled',
  },
  {
    project: 'CUST-PORTAL',
    title: 'Satisfaction survey after every service request',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'lena',
    priority: 'low',
    severity: 'minor',
    description: 'Ask customers one question after each closed service request and report the score weekly.',
    reason: 'Customer Operations wants a customer effort score per request type.',
    cost: 21000,
    raisedDaysAgo: 45,
    steps: [
      { transition: 'submit', by: 'sarah', day: 2 },
      { transition: 'recommend', by: 'priya', day: 8 },
      {
        transition: 'reject',
        by: 'sarah',
        day: 11,
        comment: 'Rejected for now: the CRM already sends a survey. Resubmit with the CRM survey retired if still needed.',
      },
    ],
    expect: 'new',
  },
  {
    project: 'IAM',
    title: 'Passwordless sign-in for contact-centre staff',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'noah',
    priority: 'high',
    severity: 'moderate',
    description: 'Replace passwords with security keys for the 420 contact-centre agents.',
    reason: 'Password resets are 30 % of service-desk calls from the contact centre.',
    cost: 24000,
    scheduleDays: 15,
    benefits: 'About 1,100 fewer service-desk calls a month.',
    raisedDaysAgo: 70,
    steps: [
      { transition: 'submit', by: 'sarah', day: 1 },
      { transition: 'recommend', by: 'tomas', day: 10, comment: 'Security keys priced from the framework agreement.' },
      { transition: 'authorize-pm', by: 'sarah', day: 14 },
      { transition: 'implement', by: 'sarah', day: 30 },
    ],
    expect: 'implement',
  },
  {
    project: 'IAM',
    title: 'Revoke legacy VPN certificates',
    type: 'emergency',
    category: 'problem',
    raisedBy: 'paul',
    priority: 'critical',
    severity: 'critical',
    description: 'Revoke the 2019 VPN certificate authority and reissue certificates to 1,600 laptops.',
    reason: 'The old certificate authority key may have been exposed in a supplier incident.',
    cost: 6000,
    scheduleDays: 2,
    risk: 'Some remote staff lose VPN access for up to a day while certificates are reissued.',
    raisedDaysAgo: 9,
    steps: [
      { transition: 'submit-emergency', by: 'sarah', day: 0, comment: 'Emergency change: security incident SEC-0412.' },
      { transition: 'authorize-pm', by: 'sarah', day: 0, comment: 'Authorised as an emergency change; the CISO is informed.' },
    ],
    expect: 'scheduled',
  },
  {
    project: 'MOBILE-APP',
    title: 'Rework the payments flow after app store review',
    type: 'normal',
    category: 'off-specification',
    raisedBy: 'lucas',
    priority: 'high',
    severity: 'major',
    description: 'Move card payments to the platform payment sheet and add a receipt screen.',
    reason: 'The app store rejected the first submission over the custom payments flow.',
    cost: 64000,
    scheduleDays: 20,
    options: '1. Platform payment sheet. 2. Hand over to the web portal for payments.',
    recommendation: 'Option 1: keeps payments in the app, which customers asked for.',
    raisedDaysAgo: 60,
    steps: [
      { transition: 'submit', by: 'tomas', day: 1 },
      { transition: 'recommend', by: 'priya', day: 6, comment: 'Above the project tolerance: for the change board.' },
      { transition: 'authorize', by: 'martin', day: 9, comment: 'Approve; the store rejection leaves no real alternative.' },
      { transition: 'authorize', by: 'ruth', day: 10, comment: 'Approve, with the receipt screen tested by the service desk.' },
    ],
    expect: 'scheduled',
  },
  {
    project: 'MOBILE-APP',
    title: 'Support for Android 9 devices',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'olivia',
    priority: 'medium',
    severity: 'moderate',
    description: 'Keep the app working on Android 9, which the new framework no longer supports by default.',
    reason: '6 % of active app users are on Android 9, mostly older customers.',
    raisedDaysAgo: 12,
    steps: [{ transition: 'submit', by: 'tomas', day: 1 }],
    expect: 'assess',
  },
  {
    project: 'E-INVOICE',
    title: 'Open banking payments for business customers',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'catherine',
    priority: 'high',
    severity: 'moderate',
    description: 'Let business customers pay invoices by open banking, not only by card.',
    reason: 'Card fees on large business invoices cost about 90,000.00 EUR a year.',
    cost: 58000,
    scheduleDays: 25,
    benefits: 'Card fees down by about 60,000.00 EUR a year; faster settlement.',
    raisedDaysAgo: 20,
    steps: [
      { transition: 'submit', by: 'tomas', day: 1 },
      { transition: 'recommend', by: 'priya', day: 8, comment: 'Above tolerance, within the change budget: change board.' },
      { transition: 'authorize', by: 'martin', day: 12, comment: 'Approve: the fee saving pays for it within a year.' },
    ],
    expect: 'authorize',
  },
  {
    project: 'DC-EXIT',
    title: 'Extend the Harlow co-location contract by three months',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'rajesh',
    priority: 'critical',
    severity: 'major',
    description: 'Keep the Harlow racks for three more months while the last 40 workloads move.',
    reason: 'Migration wave 4 slipped; the contract ends before the workloads can move.',
    cost: 145000,
    scheduleDays: 90,
    risk: 'Without the extension 40 workloads would run without a data centre.',
    raisedDaysAgo: 190,
    steps: [
      { transition: 'submit', by: 'tomas', day: 1 },
      { transition: 'recommend', by: 'priya', day: 5, comment: 'Above the change authority limit: for the PMO director.' },
      { transition: 'authorize-director', by: 'helen', day: 8, comment: 'Authorised. Wave 4 to report weekly to the programme board until exit.' },
      { transition: 'implement', by: 'tomas', day: 12 },
      { transition: 'complete', by: 'tomas', day: 30, comment: 'Contract extension signed.' },
      { transition: 'close', by: 'ruth', day: 41 },
    ],
    expect: 'closed',
  },
  {
    project: 'ERP-REPL',
    title: 'Add the Nordic subsidiaries to the ERP rollout',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'isabel',
    priority: 'high',
    severity: 'major',
    description: 'Bring the two Nordic subsidiaries into release 2 instead of a later project.',
    reason: 'Their current finance system loses support next year.',
    cost: 180000,
    scheduleDays: 30,
    options: '1. Include in release 2. 2. Separate project next year on extended support.',
    recommendation: 'Option 1: cheaper than a year of extended support plus a second project.',
    raisedDaysAgo: 16,
    steps: [
      { transition: 'submit', by: 'tomas', day: 1 },
      { transition: 'recommend', by: 'priya', day: 10, comment: 'Above the change authority limit: PMO director to decide.' },
    ],
    expect: 'authorize',
  },
  {
    project: 'CRM-CONSOL',
    title: 'Migrate ten years of closed cases',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'emma',
    priority: 'low',
    severity: 'minor',
    description: 'Move closed service cases older than three years into the new CRM.',
    reason: 'Complaints handlers look up old cases a few times a month.',
    cost: 42000,
    raisedDaysAgo: 210,
    steps: [
      { transition: 'submit', by: 'tomas', day: 2 },
      { transition: 'cancel', by: 'tomas', day: 21, comment: 'Cancelled: the archive search tool covers old cases at no cost.' },
    ],
    expect: 'canceled',
  },
  {
    project: 'S2P',
    title: 'Supplier category codes for the new catalogue',
    type: 'standard',
    category: 'request-for-change',
    raisedBy: 'nikhil',
    priority: 'low',
    severity: 'minor',
    description: 'Load the 2026 UNSPSC category codes into the supplier catalogue.',
    reason: 'Standard change: catalogue maintenance under the procurement runbook.',
    cost: 0,
    raisedDaysAgo: 35,
    steps: [
      { transition: 'schedule-standard', by: 'tomas', day: 1 },
      { transition: 'implement', by: 'tomas', day: 6 },
      { transition: 'complete', by: 'tomas', day: 7 },
      { transition: 'close', by: 'martin', day: 14 },
    ],
    expect: 'closed',
  },
  {
    project: 'DATA-PLATFORM',
    title: 'Near-real-time feed from the payments system',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'liam',
    priority: 'medium',
    severity: 'moderate',
    description: 'Stream card and open banking payments into the data platform every five minutes instead of nightly.',
    reason: 'Fraud analytics needs same-day data.',
    raisedDaysAgo: 6,
    steps: [{ transition: 'submit', by: 'tomas', day: 1 }],
    expect: 'assess',
  },
  {
    project: 'HR-PAYROLL',
    title: 'Pension auto-enrolment report for the regulator',
    type: 'normal',
    category: 'request-for-change',
    raisedBy: 'aisha',
    priority: 'medium',
    severity: 'moderate',
    description: 'Produce the quarterly auto-enrolment declaration from the new payroll.',
    reason: 'Not in the original scope; the old payroll produced it.',
    raisedDaysAgo: 3,
    steps: [],
    expect: 'new',
  },
];

export type SessionSpec = {
  daysAgo: number;
  minutes: number;
  topics: string;
  notes: string;
  /** Competency key → rating 1 to 5. */
  ratings: Record<string, number>;
  /** Action items agreed; `done` ones were ticked at the next session. */
  actions: Array<{ text: string; owner: 'mentor' | 'mentee'; dueInDays: number; done: boolean }>;
};

export type MentoringSpec = {
  /** Person handles; the mentor is a demo login, who logs the sessions. */
  mentor: string;
  mentee: string;
  goals: string;
  focus: string[];
  startedDaysAgo: number;
  status: 'active' | 'paused' | 'completed';
  sessions: SessionSpec[];
};

const session = (
  daysAgo: number,
  topics: string,
  notes: string,
  ratings: Record<string, number>,
  actions: SessionSpec['actions'],
  minutes = 60
): SessionSpec => ({ daysAgo, minutes, topics, notes, ratings, actions });

export const MENTORING: MentoringSpec[] = [
  {
    mentor: 'helen',
    mentee: 'olivia',
    goals: 'Lead a programme-level workstream within a year; present confidently to the Executive Committee.',
    focus: ['leadership', 'stakeholder-management', 'communication'],
    startedDaysAgo: 300,
    status: 'active',
    sessions: [
      session(290, 'Goals, strengths and the year ahead', 'Agreed goals and a monthly rhythm.', { leadership: 2, 'stakeholder-management': 3, communication: 3 }, [
        { text: 'Write a one-page stakeholder map for CRM Consolidation', owner: 'mentee', dueInDays: 14, done: true },
      ]),
      session(230, 'Handling a difficult sponsor conversation', 'Role-played the cost overrun conversation.', { leadership: 3, 'stakeholder-management': 3 }, [
        { text: 'Shadow a programme board chaired by Fiona Campbell', owner: 'mentee', dueInDays: 30, done: true },
      ]),
      session(150, 'Exception reports that get decisions', 'Reviewed the CRM exception report draft together.', { communication: 4, leadership: 3 }, [
        { text: 'Send Olivia two strong exception reports from past projects', owner: 'mentor', dueInDays: 7, done: true },
      ]),
      session(60, 'Preparing the Executive Committee update', 'Dry run of the five-minute update; tighten the ask.', { leadership: 4, 'stakeholder-management': 4, communication: 4 }, [
        { text: 'Present the CRM recovery plan at the Executive Committee', owner: 'mentee', dueInDays: 75, done: false },
        { text: 'Introduce Olivia to the CFO office', owner: 'mentor', dueInDays: 10, done: false },
      ]),
    ],
  },
  {
    mentor: 'tomas',
    mentee: 'liam',
    goals: 'Run a large delivery project to PMO standards; get the Data Platform through its first stage cleanly.',
    focus: ['project-and-change-management', 'organisation', 'financial-knowledge'],
    startedDaysAgo: 200,
    status: 'active',
    sessions: [
      session(195, 'PMO standards and the gate process', 'Walked through the gate standard and the PID template.', { 'project-and-change-management': 2, organisation: 3 }, [
        { text: 'Draft the Data Platform PID using the PMO template', owner: 'mentee', dueInDays: 21, done: true },
      ]),
      session(130, 'Budgets, forecasts and the monthly close', 'Built a forecast together from the cost entries.', { 'financial-knowledge': 2, 'project-and-change-management': 3 }, [
        { text: 'Book a session with Grace Mwangi on capitalisation rules', owner: 'mentee', dueInDays: 14, done: true },
      ]),
      session(70, 'Planning the first delivery stage', 'Reviewed the stage plan; dependencies missing.', { organisation: 3, 'financial-knowledge': 3 }, [
        { text: 'Add supplier dependencies to the stage plan', owner: 'mentee', dueInDays: 10, done: true },
        { text: 'Share the change request checklist', owner: 'mentor', dueInDays: 7, done: true },
      ]),
      session(20, 'Raising and assessing change', 'Discussed the payments feed change request.', { 'project-and-change-management': 4, organisation: 4 }, [
        { text: 'Prepare the impact assessment of the payments feed change', owner: 'mentee', dueInDays: 30, done: false },
      ]),
    ],
  },
  {
    mentor: 'priya',
    mentee: 'james',
    goals: 'Own the monthly portfolio report end to end and move into a senior analyst role.',
    focus: ['critical-thinking', 'use-of-tools', 'communication'],
    startedDaysAgo: 260,
    status: 'active',
    sessions: [
      session(255, 'What a good portfolio report says', 'Compared three past reports.', { 'critical-thinking': 3, communication: 2 }, [
        { text: 'Rewrite last month\'s commentary in five sentences', owner: 'mentee', dueInDays: 7, done: true },
      ], 45),
      session(200, 'Earned value in practice', 'Worked through CPI and SPI for CRM Consolidation.', { 'critical-thinking': 3, 'use-of-tools': 3 }, [
        { text: 'Check the EAC of the three red projects', owner: 'mentee', dueInDays: 14, done: true },
      ], 45),
      session(120, 'Automating the report pack', 'Exports set up; the RAG summary still manual.', { 'use-of-tools': 4, communication: 3 }, [
        { text: 'Build the RAG summary from the exports', owner: 'mentee', dueInDays: 30, done: true },
      ], 45),
      session(40, 'Presenting to the PMO director', 'James presented the pack; questions handled well.', { communication: 4, 'critical-thinking': 4 }, [
        { text: 'Present the quarterly portfolio review', owner: 'mentee', dueInDays: 60, done: false },
      ], 45),
    ],
  },
  {
    mentor: 'sarah',
    mentee: 'aisha',
    goals: 'Deliver Payroll Replacement within tolerance; build confidence with suppliers.',
    focus: ['performing-under-pressure', 'stakeholder-management', 'problem-solving'],
    startedDaysAgo: 180,
    status: 'active',
    sessions: [
      session(175, 'Supplier management basics', 'Reviewed the payroll supplier contract.', { 'stakeholder-management': 2, 'problem-solving': 3 }, [
        { text: 'Set up a weekly supplier checkpoint', owner: 'mentee', dueInDays: 7, done: true },
      ]),
      session(110, 'Parallel run planning', 'Agreed the parallel run exit criteria.', { 'performing-under-pressure': 3, 'problem-solving': 3 }, [
        { text: 'Write the parallel run exit criteria', owner: 'mentee', dueInDays: 14, done: true },
      ]),
      session(35, 'A failed parallel run', 'Reconciliation failed on overtime; recovery plan drafted.', { 'performing-under-pressure': 3, 'stakeholder-management': 3 }, [
        { text: 'Agree a recovery date with the supplier', owner: 'mentee', dueInDays: 45, done: false },
        { text: 'Review the recovery plan before the board', owner: 'mentor', dueInDays: 5, done: false },
      ]),
    ],
  },
  {
    mentor: 'martin',
    mentee: 'noah',
    goals: 'Take the architecture lead on the change board and write decision records others can follow.',
    focus: ['critical-thinking', 'communication'],
    startedDaysAgo: 400,
    status: 'completed',
    sessions: [
      session(395, 'Architecture decision records', 'Agreed a template.', { 'critical-thinking': 3, communication: 2 }, [
        { text: 'Write decision records for the portal identity choices', owner: 'mentee', dueInDays: 21, done: true },
      ]),
      session(320, 'Presenting at the change board', 'Noah presented two changes; clear and brief.', { communication: 3 }, [
        { text: 'Present the SD-WAN design change', owner: 'mentee', dueInDays: 30, done: true },
      ]),
      session(240, 'Review and close', 'Goals met; Noah now presents at the board monthly.', { 'critical-thinking': 4, communication: 4 }, []),
    ],
  },
  {
    mentor: 'grace',
    mentee: 'nikhil',
    goals: 'Understand project finance well enough to challenge forecasts on Source-to-Pay.',
    focus: ['financial-knowledge', 'critical-thinking'],
    startedDaysAgo: 100,
    status: 'active',
    sessions: [
      session(95, 'Capex, opex and capitalisation', 'Went through the capitalisation policy.', { 'financial-knowledge': 2 }, [
        { text: 'Classify the S2P cost entries for last quarter', owner: 'mentee', dueInDays: 14, done: true },
      ], 30),
      session(50, 'Reading a forecast', 'Compared the S2P forecast with the actuals.', { 'financial-knowledge': 3, 'critical-thinking': 3 }, [
        { text: 'Challenge the licence forecast with the supplier', owner: 'mentee', dueInDays: 21, done: false },
      ], 30),
    ],
  },
];
