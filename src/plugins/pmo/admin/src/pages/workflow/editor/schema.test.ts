import type { ContentTypeInfo } from '../../../api/client';
import { PERSON_UID, personRelations } from './schema';

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
