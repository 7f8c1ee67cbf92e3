/**
 * The governance story's cast and props: projects, published standards for a gate, status
 * reports, and the board's cards and selects as a user finds them.
 */
import type { Core } from '@strapi/strapi';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_UID, STANDARD_UID, STATUS_REPORT_UID } from '../../../src/plugins/pmo/shared/contracts/uids';
import { GATE_REVIEW_UID } from '../../../src/plugins/pmo/shared/contracts/governance';
import { approveAndPublish } from '../../helpers/workflow-state';

const create = async (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) =>
  (await strapi.documents(uid as any).create({ data } as any)) as unknown as { documentId: string };

export async function createProject(strapi: Core.Strapi, name: string, code: string) {
  return create(strapi, PROJECT_UID, { name, code });
}

export async function createStatusReport(strapi: Core.Strapi, project: string, asOf: string, ragOverall: 'green' | 'amber' | 'red') {
  return create(strapi, STATUS_REPORT_UID, { project, asOf, percentComplete: 5, ragOverall });
}

/** A published, mandatory standard for the projects entering `state` (what a gate's checklist draws on). */
export async function createGateStandard(
  strapi: Core.Strapi,
  code: string,
  state: string,
  checklist: Array<{ text: string; mustMeet: boolean }>
) {
  const standard = await create(strapi, STANDARD_UID, {
    code,
    title: 'Business case',
    category: 'governance',
    version: '2.1',
    mandatory: true,
    appliesToStates: [state],
    checklist,
  });
  await approveAndPublish(strapi, STANDARD_UID, standard.documentId);
  return standard;
}

/** Today as the server writes dates (UTC). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The board's column of a lifecycle state, and a project's card (anywhere, or in a column). */
export const column = (page: Page, state: string) => page.locator(`[data-testid="pmo-gov-column"][data-state="${state}"]`);
export const card = (scope: Page | Locator, code: string) => scope.locator(`[data-testid="pmo-gov-card"][data-project="${code}"]`);

/** Opens a design-system select by clicking near its arrow and picks `option`. */
export async function choose(page: Page, select: Locator, option: string) {
  await select.scrollIntoViewIfNeeded();
  const box = await select.boundingBox();
  if (!box) throw new Error('the select is not visible');
  await select.click({ position: { x: box.width - 14, y: box.height / 2 } });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types into a search picker and picks one of the matches the server answers. */
export async function pick(page: Page, picker: Locator, typed: string, option: string) {
  await picker.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** An admin user as the server's services take it (with roles). */
export const adminUser = (strapi: Core.Strapi, id: number) =>
  strapi.db.query('admin::user').findOne({ where: { id }, populate: ['roles'] });

/** Takes a project through gate 1 on the server: a go review recorded, gate 1 fired as `userId`. */
export async function passGate1(strapi: Core.Strapi, project: string, userId: number) {
  // A decision is governance's to record (a protected field): recorded here as governance would.
  const protectedFields = strapi.plugin('pmo').service('protectedFields') as { asCapability<T>(owner: 'governance', work: () => T): T };
  await protectedFields.asCapability('governance', () => create(strapi, GATE_REVIEW_UID, { project, gate: 1, decision: 'go', heldDate: todayUtc() }));
  const engine = strapi.plugin('pmo').service('workflow') as any;
  await engine.fire({ uid: PROJECT_UID, documentId: project, transition: 'gate-1' }, await adminUser(strapi, userId));
}

/** Schedules a review through the governance service (as the routes do), answering its id. */
export async function scheduleReview(strapi: Core.Strapi, project: string, gate: number, userId: number) {
  const governance = strapi.plugin('pmo').service('governance') as any;
  const review = await governance.scheduleReview({ project, gate }, await adminUser(strapi, userId));
  return review.documentId as string;
}
