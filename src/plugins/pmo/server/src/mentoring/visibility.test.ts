import { accessTo, hasOversight, mayCreateRelationship, visibleSession, type Viewer } from './visibility';

const parties = { mentor: 'p-mentor', mentee: 'p-mentee' };
const viewer = (roles: string[], personIds: string[] = [], isSuperAdmin = false): Viewer => ({ roles, personIds, isSuperAdmin });

describe('who sees a mentoring relationship', () => {
  it.each([
    ['its mentor', viewer(['project-manager'], ['p-mentor']), 'mentor'],
    ['its mentee', viewer(['project-manager'], ['p-mentee']), 'mentee'],
    ['a PMO manager', viewer(['pmo-manager']), 'oversight'],
    ['a PMO director', viewer(['pmo-director']), 'oversight'],
    ['a super admin', viewer(['strapi-super-admin'], [], true), 'oversight'],
  ])('shows it to %s', (_who, who, standing) => {
    expect(accessTo(who, parties).standing).toBe(standing);
  });

  it.each([
    ['another project manager', viewer(['project-manager'], ['p-other'])],
    ['a PMO analyst', viewer(['pmo-analyst'], ['p-analyst'])],
    ['finance', viewer(['finance'])],
    ['the change board', viewer(['change-board'])],
    ['a PMO administrator', viewer(['pmo-administrator'])],
    ['someone with no person record', viewer(['project-manager'], [])],
  ])('hides it from %s, with no right at all', (_who, who) => {
    expect(accessTo(who, parties)).toEqual({
      standing: null,
      seeConfidentialNotes: false,
      logSessions: false,
      tickActionItems: false,
      manage: false,
      remove: false,
    });
  });

  it('never matches a party that is missing (a deleted person)', () => {
    expect(accessTo(viewer(['project-manager'], ['p-mentee']), { mentor: null, mentee: null }).standing).toBeNull();
  });

  it('prefers the standing of a party over oversight (a PMO manager who mentors)', () => {
    expect(accessTo(viewer(['pmo-manager'], ['p-mentor']), parties).standing).toBe('mentor');
  });
});

describe('confidential notes', () => {
  it.each([
    ['the mentor', viewer(['project-manager'], ['p-mentor']), true],
    ['the mentee', viewer(['project-manager'], ['p-mentee']), true],
    ['a PMO director', viewer(['pmo-director']), true],
    ['a PMO manager', viewer(['pmo-manager']), false],
    ['a super admin', viewer(['strapi-super-admin'], [], true), false],
    ['another project manager', viewer(['project-manager'], ['p-other']), false],
  ])('are seen by %s: %s', (_who, who, sees) => {
    expect(accessTo(who, parties).seeConfidentialNotes).toBe(sees);
  });

  it('are removed from a session, key and all, for a viewer who may not see them', () => {
    const session = { documentId: 's1', sharedNotes: 'shared', confidentialNotes: 'secret' };
    const manager = accessTo(viewer(['pmo-manager']), parties);
    expect(visibleSession(session, manager)).toEqual({ documentId: 's1', sharedNotes: 'shared' });
    expect('confidentialNotes' in visibleSession(session, manager)).toBe(false);
    expect(visibleSession(session, accessTo(viewer([], ['p-mentee']), parties))).toEqual(session);
  });
});

describe('what each party may do', () => {
  it('lets only the mentor log sessions', () => {
    expect(accessTo(viewer([], ['p-mentor']), parties).logSessions).toBe(true);
    expect(accessTo(viewer([], ['p-mentee']), parties).logSessions).toBe(false);
    expect(accessTo(viewer(['pmo-director']), parties).logSessions).toBe(false);
    expect(accessTo(viewer(['pmo-manager']), parties).logSessions).toBe(false);
  });

  it('lets the mentor and the mentee tick action items, not oversight', () => {
    expect(accessTo(viewer([], ['p-mentor']), parties).tickActionItems).toBe(true);
    expect(accessTo(viewer([], ['p-mentee']), parties).tickActionItems).toBe(true);
    expect(accessTo(viewer(['pmo-manager']), parties).tickActionItems).toBe(false);
  });

  it('lets the mentor and oversight change the relationship, and only oversight delete it', () => {
    expect(accessTo(viewer([], ['p-mentor']), parties)).toMatchObject({ manage: true, remove: false });
    expect(accessTo(viewer([], ['p-mentee']), parties)).toMatchObject({ manage: false, remove: false });
    expect(accessTo(viewer(['pmo-manager']), parties)).toMatchObject({ manage: true, remove: true });
  });

  it('lets oversight set up any relationship, anyone else only one they mentor', () => {
    expect(mayCreateRelationship(viewer(['pmo-manager']), 'p-anyone')).toBe(true);
    expect(mayCreateRelationship(viewer(['project-manager'], ['p-me']), 'p-me')).toBe(true);
    expect(mayCreateRelationship(viewer(['project-manager'], ['p-me']), 'p-someone-else')).toBe(false);
    expect(hasOversight(viewer(['pmo-analyst']))).toBe(false);
  });
});
