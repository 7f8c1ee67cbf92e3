/**
 * People and planning (DESIGN.md, "People and planning"; docs/people.md): capacity and the
 * allocation-approval workflow, certifications (capacity/), and milestones, their baselines,
 * slip trend and the programme roadmap (milestones/). Each part is a piece of this one
 * capability; this file joins them.
 */
import type { Capability } from '../capability';
import { capacityPart } from './capacity';
import { milestonesPart } from './milestones';

const PARTS: Partial<Capability>[] = [capacityPart, milestonesPart];

const joinRecords = <K extends 'contentTypes' | 'services' | 'controllers' | 'policies'>(key: K) =>
  Object.assign({}, ...PARTS.map((part) => part[key] ?? {})) as NonNullable<Capability[K]>;

/** Each role's plugin actions from every part. */
function joinGrants(): NonNullable<Capability['grants']> {
  const grants: Record<string, string[]> = {};
  for (const part of PARTS) {
    for (const [role, actions] of Object.entries(part.grants ?? {})) grants[role] = [...(grants[role] ?? []), ...(actions ?? [])];
  }
  return grants;
}

/** Each role's Content Manager rights from every part, type by type. */
function joinContentGrants(): NonNullable<Capability['contentGrants']> {
  const grants: Record<string, Record<string, unknown>> = {};
  for (const part of PARTS) {
    for (const [role, types] of Object.entries(part.contentGrants ?? {})) grants[role] = { ...(grants[role] ?? {}), ...(types ?? {}) };
  }
  return grants as NonNullable<Capability['contentGrants']>;
}

export const people: Capability = {
  name: 'people',
  contentTypes: joinRecords('contentTypes'),
  services: joinRecords('services'),
  controllers: joinRecords('controllers'),
  policies: joinRecords('policies'),
  adminRoutes: PARTS.flatMap((part) => part.adminRoutes ?? []),
  contentApiRoutes: PARTS.flatMap((part) => part.contentApiRoutes ?? []),
  actions: PARTS.flatMap((part) => part.actions ?? []),
  grants: joinGrants(),
  contentGrants: joinContentGrants(),
  register(strapi) {
    PARTS.forEach((part) => part.register?.(strapi));
  },
  async bootstrap(strapi) {
    for (const part of PARTS) await part.bootstrap?.(strapi);
  },
  async destroy(strapi) {
    for (const part of PARTS) await part.destroy?.(strapi);
  },
};
