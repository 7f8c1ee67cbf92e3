/**
 * The demo's admin-panel accounts: one super admin and one user per PMO role. Demo only: the
 * password is fixed and documented, and `npm run demo` refuses to run with NODE_ENV=production.
 * Pure data, imported by the loader and by scripts/demo.js to print the credentials.
 */

export const DEMO_DOMAIN = 'demo.pmo-hub.local';

/** Strapi's rules: at least 8 characters with an upper-case letter, a lower-case letter and a digit. */
export const DEMO_PASSWORD = 'Demo-Pass-1234';

export const SUPER_ADMIN_ROLE = 'strapi-super-admin';

export type PmoRoleCode =
  | 'pmo-director'
  | 'pmo-manager'
  | 'pmo-analyst'
  | 'pmo-administrator'
  | 'project-manager'
  | 'change-board'
  | 'finance';

export type DemoAccount = {
  email: string;
  firstname: string;
  lastname: string;
  /** The admin role's `code`. */
  roleCode: PmoRoleCode | typeof SUPER_ADMIN_ROLE;
  /** The linked person's `pmoRole` (the super admin is the PMO's platform administrator). */
  pmoRole: PmoRoleCode;
  jobTitle: string;
  /** Name of the person's department. */
  department: string;
};

const email = (local: string) => `${local}@${DEMO_DOMAIN}`;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: email('admin'),
    firstname: 'Alex',
    lastname: 'Morgan',
    roleCode: SUPER_ADMIN_ROLE,
    pmoRole: 'pmo-administrator',
    jobTitle: 'PMO Hub platform administrator',
    department: 'Portfolio Management Office',
  },
  {
    email: email('director'),
    firstname: 'Helen',
    lastname: 'Marsh',
    roleCode: 'pmo-director',
    pmoRole: 'pmo-director',
    jobTitle: 'Director, Portfolio Management Office',
    department: 'Portfolio Management Office',
  },
  {
    email: email('pmo.manager'),
    firstname: 'Tomás',
    lastname: 'Rivera',
    roleCode: 'pmo-manager',
    pmoRole: 'pmo-manager',
    jobTitle: 'PMO Manager',
    department: 'Portfolio Management Office',
  },
  {
    email: email('analyst'),
    firstname: 'Priya',
    lastname: 'Nair',
    roleCode: 'pmo-analyst',
    pmoRole: 'pmo-analyst',
    jobTitle: 'Senior PMO Analyst',
    department: 'Portfolio Management Office',
  },
  {
    email: email('administrator'),
    firstname: 'Daniel',
    lastname: 'Okafor',
    roleCode: 'pmo-administrator',
    pmoRole: 'pmo-administrator',
    jobTitle: 'PMO Administrator',
    department: 'Portfolio Management Office',
  },
  {
    email: email('project.manager'),
    firstname: 'Sarah',
    lastname: 'Lindqvist',
    roleCode: 'project-manager',
    pmoRole: 'project-manager',
    jobTitle: 'Senior Project Manager',
    department: 'Information Technology',
  },
  {
    email: email('change.board'),
    firstname: 'Martin',
    lastname: 'Keller',
    roleCode: 'change-board',
    pmoRole: 'change-board',
    jobTitle: 'Head of Enterprise Architecture (Change Board chair)',
    department: 'Information Technology',
  },
  {
    // A second change-board member, so a change above the project's tolerance can collect the
    // board's two approvals (the raiser and whoever moved it to authorisation cannot vote).
    email: email('ruth.adeyemi'),
    firstname: 'Ruth',
    lastname: 'Adeyemi',
    roleCode: 'change-board',
    pmoRole: 'change-board',
    jobTitle: 'Head of Service Management (Change Board member)',
    department: 'Information Technology',
  },
  {
    email: email('finance'),
    firstname: 'Grace',
    lastname: 'Mwangi',
    roleCode: 'finance',
    pmoRole: 'finance',
    jobTitle: 'Finance Business Partner, Change Portfolio',
    department: 'Finance',
  },
];

export const fullNameOf = (account: Pick<DemoAccount, 'firstname' | 'lastname'>) =>
  `${account.firstname} ${account.lastname}`;
