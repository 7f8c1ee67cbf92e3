/**
 * The demo organisation, Alderbank Group, as plain data: its change portfolio, programmes,
 * projects, people, departments, standards and templates. Budgets, costs, status reports,
 * allocations and documents are generated from these facts by ./generate.ts.
 *
 * Every record has a natural key (code, email, name, title) so that loading twice changes
 * nothing. Pure: nothing here imports Strapi.
 */
import { DEMO_ACCOUNTS, DEMO_DOMAIN, fullNameOf, type PmoRoleCode } from './accounts';

export type PersonRole = PmoRoleCode | 'team-member' | 'stakeholder';

export type DocumentType =
  | 'business-case'
  | 'project-brief'
  | 'project-initiation-document'
  | 'project-plan'
  | 'stage-plan'
  | 'risk-register'
  | 'issue-register'
  | 'quality-register'
  | 'lessons-log'
  | 'communication-plan'
  | 'benefits-management-approach'
  | 'highlight-report'
  | 'end-stage-report'
  | 'end-project-report'
  | 'other';

/** Lifecycle state keys of the default project lifecycle (DESIGN.md, Governance). */
export type LifecycleState =
  | 'proposed'
  | 'initiating'
  | 'planning'
  | 'executing'
  | 'closing'
  | 'closed'
  | 'on-hold'
  | 'cancelled';

export type PersonSpec = {
  /** Short handle the rest of the catalog refers to. */
  key: string;
  fullName: string;
  email: string;
  pmoRole: PersonRole;
  jobTitle: string;
  department: string;
};

export type DepartmentSpec = { name: string; leader: string };

export type PortfolioSpec = { code: string; name: string; description: string };

export type ProgrammeSpec = {
  code: string;
  name: string;
  description: string;
  sponsor: string;
  manager: string;
};

export type ProjectSpec = {
  code: string;
  name: string;
  programme: string;
  description: string;
  manager: string;
  sponsor: string;
  /** First month, relative to the demo's anchor month (negative: in the past). */
  startOffset: number;
  /** Duration in whole months; every demo project runs at least twelve. */
  months: number;
  /** Baseline budget in whole euros, management reserve excluded. */
  budget: number;
  capexShare: number;
  /** Big projects hold a quarterly management reserve line. */
  managementReserve: boolean;
  /** Actual cost relative to plan: 1.15 runs 15 % over budget. */
  costFactor: number;
  /** Progress relative to plan: 0.9 is 10 % behind schedule. */
  scheduleFactor: number;
  tolerances: { costPercent: number; scheduleDays: number };
  /** Share of the budget set aside for authorised changes. */
  changeBudgetPercent: number;
  suppliers: { labour: string; capex: string; opex: string };
  managerPercent: number;
  team: Array<{ person: string; role: string; percent: number }>;
  /** In delivery order; status reports name the current and next one. */
  milestones: string[];
  risks: string[];
  issues: string[];
  /** Document types whose last review is long past its cycle. */
  overdueDocuments: DocumentType[];
};

export type CriterionSpec = { text: string; mustMeet: boolean };

export type StandardSpec = {
  code: string;
  title: string;
  version: string;
  category:
    | 'governance'
    | 'planning'
    | 'finance'
    | 'risk'
    | 'quality'
    | 'change'
    | 'documentation'
    | 'benefits'
    | 'stakeholders';
  mandatory: boolean;
  appliesToStates: LifecycleState[];
  requiredDocumentTypes: DocumentType[];
  purpose: string;
  rules: string[];
  checklist: CriterionSpec[];
  templates: TemplateSpec[];
};

export type TemplateSpec = {
  title: string;
  documentType: DocumentType;
  version: string;
  sections: Array<{ heading: string; guidance: string }>;
};

export const ORGANISATION = 'Alderbank Group';

const at = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** The people behind the demo logins, then everyone else the PMO works with. */
const accountPeople: PersonSpec[] = DEMO_ACCOUNTS.map((account) => ({
  key: account.firstname.toLowerCase().normalize('NFD').replace(/[^a-z]/g, ''),
  fullName: fullNameOf(account),
  email: account.email,
  pmoRole: account.pmoRole,
  jobTitle: account.jobTitle,
  department: account.department,
}));

const person = (
  fullName: string,
  pmoRole: PersonRole,
  jobTitle: string,
  department: string
): PersonSpec => {
  const [first, ...rest] = fullName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .split(' ');
  return { key: first, fullName, email: at(`${first}.${rest.join('')}`), pmoRole, jobTitle, department };
};

const PMO = 'Portfolio Management Office';
const IT = 'Information Technology';
const FIN = 'Finance';
const CUST = 'Customer Operations';
const HR = 'People and Culture';
const PROC = 'Procurement';
const DATA = 'Data and Analytics';

export const PEOPLE: PersonSpec[] = [
  ...accountPeople,
  person('James Whitfield', 'pmo-analyst', 'PMO Analyst (finance and reporting)', PMO),
  // Programme managers and project managers
  person('Fiona Campbell', 'project-manager', 'Programme Manager, Digital Customer', CUST),
  person('Kenji Watanabe', 'project-manager', 'Programme Manager, Infrastructure', IT),
  person('Isabel Costa', 'project-manager', 'Programme Manager, Finance and Operations', FIN),
  person('Olivia Bennett', 'project-manager', 'Project Manager', CUST),
  person('Rajesh Kumar', 'project-manager', 'Senior Project Manager', IT),
  person('Chloé Dubois', 'project-manager', 'Project Manager', IT),
  person('Marcus Johnson', 'project-manager', 'Senior Project Manager', FIN),
  person('Aisha Rahman', 'project-manager', 'Project Manager', HR),
  person("Liam O'Connor", 'project-manager', 'Project Manager', DATA),
  // Change board and finance
  person('Paul Novak', 'change-board', 'Chief Information Security Officer', IT),
  person('Edward Clarke', 'finance', 'Financial Controller', FIN),
  // Sponsors and department leaders
  person('Catherine Hughes', 'stakeholder', 'Chief Financial Officer', FIN),
  person('Robert Adams', 'stakeholder', 'Chief Information Officer', IT),
  person('Nadia Petrova', 'stakeholder', 'Chief Customer Officer', CUST),
  person('Michael Brennan', 'stakeholder', 'Chief People Officer', HR),
  person('Sofia Marino', 'stakeholder', 'Head of Procurement', PROC),
  person('David Chen', 'stakeholder', 'Chief Data Officer', DATA),
  // Delivery team
  person('Emma Wilson', 'team-member', 'Business Analyst', CUST),
  person('Noah Fischer', 'team-member', 'Solution Architect', IT),
  person('Hannah Schmidt', 'team-member', 'Test Lead', IT),
  person('Lucas Moreau', 'team-member', 'Lead Developer', IT),
  person('Mia Jensen', 'team-member', 'Business Change and Training Lead', HR),
  person('Ethan Brooks', 'team-member', 'Infrastructure Engineer', IT),
  person('Zara Ali', 'team-member', 'Data Engineer', DATA),
  person('Oscar Nilsson', 'team-member', 'Network Engineer', IT),
  person('Lena Park', 'team-member', 'UX Designer', CUST),
  person('Samuel Okoro', 'team-member', 'Integration Developer', IT),
  person('Yasmin Haddad', 'team-member', 'Procurement Specialist', PROC),
  person('Tom Gallagher', 'team-member', 'Finance Systems Analyst', FIN),
  person("Nikhil D'Souza", 'team-member', 'Business Analyst', FIN),
  person("Siobhán O'Neill", 'team-member', 'Service Transition Manager', IT),
];

const byKey = new Map(PEOPLE.map((p) => [p.key, p]));
if (byKey.size !== PEOPLE.length) throw new Error('demo catalog: person keys must be unique');

/** The email of the person with this handle (a typo here fails at load, not silently). */
export function emailOf(key: string): string {
  const found = byKey.get(key);
  if (!found) throw new Error(`demo catalog: no person "${key}"`);
  return found.email;
}

export const DEPARTMENTS: DepartmentSpec[] = [
  { name: PMO, leader: 'helen' },
  { name: FIN, leader: 'catherine' },
  { name: IT, leader: 'robert' },
  { name: CUST, leader: 'nadia' },
  { name: HR, leader: 'michael' },
  { name: PROC, leader: 'sofia' },
  { name: DATA, leader: 'david' },
];

export const PORTFOLIO: PortfolioSpec = {
  code: 'ALD-CHANGE',
  name: 'Alderbank Group Change Portfolio',
  description:
    'All change investment of Alderbank Group for the current three-year plan: the programmes and projects ' +
    'that modernise customer channels, retire legacy infrastructure and replace the finance and operations ' +
    'back office. Governed by the Portfolio Management Office and reviewed monthly by the Executive Committee.',
};

export const PROGRAMMES: ProgrammeSpec[] = [
  {
    code: 'PRG-DIGITAL',
    name: 'Digital Customer Programme',
    description:
      'Moves customer service online: a self-service portal, a relaunched mobile app, one CRM instead of three, ' +
      'e-invoicing and a modern contact centre. Target benefit: 30 % fewer calls and a customer effort score ' +
      'below 2.5 within eighteen months of go-live.',
    sponsor: 'nadia',
    manager: 'fiona',
  },
  {
    code: 'PRG-INFRA',
    name: 'Infrastructure Modernisation Programme',
    description:
      'Retires the Harlow data centre, moves workloads to the cloud landing zone, replaces the WAN with SD-WAN, ' +
      'refreshes end-user devices and puts identity and disaster recovery on a supported footing.',
    sponsor: 'robert',
    manager: 'kenji',
  },
  {
    code: 'PRG-FINOPS',
    name: 'Finance and Operations Transformation',
    description:
      'Replaces the 20-year-old ERP, source-to-pay and payroll systems with one cloud suite, builds the ' +
      'enterprise data platform that reports on it, and brings records retention into line with GDPR.',
    sponsor: 'catherine',
    manager: 'isabel',
  },
];

export const PROJECTS: ProjectSpec[] = [
  {
    code: 'CUST-PORTAL',
    name: 'Customer Self-Service Portal',
    programme: 'PRG-DIGITAL',
    description:
      'A secure web portal where retail and business customers view accounts, download statements, raise and ' +
      'track service requests and update their details without calling the contact centre.',
    manager: 'sarah',
    sponsor: 'nadia',
    startOffset: -11,
    months: 18,
    budget: 2_400_000,
    capexShare: 0.2,
    managementReserve: true,
    costFactor: 1.12,
    scheduleFactor: 0.93,
    tolerances: { costPercent: 10, scheduleDays: 14 },
    changeBudgetPercent: 4,
    suppliers: { labour: 'Kestrel Digital Ltd', capex: 'Vertex Software Licensing', opex: 'Stratus Cloud Services' },
    managerPercent: 60,
    team: [
      { person: 'emma', role: 'Business Analyst', percent: 60 },
      { person: 'lena', role: 'UX Designer', percent: 80 },
      { person: 'lucas', role: 'Lead Developer', percent: 50 },
      { person: 'hannah', role: 'Test Lead', percent: 40 },
    ],
    milestones: [
      'Discovery and customer research',
      'Service design and accessibility review',
      'Identity and single sign-on integration',
      'Account and statement features',
      'Service request tracking and CRM integration',
      'Penetration test and performance test',
      'Private beta with 2,000 customers',
      'Public launch and contact-centre deflection campaign',
    ],
    risks: [
      'CRM integration depends on the CRM Consolidation project delivering its customer API on time.',
      'Accessibility (WCAG 2.2 AA) findings may require rework of the statement viewer.',
      'Penetration test may surface findings that delay the private beta.',
      'Contact-centre staff may not promote the portal without targeted training.',
    ],
    issues: [
      'Single sign-on vendor patch delayed by three weeks; workaround agreed with Information Security.',
      'Two front-end contractors left; replacements onboarding.',
      'Statement PDF rendering too slow for customers with more than 5,000 transactions.',
    ],
    overdueDocuments: ['communication-plan'],
  },
  {
    code: 'MOBILE-APP',
    name: 'Mobile App Relaunch',
    programme: 'PRG-DIGITAL',
    description:
      'Rebuilds the iOS and Android apps on one cross-platform code base with biometric login, push ' +
      'notifications and the portal features, replacing two apps rated 2.1 stars.',
    manager: 'olivia',
    sponsor: 'nadia',
    startOffset: -7,
    months: 14,
    budget: 1_100_000,
    capexShare: 0.1,
    managementReserve: false,
    costFactor: 0.95,
    scheduleFactor: 1.02,
    tolerances: { costPercent: 5, scheduleDays: 10 },
    changeBudgetPercent: 8,
    suppliers: { labour: 'Kestrel Digital Ltd', capex: 'Vertex Software Licensing', opex: 'Stratus Cloud Services' },
    managerPercent: 50,
    team: [
      { person: 'lena', role: 'UX Designer', percent: 20 },
      { person: 'lucas', role: 'Mobile Developer', percent: 40 },
      { person: 'hannah', role: 'Test Lead', percent: 30 },
    ],
    milestones: [
      'App store analysis and design system',
      'Cross-platform foundation and biometric login',
      'Accounts, payments and notifications',
      'Beta with staff and friendly customers',
      'Store submission and phased rollout',
    ],
    risks: [
      'App store review may reject the release over the payments flow.',
      'Biometric login depends on the Identity and Access Management token service.',
      'Customers on old Android versions cannot be supported by the new framework.',
    ],
    issues: [
      'Push notification provider contract awaiting procurement sign-off.',
      'Beta feedback requests dark mode; triaged as a change request.',
    ],
    overdueDocuments: [],
  },
  {
    code: 'CRM-CONSOL',
    name: 'CRM Consolidation',
    programme: 'PRG-DIGITAL',
    description:
      'Consolidates the three CRM systems inherited from past acquisitions into one cloud CRM with a single ' +
      'customer record, and publishes a customer API for the portal and the app.',
    manager: 'olivia',
    sponsor: 'nadia',
    startOffset: -15,
    months: 20,
    budget: 3_200_000,
    capexShare: 0.25,
    managementReserve: true,
    costFactor: 1.22,
    scheduleFactor: 0.84,
    tolerances: { costPercent: 10, scheduleDays: 20 },
    changeBudgetPercent: 3,
    suppliers: { labour: 'Bluefin Systems Integration', capex: 'Vertex Software Licensing', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 20,
    team: [
      { person: 'emma', role: 'Business Analyst', percent: 40 },
      { person: 'samuel', role: 'Integration Developer', percent: 70 },
      { person: 'zara', role: 'Data Migration Engineer', percent: 50 },
      { person: 'noah', role: 'Solution Architect', percent: 30 },
    ],
    milestones: [
      'Requirements and vendor configuration baseline',
      'Customer data model and matching rules',
      'Data cleansing of 1.8 million customer records',
      'Migration rehearsal one',
      'Customer API for portal and app',
      'Migration rehearsal two and business acceptance',
      'Cutover of legacy CRM A and B',
      'Decommissioning of legacy CRMs',
    ],
    risks: [
      'Duplicate rate in legacy data (14 %) may exceed what the matching rules can resolve automatically.',
      'Vendor licence true-up at renewal could add 8 % to run costs.',
      'Sales teams may resist the new opportunity workflow.',
      'Customer API delays would hold up the portal and the app.',
    ],
    issues: [
      'Migration rehearsal one failed reconciliation for business customers; rerun planned.',
      'Integration partner day rates increased after contract extension.',
      'Legacy CRM B vendor support ends before the planned cutover; extended support being negotiated.',
    ],
    overdueDocuments: ['risk-register', 'project-plan'],
  },
  {
    code: 'E-INVOICE',
    name: 'E-Invoicing and Online Payments',
    programme: 'PRG-DIGITAL',
    description:
      'Sends invoices electronically (Peppol) to business customers and lets every customer pay online by card ' +
      'or open banking, cutting paper and postage and shortening debtor days.',
    manager: 'olivia',
    sponsor: 'catherine',
    startOffset: -4,
    months: 12,
    budget: 650_000,
    capexShare: 0.15,
    managementReserve: false,
    costFactor: 0.9,
    scheduleFactor: 1.0,
    tolerances: { costPercent: 8, scheduleDays: 10 },
    changeBudgetPercent: 10,
    suppliers: { labour: 'Harbour Street Partners', capex: 'Vertex Software Licensing', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 30,
    team: [
      { person: 'tom', role: 'Finance Systems Analyst', percent: 50 },
      { person: 'samuel', role: 'Integration Developer', percent: 20 },
    ],
    milestones: [
      'Payment service provider selection',
      'Peppol access point onboarding',
      'Invoice and payment integration with billing',
      'PCI DSS assessment',
      'Rollout to business customers, then retail',
    ],
    risks: [
      'PCI DSS scope could widen if card data touches the billing system.',
      'Business customers may be slow to register for Peppol delivery.',
    ],
    issues: ['Billing system test environment shared with the ERP project; booking conflicts.'],
    overdueDocuments: [],
  },
  {
    code: 'CC-TELEPHONY',
    name: 'Contact Centre Telephony Replacement',
    programme: 'PRG-DIGITAL',
    description:
      'Replaces the end-of-life on-premises call centre platform with cloud telephony, call recording and ' +
      'omnichannel routing for 320 agents.',
    manager: 'rajesh',
    sponsor: 'nadia',
    startOffset: -14,
    months: 12,
    budget: 900_000,
    capexShare: 0.2,
    managementReserve: false,
    costFactor: 1.03,
    scheduleFactor: 0.98,
    tolerances: { costPercent: 10, scheduleDays: 14 },
    changeBudgetPercent: 3,
    suppliers: { labour: 'Northbridge Consulting', capex: 'Corvid Networks', opex: 'Stratus Cloud Services' },
    managerPercent: 40,
    team: [
      { person: 'oscar', role: 'Network Engineer', percent: 30 },
      { person: 'mia', role: 'Training Lead', percent: 30 },
    ],
    milestones: [
      'Platform selection and contract',
      'Number porting plan and network readiness',
      'Routing, IVR and call recording build',
      'Pilot with the collections team',
      'Wave rollout to all 320 agents',
      'Legacy platform switch-off',
    ],
    risks: [
      'Number porting windows are set by the carrier and may slip.',
      'Call recording retention must meet FCA requirements from day one.',
    ],
    issues: ['IVR menu wording awaiting sign-off from Customer Operations.'],
    overdueDocuments: ['lessons-log'],
  },
  {
    code: 'DC-EXIT',
    name: 'Harlow Data Centre Exit',
    programme: 'PRG-INFRA',
    description:
      'Migrates 640 servers and 210 applications out of the Harlow data centre before the lease ends: ' +
      'rehost to the cloud landing zone, replatform where it pays, retire the rest.',
    manager: 'rajesh',
    sponsor: 'robert',
    startOffset: -14,
    months: 24,
    budget: 5_600_000,
    capexShare: 0.3,
    managementReserve: true,
    costFactor: 1.06,
    scheduleFactor: 0.95,
    tolerances: { costPercent: 7, scheduleDays: 30 },
    changeBudgetPercent: 3,
    suppliers: { labour: 'Northbridge Consulting', capex: 'Atlas Hardware Supply', opex: 'Stratus Cloud Services' },
    managerPercent: 60,
    team: [
      { person: 'ethan', role: 'Infrastructure Engineer', percent: 80 },
      { person: 'noah', role: 'Cloud Architect', percent: 40 },
      { person: 'oscar', role: 'Network Engineer', percent: 30 },
    ],
    milestones: [
      'Application discovery and dependency mapping',
      'Cloud landing zone and connectivity',
      'Migration wave 1: non-production workloads',
      'Migration wave 2: internal business applications',
      'Migration wave 3: customer-facing systems',
      'Mainframe interface re-engineering',
      'Final wave and data centre decommissioning',
      'Lease exit and hardware disposal',
    ],
    risks: [
      'Lease end date is fixed; any slip beyond it costs 95,000 EUR per month in extension fees.',
      'Undocumented dependencies between legacy applications may break during migration.',
      'Cloud run costs may exceed forecast without reserved-instance commitments.',
      'Key infrastructure engineers are also needed by the End-User Device Refresh.',
    ],
    issues: [
      'Wave 2 paused for one week after an undocumented batch dependency failed.',
      'Reserved-instance purchase awaiting Finance approval.',
      'Two legacy applications have no identified business owner.',
    ],
    overdueDocuments: ['risk-register'],
  },
  {
    code: 'NET-SDWAN',
    name: 'SD-WAN Network Refresh',
    programme: 'PRG-INFRA',
    description:
      'Replaces MPLS links at 84 branches and three offices with SD-WAN and local internet breakout, ' +
      'halving network cost per site.',
    manager: 'chloe',
    sponsor: 'robert',
    startOffset: -9,
    months: 12,
    budget: 1_400_000,
    capexShare: 0.45,
    managementReserve: false,
    costFactor: 0.88,
    scheduleFactor: 1.04,
    tolerances: { costPercent: 10, scheduleDays: 14 },
    changeBudgetPercent: 4,
    suppliers: { labour: 'Northbridge Consulting', capex: 'Corvid Networks', opex: 'Corvid Networks' },
    managerPercent: 50,
    team: [
      { person: 'oscar', role: 'Network Engineer', percent: 40 },
      { person: 'ethan', role: 'Infrastructure Engineer', percent: 10 },
    ],
    milestones: [
      'Design and pilot at three branches',
      'Carrier contracts and circuit orders',
      'Rollout wave 1: 30 branches',
      'Rollout wave 2: 54 branches and offices',
      'MPLS contract termination',
    ],
    risks: [
      'Circuit lead times for rural branches can exceed 90 days.',
      'Branch opening hours limit installation windows.',
    ],
    issues: ['Six rural branches still waiting for circuits; 4G backup deployed meanwhile.'],
    overdueDocuments: [],
  },
  {
    code: 'IAM',
    name: 'Identity and Access Management',
    programme: 'PRG-INFRA',
    description:
      'Introduces one identity provider with multi-factor authentication, joiner-mover-leaver automation and ' +
      'quarterly access recertification for staff, and a token service for customer channels.',
    manager: 'sarah',
    sponsor: 'paul',
    startOffset: -6,
    months: 15,
    budget: 1_250_000,
    capexShare: 0.2,
    managementReserve: false,
    costFactor: 1.15,
    scheduleFactor: 0.9,
    tolerances: { costPercent: 10, scheduleDays: 14 },
    changeBudgetPercent: 4,
    suppliers: { labour: 'Harbour Street Partners', capex: 'Vertex Software Licensing', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 40,
    team: [
      { person: 'noah', role: 'Security Architect', percent: 20 },
      { person: 'samuel', role: 'Integration Developer', percent: 10 },
    ],
    milestones: [
      'Identity provider selection',
      'Multi-factor authentication for all staff',
      'Joiner-mover-leaver automation with the HR platform',
      'Customer token service for portal and app',
      'Access recertification campaigns',
      'Legacy directory decommissioning',
    ],
    risks: [
      'Joiner-mover-leaver automation depends on the HR and Payroll Platform data feed.',
      'Legacy applications without SAML or OIDC support need bespoke connectors.',
      'Staff may resist MFA prompts on shared branch terminals.',
    ],
    issues: [
      'Connector for the core banking system needs vendor professional services (unbudgeted).',
      'MFA rollout to branches paused pending hardware tokens.',
    ],
    overdueDocuments: ['project-initiation-document'],
  },
  {
    code: 'EUD-REFRESH',
    name: 'End-User Device Refresh',
    programme: 'PRG-INFRA',
    description:
      'Replaces 2,900 laptops and desktops out of warranty, moves staff to Windows 11 with cloud device ' +
      'management, and recycles old devices through a certified partner.',
    manager: 'chloe',
    sponsor: 'robert',
    startOffset: -13,
    months: 12,
    budget: 2_100_000,
    capexShare: 0.6,
    managementReserve: false,
    costFactor: 0.97,
    scheduleFactor: 1.0,
    tolerances: { costPercent: 5, scheduleDays: 14 },
    changeBudgetPercent: 2,
    suppliers: { labour: 'Northbridge Consulting', capex: 'Atlas Hardware Supply', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 40,
    team: [
      { person: 'ethan', role: 'Device Engineer', percent: 10 },
      { person: 'mia', role: 'Training Lead', percent: 20 },
    ],
    milestones: [
      'Device standards and image build',
      'Cloud device management enrolment',
      'Pilot with the PMO and IT',
      'Site-by-site deployment',
      'Old device recovery and certified recycling',
    ],
    risks: ['Chip supply constraints could delay laptop deliveries.', 'Line-of-business apps may not run on Windows 11.'],
    issues: ['Forty branch scanners need new drivers for Windows 11.'],
    overdueDocuments: [],
  },
  {
    code: 'DR-BACKUP',
    name: 'Backup and Disaster Recovery Modernisation',
    programme: 'PRG-INFRA',
    description:
      'Replaces tape backup with immutable cloud backup and a tested disaster recovery plan for the 40 most ' +
      'critical services, meeting a four-hour recovery time objective.',
    manager: 'rajesh',
    sponsor: 'robert',
    startOffset: 2,
    months: 12,
    budget: 800_000,
    capexShare: 0.3,
    managementReserve: false,
    costFactor: 1,
    scheduleFactor: 1,
    tolerances: { costPercent: 10, scheduleDays: 14 },
    changeBudgetPercent: 4,
    suppliers: { labour: 'Northbridge Consulting', capex: 'Atlas Hardware Supply', opex: 'Stratus Cloud Services' },
    managerPercent: 20,
    team: [{ person: 'ethan', role: 'Infrastructure Engineer', percent: 20 }],
    milestones: [
      'Business impact analysis',
      'Backup platform selection',
      'Immutable backup rollout',
      'Disaster recovery runbooks',
      'Full disaster recovery test',
    ],
    risks: ['Recovery objectives may not be agreed by all service owners before design starts.'],
    issues: [],
    overdueDocuments: [],
  },
  {
    code: 'ERP-REPL',
    name: 'ERP Replacement',
    programme: 'PRG-FINOPS',
    description:
      'Replaces the 20-year-old on-premises ERP with a cloud ERP suite for general ledger, accounts payable and ' +
      'receivable, fixed assets and management reporting across seven legal entities.',
    manager: 'marcus',
    sponsor: 'catherine',
    startOffset: -10,
    months: 24,
    budget: 6_800_000,
    capexShare: 0.3,
    managementReserve: true,
    costFactor: 1.18,
    scheduleFactor: 0.88,
    tolerances: { costPercent: 10, scheduleDays: 30 },
    changeBudgetPercent: 3,
    suppliers: { labour: 'Bluefin Systems Integration', capex: 'Vertex Software Licensing', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 80,
    team: [
      { person: 'tom', role: 'Finance Systems Analyst', percent: 50 },
      { person: 'samuel', role: 'Integration Developer', percent: 30 },
      { person: 'zara', role: 'Data Migration Engineer', percent: 30 },
      { person: 'mia', role: 'Business Change Lead', percent: 30 },
    ],
    milestones: [
      'Vendor selection and contract signature',
      'Global design workshops',
      'Build and configuration: record to report',
      'Build and configuration: procure to pay and order to cash',
      'Data migration rehearsals',
      'Integrated system testing',
      'User acceptance testing with all seven entities',
      'Cutover at year end and hypercare',
    ],
    risks: [
      'Year-end cutover window is fixed; missing it moves go-live by twelve months.',
      'Customisations requested by two entities break the fit-to-standard approach.',
      'Finance staff availability for testing clashes with quarter-end close.',
      'Integration partner staffing below plan.',
    ],
    issues: [
      'Chart of accounts redesign not yet signed off by all entity controllers.',
      'Systems integrator invoiced change requests above the authorised amount.',
      'Data migration defects in fixed assets history.',
    ],
    overdueDocuments: ['risk-register', 'communication-plan'],
  },
  {
    code: 'S2P',
    name: 'Source-to-Pay',
    programme: 'PRG-FINOPS',
    description:
      'Introduces guided buying, supplier onboarding and e-sourcing on the new ERP suite so that 90 % of ' +
      'third-party spend goes through a purchase order.',
    manager: 'marcus',
    sponsor: 'sofia',
    startOffset: -5,
    months: 14,
    budget: 1_300_000,
    capexShare: 0.15,
    managementReserve: false,
    costFactor: 1.0,
    scheduleFactor: 0.97,
    tolerances: { costPercent: 10, scheduleDays: 14 },
    changeBudgetPercent: 4,
    suppliers: { labour: 'Bluefin Systems Integration', capex: 'Vertex Software Licensing', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 20,
    team: [
      { person: 'yasmin', role: 'Procurement Specialist', percent: 60 },
      { person: 'tom', role: 'Finance Systems Analyst', percent: 20 },
    ],
    milestones: [
      'Procurement policy and approval matrix',
      'Supplier onboarding portal',
      'Guided buying catalogues',
      'E-sourcing events',
      'Rollout and PO compliance reporting',
    ],
    risks: [
      'Depends on ERP Replacement procure-to-pay build.',
      'Suppliers may not adopt the onboarding portal.',
    ],
    issues: ['Approval matrix disputed by Facilities.'],
    overdueDocuments: [],
  },
  {
    code: 'HR-PAYROLL',
    name: 'HR and Payroll Platform',
    programme: 'PRG-FINOPS',
    description:
      'Moves core HR, payroll and absence management for 4,300 employees to a cloud platform, with employee ' +
      'and manager self-service and a feed for identity management.',
    manager: 'aisha',
    sponsor: 'michael',
    startOffset: -8,
    months: 16,
    budget: 1_900_000,
    capexShare: 0.15,
    managementReserve: false,
    costFactor: 0.93,
    scheduleFactor: 1.01,
    tolerances: { costPercent: 10, scheduleDays: 7 },
    changeBudgetPercent: 4,
    suppliers: { labour: 'Harbour Street Partners', capex: 'Vertex Software Licensing', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 100,
    team: [
      { person: 'mia', role: 'Business Change Lead', percent: 20 },
      { person: 'hannah', role: 'Test Lead', percent: 30 },
    ],
    milestones: [
      'Requirements and payroll rules catalogue',
      'Core HR configuration',
      'Payroll parallel run one',
      'Payroll parallel run two',
      'Self-service rollout',
      'Legacy payroll decommissioning',
    ],
    risks: [
      'Parallel payroll runs must reconcile to the penny before go-live.',
      'Pension auto-enrolment rules differ between two legal entities.',
    ],
    issues: ['Parallel run one showed 37 differences in overtime calculation.'],
    overdueDocuments: ['risk-register'],
  },
  {
    code: 'DATA-PLATFORM',
    name: 'Enterprise Data Platform',
    programme: 'PRG-FINOPS',
    description:
      'Builds a governed cloud data platform with a finance data mart, customer 360 and self-service ' +
      'dashboards, replacing nine departmental reporting databases.',
    manager: 'liam',
    sponsor: 'david',
    startOffset: -3,
    months: 18,
    budget: 2_700_000,
    capexShare: 0.2,
    managementReserve: true,
    costFactor: 1.04,
    scheduleFactor: 0.96,
    tolerances: { costPercent: 10, scheduleDays: 21 },
    changeBudgetPercent: 4,
    suppliers: { labour: 'Kestrel Digital Ltd', capex: 'Vertex Software Licensing', opex: 'Stratus Cloud Services' },
    managerPercent: 100,
    team: [
      { person: 'zara', role: 'Data Engineer', percent: 20 },
      { person: 'noah', role: 'Data Architect', percent: 10 },
    ],
    milestones: [
      'Data platform architecture and governance model',
      'Ingestion from ERP, CRM and payroll',
      'Finance data mart',
      'Customer 360',
      'Self-service dashboards and training',
      'Retirement of departmental reporting databases',
    ],
    risks: [
      'Source systems are themselves being replaced during the project.',
      'Data quality issues in CRM will surface in customer 360.',
    ],
    issues: ['Data owner for product data not yet appointed.'],
    overdueDocuments: [],
  },
  {
    code: 'GDPR-RETENTION',
    name: 'Records Retention and GDPR Compliance',
    programme: 'PRG-FINOPS',
    description:
      'Defines retention schedules for every customer and employee record type and automates deletion in the ' +
      'systems that hold them, closing the findings of the last regulatory audit.',
    manager: 'aisha',
    sponsor: 'catherine',
    startOffset: -16,
    months: 13,
    budget: 450_000,
    capexShare: 0.05,
    managementReserve: false,
    costFactor: 0.98,
    scheduleFactor: 1.0,
    tolerances: { costPercent: 10, scheduleDays: 14 },
    changeBudgetPercent: 3,
    suppliers: { labour: 'Harbour Street Partners', capex: 'Vertex Software Licensing', opex: 'Nimbus SaaS Ltd' },
    managerPercent: 30,
    team: [{ person: 'zara', role: 'Data Engineer', percent: 10 }],
    milestones: [
      'Records inventory',
      'Retention schedule approval by Legal',
      'Automated deletion in CRM and payroll',
      'Audit evidence pack',
    ],
    risks: ['Legal hold requests may conflict with automated deletion.'],
    issues: [],
    overdueDocuments: ['end-project-report'],
  },
];

export const STANDARDS: StandardSpec[] = [
  {
    code: 'STD-BC',
    title: 'Business Case Standard',
    version: '2.1',
    category: 'governance',
    mandatory: true,
    appliesToStates: ['proposed', 'initiating'],
    requiredDocumentTypes: ['business-case', 'project-brief'],
    purpose:
      'Every investment is justified by a business case that states the options considered, the expected ' +
      'benefits and dis-benefits, costs, timescales and major risks, and that remains valid throughout the project.',
    rules: [
      'A project brief is approved before initiation starts.',
      'The business case compares at least three options, including "do nothing".',
      'Benefits are measurable, owned by a named person and dated.',
      'The business case is reviewed at every gate and whenever cost or benefits move beyond tolerance.',
    ],
    checklist: [
      { text: 'Options appraisal includes "do nothing" and "do minimum".', mustMeet: true },
      { text: 'Each benefit has an owner, a measure, a baseline and a target date.', mustMeet: true },
      { text: 'Whole-life costs are reconciled with Finance.', mustMeet: true },
      { text: 'Sensitivity analysis on the three largest assumptions.', mustMeet: false },
    ],
    templates: [
      {
        title: 'Business case template',
        documentType: 'business-case',
        version: '2.1',
        sections: [
          { heading: 'Executive summary', guidance: 'One page: the problem, the recommended option, cost, benefits and timescale.' },
          { heading: 'Reasons and strategic fit', guidance: 'Why now, and which strategic objective this serves.' },
          { heading: 'Options appraisal', guidance: 'Do nothing, do minimum and at least one "do something" option, compared on the same criteria.' },
          { heading: 'Expected benefits and dis-benefits', guidance: 'Measurable, owned and dated.' },
          { heading: 'Costs and timescale', guidance: 'Whole-life costs by year, agreed with your Finance Business Partner.' },
          { heading: 'Major risks', guidance: 'The risks that could change the investment decision.' },
        ],
      },
      {
        title: 'Project brief template',
        documentType: 'project-brief',
        version: '1.3',
        sections: [
          { heading: 'Project definition', guidance: 'Background, objectives, scope and exclusions, constraints.' },
          { heading: 'Outline business case', guidance: 'Why the project is worth initiating.' },
          { heading: 'Project approach', guidance: 'Build or buy, delivery method, key suppliers.' },
          { heading: 'Project management team', guidance: 'Sponsor, senior user, senior supplier, project manager.' },
        ],
      },
    ],
  },
  {
    code: 'STD-GATE',
    title: 'Stage-Gate Governance Standard',
    version: '3.0',
    category: 'governance',
    mandatory: true,
    appliesToStates: ['initiating', 'planning', 'executing', 'closing'],
    requiredDocumentTypes: ['project-initiation-document', 'project-plan'],
    purpose:
      'Projects pass five decision gates, following the OGC Gateway numbering, at which the sponsor and the PMO ' +
      'decide whether the project should continue, on the evidence of its documents and its standards compliance.',
    rules: [
      'Gate 1 (business justification) before initiation; gate 2 (delivery strategy) before planning.',
      'Gate 3 (investment decision) needs a baselined budget and an approved project initiation document.',
      'Gate 4 (readiness for service) before closing; gate 5 (benefits realisation) before closure.',
      'A conditional go records each condition with an owner and a due date.',
    ],
    checklist: [
      { text: 'Gate review pack circulated five working days before the review.', mustMeet: true },
      { text: 'Mandatory standards for the next state assessed compliant.', mustMeet: true },
      { text: 'Conditions from the previous gate closed or re-dated with sponsor approval.', mustMeet: true },
      { text: 'Independent reviewer from outside the programme for gates 3 and 4.', mustMeet: false },
    ],
    templates: [
      {
        title: 'Project initiation document template',
        documentType: 'project-initiation-document',
        version: '3.0',
        sections: [
          { heading: 'Project definition and approach', guidance: 'Refined from the project brief.' },
          { heading: 'Business case', guidance: 'The detailed business case, or a reference to it.' },
          { heading: 'Organisation and roles', guidance: 'The project board, project assurance, change authority.' },
          { heading: 'Management approaches', guidance: 'Quality, risk, change control and communication.' },
          { heading: 'Project plan and controls', guidance: 'Stages, tolerances, reporting and escalation.' },
        ],
      },
      {
        title: 'End stage report template',
        documentType: 'end-stage-report',
        version: '2.0',
        sections: [
          { heading: 'Stage performance', guidance: 'Against the stage plan: time, cost, scope, quality, risk, benefits.' },
          { heading: 'Business case review', guidance: 'Is the project still desirable, viable and achievable?' },
          { heading: 'Forecast for the next stage', guidance: 'And the request for the gate decision.' },
        ],
      },
      {
        title: 'End project report template',
        documentType: 'end-project-report',
        version: '2.0',
        sections: [
          { heading: 'Project performance', guidance: 'Against the baselined project initiation document.' },
          { heading: 'Benefits achieved and still to come', guidance: 'With the post-project benefits review plan.' },
          { heading: 'Handover and follow-on actions', guidance: 'Open issues and risks handed to operations.' },
        ],
      },
    ],
  },
  {
    code: 'STD-RISK',
    title: 'Risk Management Standard',
    version: '2.0',
    category: 'risk',
    mandatory: true,
    appliesToStates: ['initiating', 'planning', 'executing', 'closing'],
    requiredDocumentTypes: ['risk-register', 'issue-register'],
    purpose:
      'Risks and issues are identified, assessed, owned and actioned continuously, and escalated when they ' +
      'threaten tolerances.',
    rules: [
      'Every project keeps a risk register and an issue register from initiation.',
      'Each risk has an owner, a probability, an impact, a proximity and a response.',
      'The risk register is reviewed at least every 30 days and at every gate.',
      'Risks that threaten a tolerance are escalated to the programme within two working days.',
    ],
    checklist: [
      { text: 'Risk register reviewed within the last 30 days.', mustMeet: true },
      { text: 'Every high risk has an owner and a funded response.', mustMeet: true },
      { text: 'Issues older than 30 days have an agreed resolution date.', mustMeet: false },
    ],
    templates: [
      {
        title: 'Risk register template',
        documentType: 'risk-register',
        version: '2.0',
        sections: [
          { heading: 'Risk description', guidance: 'Cause, event, effect.' },
          { heading: 'Assessment', guidance: 'Probability and impact on a 1–5 scale, proximity, expected value.' },
          { heading: 'Response and owner', guidance: 'Avoid, reduce, fallback, transfer, share, accept or exploit.' },
        ],
      },
      {
        title: 'Issue register template',
        documentType: 'issue-register',
        version: '1.2',
        sections: [
          { heading: 'Issue', guidance: 'Type (request for change, off-specification, problem), description, raised by.' },
          { heading: 'Priority and severity', guidance: 'And whether it needs a change request.' },
          { heading: 'Resolution', guidance: 'Owner, action and target date.' },
        ],
      },
    ],
  },
  {
    code: 'STD-FIN',
    title: 'Financial Control Standard',
    version: '1.4',
    category: 'finance',
    mandatory: true,
    appliesToStates: ['planning', 'executing', 'closing'],
    requiredDocumentTypes: ['project-plan'],
    purpose:
      'Budgets are baselined by month and category before delivery starts; actual costs are booked monthly; ' +
      'earned value is reported to Finance every month.',
    rules: [
      'The budget is baselined by month and category (labour, capex, opex, contingency) at gate 3.',
      'Contingency is held by the project; management reserve is released only by the PMO director.',
      'Actual costs are booked by the fifth working day of the following month.',
      'A forecast outside the cost tolerance is escalated as an exception report.',
    ],
    checklist: [
      { text: 'Budget baselined by month and category.', mustMeet: true },
      { text: 'Actuals reconciled with the general ledger each month.', mustMeet: true },
      { text: 'Cost performance index reviewed at each highlight report.', mustMeet: true },
      { text: 'Change budget drawdowns traced to authorised change requests.', mustMeet: true },
    ],
    templates: [
      {
        title: 'Highlight report template',
        documentType: 'highlight-report',
        version: '1.4',
        sections: [
          { heading: 'Status summary', guidance: 'Overall RAG and the headline in two sentences.' },
          { heading: 'Financials', guidance: 'BAC, actual cost, earned value, CPI and SPI, forecast at completion.' },
          { heading: 'Products completed and next period', guidance: 'Against the stage plan.' },
          { heading: 'Risks, issues and changes', guidance: 'Only those that need the board\'s attention.' },
        ],
      },
    ],
  },
  {
    code: 'STD-DOC',
    title: 'Documentation Standard',
    version: '1.2',
    category: 'documentation',
    mandatory: true,
    appliesToStates: ['initiating', 'planning', 'executing', 'closing', 'closed'],
    requiredDocumentTypes: ['communication-plan'],
    purpose:
      'Project and programme documents have a named owner, a version, an approval and a review cycle, and are ' +
      'kept current; an overdue review is visible to the PMO.',
    rules: [
      'Every document has an owner and a review cycle in days.',
      'Approved documents are reviewed before their next review date.',
      'Superseded versions are kept and marked superseded, never deleted.',
      'Documents are created from the current PMO template where one exists.',
    ],
    checklist: [
      { text: 'No document overdue for review.', mustMeet: true },
      { text: 'Documents created from the current template.', mustMeet: false },
      { text: 'Lessons log updated at the end of every stage.', mustMeet: false },
    ],
    templates: [
      {
        title: 'Communication plan template',
        documentType: 'communication-plan',
        version: '1.2',
        sections: [
          { heading: 'Stakeholders', guidance: 'Interest, influence and what each needs to hear.' },
          { heading: 'Channels and frequency', guidance: 'Who sends what, how often, through which channel.' },
          { heading: 'Feedback', guidance: 'How the project will know that its messages landed.' },
        ],
      },
      {
        title: 'Lessons log template',
        documentType: 'lessons-log',
        version: '1.0',
        sections: [
          { heading: 'Lesson', guidance: 'What happened, what worked or did not, and why.' },
          { heading: 'Recommendation', guidance: 'What future projects should do differently.' },
        ],
      },
    ],
  },
  {
    code: 'STD-CHG',
    title: 'Change Control Standard',
    version: '1.1',
    category: 'change',
    mandatory: true,
    appliesToStates: ['planning', 'executing'],
    requiredDocumentTypes: ['issue-register'],
    purpose:
      'Changes to an approved baseline are raised, assessed and decided at the right level of authority before ' +
      'they are implemented, and their cost is drawn from the change budget.',
    rules: [
      'Changes within the project\'s tolerance are decided by the project manager.',
      'Changes beyond tolerance go to the change board (two members, not the requester).',
      'Changes beyond the change authority limit go to the PMO director.',
      'Emergency changes are authorised before implementation and reviewed afterwards.',
    ],
    checklist: [
      { text: 'Every change request has an impact assessment on cost, time, scope, quality, risk and benefits.', mustMeet: true },
      { text: 'Decisions taken at the right authority level.', mustMeet: true },
      { text: 'Baseline updated after each authorised change.', mustMeet: true },
    ],
    templates: [
      {
        title: 'Change request form',
        documentType: 'other',
        version: '1.1',
        sections: [
          { heading: 'Description and reason', guidance: 'What should change, and why.' },
          { heading: 'Impact', guidance: 'Cost, schedule days, scope, quality, risk, benefits.' },
          { heading: 'Options and recommendation', guidance: 'Including the option of not making the change.' },
        ],
      },
    ],
  },
  {
    code: 'STD-BEN',
    title: 'Benefits Realisation Standard',
    version: '1.0',
    category: 'benefits',
    mandatory: false,
    appliesToStates: ['closing', 'closed'],
    requiredDocumentTypes: ['benefits-management-approach', 'end-project-report'],
    purpose:
      'Benefits are tracked after the project closes until they are realised, so that the portfolio learns ' +
      'which investments paid off.',
    rules: [
      'Each programme keeps a benefits management approach.',
      'Benefit owners report measured benefits quarterly for two years after closure.',
    ],
    checklist: [
      { text: 'Benefits handed over to named business owners.', mustMeet: true },
      { text: 'Post-project benefits review scheduled.', mustMeet: false },
    ],
    templates: [
      {
        title: 'Benefits management approach template',
        documentType: 'benefits-management-approach',
        version: '1.0',
        sections: [
          { heading: 'Benefits map', guidance: 'From project outputs to outcomes to strategic objectives.' },
          { heading: 'Measurement', guidance: 'Baselines, measures, frequency and owners.' },
          { heading: 'Reviews', guidance: 'When benefits are reviewed and by whom.' },
        ],
      },
    ],
  },
];

/** Natural keys of everything the catalog defines, for tests and for counting demo rows. */
export const DEMO_KEYS = {
  portfolio: PORTFOLIO.code,
  programmes: PROGRAMMES.map((p) => p.code),
  projects: PROJECTS.map((p) => p.code),
  people: PEOPLE.map((p) => p.email),
  departments: DEPARTMENTS.map((d) => d.name),
  standards: STANDARDS.map((s) => s.code),
};
