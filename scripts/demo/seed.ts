/**
 * Loads the demo PMO (./catalog.ts, ./generate.ts) into a running Strapi, idempotently: every
 * record is looked up by its natural key before it is created, and nothing that exists is
 * changed, so loading twice leaves the same rows. Writes go through the Document Service (so
 * the money validation and any other document middleware run) inside one transaction.
 *
 * Used by `npm run demo` (scripts/demo.js) and by tests/api/demo.test.ts; the history that follows
 * (gates passed, change requests, mentoring) is ./activity.ts.
 */
import type { Core } from '@strapi/strapi';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SUPER_ADMIN_ROLE, fullNameOf } from './accounts';
import { DEPARTMENTS, PEOPLE, PORTFOLIO, PROGRAMMES, PROJECTS, STANDARDS, emailOf, type StandardSpec, type TemplateSpec } from './catalog';
import { publishApproved } from './approved';
import { anchorFrom, generateDemo, isoDate, unknownPeople, type Anchor } from './generate';

/** Where the day of the demo's first load is kept. */
const DEMO_ANCHOR_KEY = 'demo-anchor';

export const DEMO_UIDS = {
  portfolio: 'api::portfolio.portfolio',
  programme: 'api::programme.programme',
  project: 'api::project.project',
  person: 'api::person.person',
  allocation: 'api::allocation.allocation',
  department: 'api::department.department',
  standard: 'api::standard.standard',
  template: 'api::template.template',
  document: 'api::document.document',
  statusReport: 'api::status-report.status-report',
  budgetLine: 'api::budget-line.budget-line',
  costEntry: 'api::cost-entry.cost-entry',
} as const;

type Uid = (typeof DEMO_UIDS)[keyof typeof DEMO_UIDS];
type Row = Record<string, any> & { id: number; documentId: string };

/** The slice of the Document Service the loader uses, without generated content-type typings. */
type Documents = {
  create(params: { data: Record<string, unknown>; status?: 'published' | 'draft' }): Promise<Row>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<Row>;
  publish(params: { documentId: string }): Promise<unknown>;
};

export type DemoLoadResult = {
  /** The day the demo data is anchored to (YYYY-MM-DD): the day it was first loaded. */
  anchor: string;
  /** Rows created by this load, by content type; all zero on a second load. */
  created: Record<Uid, number>;
  durationMs: number;
};

export type DemoAccountResult = { email: string; password: string; role: string; created: boolean };

const documents = (strapi: Core.Strapi, uid: Uid) => strapi.documents(uid as any) as unknown as Documents;
const query = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as any);

/** A date column as YYYY-MM-DD, whatever the driver hands back. */
function dateKey(value: unknown): string {
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
}

/** Blocks (rich text) from plain paragraphs, headings and lists. */
const text = (value: string) => ({ type: 'text', text: value });
const heading = (value: string, level = 2) => ({ type: 'heading', level, children: [text(value)] });
const paragraph = (value: string) => ({ type: 'paragraph', children: [text(value)] });
const list = (items: string[]) => ({
  type: 'list',
  format: 'unordered',
  children: items.map((item) => ({ type: 'list-item', children: [text(item)] })),
});

function standardBody(standard: StandardSpec) {
  return [
    heading('Purpose'),
    paragraph(standard.purpose),
    heading('Rules'),
    list(standard.rules),
    heading('Applies to'),
    paragraph(
      `Lifecycle states: ${standard.appliesToStates.join(', ')}. Required documents: ${standard.requiredDocumentTypes.join(', ')}.`
    ),
    heading('Compliance'),
    paragraph(
      standard.mandatory
        ? 'Mandatory. Gate reviews check the criteria marked "must meet"; a failed criterion blocks the gate.'
        : 'Recommended practice. Deviations are recorded in the gate review, not blocked.'
    ),
  ];
}

function templateBody(template: TemplateSpec, standard: StandardSpec) {
  return [
    paragraph(`Use this template to meet the ${standard.title} (${standard.code}). Replace the guidance under each heading.`),
    ...template.sections.flatMap((section) => [heading(section.heading), paragraph(section.guidance)]),
    heading('Document control'),
    list(['Owner', 'Version and date', 'Approved by', 'Next review due']),
  ];
}

/**
 * The demo is anchored to the day it was first loaded, kept in the plugin's store, so reloads find
 * the same keys even when the first load crossed midnight or was given another day. A demo loaded
 * before the day was kept is anchored to its portfolio's creation, as it was then.
 */
export async function demoAnchor(strapi: Core.Strapi, today: Date): Promise<Anchor> {
  const store = strapi.store({ type: 'plugin', name: 'pmo' });
  const portfolio = await query(strapi, DEMO_UIDS.portfolio).findOne({
    where: { code: PORTFOLIO.code },
    select: ['createdAt'],
  });
  if (portfolio) {
    const kept = new Date(String((await store.get({ key: DEMO_ANCHOR_KEY })) ?? ''));
    if (!Number.isNaN(kept.getTime())) return anchorFrom(kept);
    const created = portfolio.createdAt ? new Date(portfolio.createdAt) : null;
    if (created && !Number.isNaN(created.getTime())) return anchorFrom(created);
  }
  await store.set({ key: DEMO_ANCHOR_KEY, value: today.toISOString() });
  return anchorFrom(today);
}

/** documentIds by natural key of the rows that already exist. */
async function existing(
  strapi: Core.Strapi,
  uid: Uid,
  keyOf: (row: Row) => string,
  params: { where?: object; select?: string[]; populate?: object } = {}
): Promise<Map<string, string>> {
  const rows: Row[] = await query(strapi, uid).findMany({
    ...params,
    select: ['id', 'documentId', ...(params.select ?? [])],
  });
  return new Map(rows.map((row) => [keyOf(row), row.documentId]));
}

export async function loadDemoData(strapi: Core.Strapi, options: { today?: Date } = {}): Promise<DemoLoadResult> {
  const started = Date.now();
  const anchor = await demoAnchor(strapi, options.today ?? new Date());
  const plan = generateDemo(anchor);
  const strays = unknownPeople(plan);
  if (strays.length > 0) throw new Error(`demo data refers to people it does not define: ${strays.join(', ')}`);

  const created = Object.fromEntries(Object.values(DEMO_UIDS).map((uid) => [uid, 0])) as Record<Uid, number>;

  /** Creates the rows whose key is missing; returns documentIds by key for all of them. */
  async function ensure<T>(
    uid: Uid,
    found: Map<string, string>,
    rows: T[],
    keyOf: (row: T) => string,
    dataOf: (row: T) => Record<string, unknown>,
    status?: 'published'
  ): Promise<Map<string, string>> {
    for (const row of rows) {
      const key = keyOf(row);
      if (found.has(key)) continue;
      const record = await documents(strapi, uid).create({ data: dataOf(row), ...(status ? { status } : {}) });
      found.set(key, record.documentId);
      created[uid] += 1;
    }
    return found;
  }

  const projectCodes = plan.projects.map((p) => p.code);
  const programmeCodes = PROGRAMMES.map((p) => p.code);
  const byProject = { where: { project: { code: { $in: projectCodes } } }, populate: { project: { select: ['code'] } } };

  await strapi.db.transaction(async () => {
    // Organisation: departments, then people in them, then each department's leader.
    const departments = await ensure(
      DEMO_UIDS.department,
      await existing(strapi, DEMO_UIDS.department, (row) => row.name, {
        where: { name: { $in: DEPARTMENTS.map((d) => d.name) } },
        select: ['name'],
      }),
      DEPARTMENTS,
      (d) => d.name,
      (d) => ({ name: d.name })
    );

    const people = await ensure(
      DEMO_UIDS.person,
      await existing(strapi, DEMO_UIDS.person, (row) => row.email, {
        where: { email: { $in: PEOPLE.map((p) => p.email) } },
        select: ['email'],
      }),
      PEOPLE,
      (p) => p.email,
      (p) => ({
        fullName: p.fullName,
        email: p.email,
        pmoRole: p.pmoRole,
        jobTitle: p.jobTitle,
        department: departments.get(p.department),
      })
    );
    const personId = (email: string) => {
      const id = people.get(email);
      if (!id) throw new Error(`demo person ${email} is missing`);
      return id;
    };

    const departmentRows: Row[] = await query(strapi, DEMO_UIDS.department).findMany({
      where: { name: { $in: DEPARTMENTS.map((d) => d.name) } },
      select: ['id', 'documentId', 'name'],
      populate: { leader: { select: ['id'] } },
    });
    for (const department of departmentRows.filter((row) => !row.leader)) {
      const spec = DEPARTMENTS.find((d) => d.name === department.name)!;
      await documents(strapi, DEMO_UIDS.department).update({
        documentId: department.documentId,
        data: { leader: personId(emailOf(spec.leader)) },
      });
    }

    // Portfolio → programmes → projects.
    const portfolios = await ensure(
      DEMO_UIDS.portfolio,
      await existing(strapi, DEMO_UIDS.portfolio, (row) => row.code, { where: { code: PORTFOLIO.code }, select: ['code'] }),
      [PORTFOLIO],
      (p) => p.code,
      (p) => ({ ...p })
    );

    const programmes = await ensure(
      DEMO_UIDS.programme,
      await existing(strapi, DEMO_UIDS.programme, (row) => row.code, { where: { code: { $in: programmeCodes } }, select: ['code'] }),
      PROGRAMMES,
      (p) => p.code,
      (p) => ({
        code: p.code,
        name: p.name,
        description: p.description,
        portfolio: portfolios.get(PORTFOLIO.code),
        sponsor: personId(emailOf(p.sponsor)),
        manager: personId(emailOf(p.manager)),
      })
    );

    const projects = await ensure(
      DEMO_UIDS.project,
      await existing(strapi, DEMO_UIDS.project, (row) => row.code, { where: { code: { $in: projectCodes } }, select: ['code'] }),
      plan.projects,
      (p) => p.code,
      (p) => ({
        code: p.code,
        name: p.name,
        description: p.description,
        programme: programmes.get(p.programme),
        manager: personId(p.manager),
        sponsor: personId(p.sponsor),
        startDate: p.startDate,
        endDate: p.endDate,
        tolerances: p.tolerances,
        changeBudget: p.changeBudget,
      })
    );
    const projectId = (code: string) => projects.get(code)!;

    // Standards and their templates, published.
    const standardCodes = STANDARDS.map((s) => s.code);
    const standardRows: Row[] = await query(strapi, DEMO_UIDS.standard).findMany({
      where: { code: { $in: standardCodes } },
      select: ['id', 'documentId', 'code', 'publishedAt'],
    });
    const standards = await ensure(
      DEMO_UIDS.standard,
      new Map(standardRows.map((row) => [row.code, row.documentId])),
      STANDARDS,
      (s) => s.code,
      (s) => ({
        code: s.code,
        title: s.title,
        version: s.version,
        category: s.category,
        mandatory: s.mandatory,
        appliesToStates: s.appliesToStates,
        requiredDocumentTypes: s.requiredDocumentTypes,
        checklist: s.checklist,
        body: standardBody(s),
      })
    );
    // Approved and published (./approved.ts), again when someone left one in draft.
    await publishApproved(strapi, DEMO_UIDS.standard, [...standards.values()]);

    const templateSpecs = STANDARDS.flatMap((standard) => standard.templates.map((template) => ({ template, standard })));
    const templateRows: Row[] = await query(strapi, DEMO_UIDS.template).findMany({
      where: { title: { $in: templateSpecs.map((t) => t.template.title) } },
      select: ['id', 'documentId', 'title', 'publishedAt'],
    });
    const templates = await ensure(
      DEMO_UIDS.template,
      new Map(templateRows.map((row) => [row.title, row.documentId])),
      templateSpecs,
      ({ template }) => template.title,
      ({ template, standard }) => ({
        title: template.title,
        documentType: template.documentType,
        version: template.version,
        body: templateBody(template, standard),
        standard: standards.get(standard.code),
      })
    );
    await publishApproved(strapi, DEMO_UIDS.template, [...templates.values()]);

    // Who works on what.
    await ensure(
      DEMO_UIDS.allocation,
      await existing(strapi, DEMO_UIDS.allocation, (row) => `${row.person?.email}|${row.project?.code}`, {
        where: { project: { code: { $in: projectCodes } } },
        populate: { project: { select: ['code'] }, person: { select: ['email'] } },
      }),
      plan.allocations,
      (a) => `${a.person}|${a.project}`,
      (a) => ({
        person: personId(a.person),
        project: projectId(a.project),
        role: a.role,
        percent: a.percent,
        startDate: a.startDate,
        endDate: a.endDate,
      })
    );

    // Money: the baseline by month and category, then the actuals.
    await ensure(
      DEMO_UIDS.budgetLine,
      await existing(strapi, DEMO_UIDS.budgetLine, (row) => `${row.project?.code}|${dateKey(row.period)}|${row.category}`, {
        ...byProject,
        select: ['period', 'category'],
      }),
      plan.budgetLines,
      (b) => `${b.project}|${b.period}|${b.category}`,
      (b) => ({ project: projectId(b.project), period: b.period, category: b.category, amount: b.amount, note: b.note })
    );

    await ensure(
      DEMO_UIDS.costEntry,
      await existing(strapi, DEMO_UIDS.costEntry, (row) => `${row.project?.code}|${row.reference}`, {
        ...byProject,
        select: ['reference'],
      }),
      plan.costEntries,
      (c) => `${c.project}|${c.reference}`,
      (c) => ({
        project: projectId(c.project),
        date: c.date,
        category: c.category,
        amount: c.amount,
        supplier: c.supplier,
        reference: c.reference,
      })
    );

    await ensure(
      DEMO_UIDS.statusReport,
      await existing(strapi, DEMO_UIDS.statusReport, (row) => `${row.project?.code}|${dateKey(row.asOf)}`, {
        ...byProject,
        select: ['asOf'],
      }),
      plan.statusReports,
      (s) => `${s.project}|${s.asOf}`,
      ({ project, ...report }) => ({ ...report, project: projectId(project) })
    );

    // Documentation, some of it overdue for review.
    await ensure(
      DEMO_UIDS.document,
      await existing(
        strapi,
        DEMO_UIDS.document,
        (row) => `${row.title}|${row.project?.code ?? ''}|${row.programme?.code ?? ''}`,
        {
          where: {
            $or: [{ project: { code: { $in: projectCodes } } }, { programme: { code: { $in: programmeCodes } } }],
          },
          select: ['title'],
          populate: { project: { select: ['code'] }, programme: { select: ['code'] } },
        }
      ),
      plan.documents,
      (d) => `${d.title}|${d.project ?? ''}|${d.programme ?? ''}`,
      (d) => ({
        title: d.title,
        documentType: d.documentType,
        ...(d.project ? { project: projectId(d.project) } : {}),
        ...(d.programme ? { programme: programmes.get(d.programme) } : {}),
        owner: personId(d.owner),
        version: d.version,
        // The state (and its status and approval) is the document-review workflow's: ./documents.ts plays it.
        lastReviewedAt: d.lastReviewedAt,
        reviewCycleDays: d.reviewCycleDays,
        ...(d.template ? { template: templates.get(d.template) } : {}),
      })
    );
  });

  return { anchor: isoDate(anchor.day), created, durationMs: Date.now() - started };
}

/**
 * The demo's admin users: a super admin and one user per PMO role, each linked by email to a
 * person with the matching PMO role. Existing users are left alone (their password included).
 */
export async function ensureDemoAdminUsers(strapi: Core.Strapi): Promise<DemoAccountResult[]> {
  const results: DemoAccountResult[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const role = await query(strapi, 'admin::role').findOne({ where: { code: account.roleCode } });
    if (!role) {
      throw new Error(
        `admin role "${account.roleCode}" does not exist: ${account.roleCode === SUPER_ADMIN_ROLE ? 'Strapi' : 'the pmo plugin'} creates it at bootstrap`
      );
    }

    const user = await query(strapi, 'admin::user').findOne({ where: { email: account.email }, select: ['id'] });
    if (!user) {
      await (strapi.service('admin::user') as any).create({
        firstname: account.firstname,
        lastname: account.lastname,
        email: account.email,
        password: DEMO_PASSWORD,
        isActive: true,
        registrationToken: null,
        roles: [role.id],
      });
    }

    const person = await query(strapi, DEMO_UIDS.person).findOne({ where: { email: account.email }, select: ['id'] });
    if (!person) {
      const department = await query(strapi, DEMO_UIDS.department).findOne({
        where: { name: account.department },
        select: ['documentId'],
      });
      await documents(strapi, DEMO_UIDS.person).create({
        data: {
          fullName: fullNameOf(account),
          email: account.email,
          pmoRole: account.pmoRole,
          jobTitle: account.jobTitle,
          ...(department ? { department: department.documentId } : {}),
        },
      });
    }

    results.push({ email: account.email, password: DEMO_PASSWORD, role: role.name, created: !user });
  }
  return results;
}
