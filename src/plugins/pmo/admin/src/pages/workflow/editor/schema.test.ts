import type { ContentTypeInfo } from '../../../api/client';
import { fieldWords } from '../../../components/workflowForms';
import { PERSON_UID, personRelations, recipientPaths } from './schema';

const type = (uid: string, attributes: ContentTypeInfo['attributes']): ContentTypeInfo => ({
  uid,
  info: { displayName: uid },
  attributes,
});

const project = type('api::project.project', {
  name: { type: 'string' },
  manager: { type: 'relation', relation: 'manyToOne', target: PERSON_UID },
  sponsor: { type: 'relation', relation: 'manyToOne', target: PERSON_UID },
  programme: { type: 'relation', relation: 'manyToOne', target: 'api::programme.programme' },
});
const programme = type('api::programme.programme', {
  manager: { type: 'relation', relation: 'manyToOne', target: PERSON_UID },
});
const changeRequest = type('plugin::pmo.change-request', {
  title: { type: 'string' },
  raisedBy: { type: 'relation', relation: 'manyToOne', target: PERSON_UID },
  project: { type: 'relation', relation: 'manyToOne', target: 'api::project.project' },
});
const all = [project, programme, changeRequest];

describe('personRelations: the people fields a workflow editor offers as actors', () => {
  it("offers the item's own person relations and those one step through its other relations", () => {
    expect(personRelations(changeRequest, all)).toEqual(['raisedBy', 'project.manager', 'project.sponsor']);
    expect(personRelations(project, all)).toEqual(['manager', 'sponsor', 'programme.manager']);
  });

  it('offers only direct relations when the related types are unknown, and nothing for no type', () => {
    expect(personRelations(changeRequest)).toEqual(['raisedBy']);
    expect(personRelations(undefined, all)).toEqual([]);
  });
});

describe('recipientPaths: the people a notify effect can write to', () => {
  const portfolio = type('api::portfolio.portfolio', { owner: { type: 'relation', relation: 'manyToOne', target: PERSON_UID } });
  const programmeWithSponsor = type('api::programme.programme', {
    manager: { type: 'relation', relation: 'manyToOne', target: PERSON_UID },
    sponsor: { type: 'relation', relation: 'manyToOne', target: PERSON_UID },
    portfolio: { type: 'relation', relation: 'manyToOne', target: 'api::portfolio.portfolio' },
    projects: { type: 'relation', relation: 'oneToMany', target: 'api::project.project' },
  });
  const risk = type('api::risk.risk', {
    title: { type: 'string' },
    owner: { type: 'relation', relation: 'manyToOne', target: PERSON_UID },
    project: { type: 'relation', relation: 'manyToOne', target: 'api::project.project' },
    watchers: { type: 'relation', relation: 'manyToMany', target: 'api::project.project' },
  });
  const types = [project, programmeWithSponsor, portfolio, risk];

  it("offers dotted recipients: the related project's people, and its programme's, as the escalation workflows write them", () => {
    expect(recipientPaths(risk, types)).toEqual([
      'owner',
      'project.manager',
      'project.sponsor',
      'watchers.manager',
      'watchers.sponsor',
      'project.programme.manager',
      'project.programme.sponsor',
    ]);
  });

  it('goes two steps only through related items one of a kind, never back to the item’s own type', () => {
    // A programme's projects are many: no "projects' manager" two steps on; a portfolio one step further is one of a kind.
    expect(recipientPaths(project, types)).toEqual(['manager', 'sponsor', 'programme.manager', 'programme.sponsor', 'programme.portfolio.owner']);
    expect(recipientPaths(programmeWithSponsor, types)).toEqual(['manager', 'sponsor', 'portfolio.owner', 'projects.manager', 'projects.sponsor']);
  });

  it('reads them by name in PMO words', () => {
    expect(recipientPaths(risk, types).map(fieldWords)).toContain("Project's programme's manager");
    expect(fieldWords('project.manager')).toBe("Project's manager");
  });
});
