import { fieldWords, keyWords, listWords, needsWords, pathWords, personFieldWords, roleHolder, theField } from './words';

describe('the words for fields, paths, roles and people', () => {
  it('names a field as a person would, never by its key', () => {
    expect(fieldWords('dueDate')).toBe('due date');
    expect(fieldWords('impact.cost')).toBe('cost impact');
    expect(fieldWords('documentId')).toBe('item');
    expect(fieldWords('percentComplete')).toBe('percentage complete');
  });

  it('shows stable keys in British spelling', () => {
    expect(keyWords('canceled')).toBe('Cancelled');
    expect(keyWords('authorize')).toBe('Authorise');
    expect(keyWords('in-review')).toBe('In review');
  });

  it('counts list entries from 1 and names the field inside them', () => {
    expect(pathWords(['actionItems', 0, 'text'])).toEqual({ owner: 'action item 1', field: 'text' });
    expect(theField(['conditions', 1, 'dueDate'])).toBe('the due date of condition 2');
    expect(theField(['checklist', 0, 'key'])).toBe('the criterion of checklist answer 1');
    expect(theField(['focusCompetencies', 2])).toBe('focus competency 3');
    expect(theField([])).toBe('the request');
  });

  it('says what to do about a missing value', () => {
    expect(needsWords(['project'], 'Choose')).toBe('Choose a project');
    expect(needsWords(['title'])).toBe('Give a title');
    expect(needsWords(['actionItems', 0, 'text'])).toBe('Action item 1 needs a text');
    expect(needsWords(['conditions', 0, 'owner'], 'Choose')).toBe('Condition 1 needs an owner');
  });

  it('names roles by name and the people an item names by who they are', () => {
    expect(roleHolder('pmo-manager')).toBe('a PMO manager');
    expect(roleHolder('project-manager')).toBe('a project manager');
    expect(roleHolder('strapi-super-admin')).toBe('a super admin');
    expect(roleHolder('steering', { steering: 'Steering Group' })).toBe('someone with the role Steering Group');
    expect(personFieldWords('raisedBy')).toBe('the person who raised it');
    expect(personFieldWords('project.manager')).toBe("the project's manager");
    expect(personFieldWords('programme.sponsor')).toBe("the programme's sponsor");
    expect(listWords(['a', 'b', 'c'])).toBe('a, b or c');
    expect(listWords(['a', 'b'], 'and')).toBe('a and b');
  });

  it('leaves no camelCase key, documentId or role code in any of these words', () => {
    const words = [
      theField(['actionItems', 0, 'dueDate']),
      theField(['ratings', 0, 'rating']),
      personFieldWords('project.manager'),
      roleHolder('change-board'),
      roleHolder('pmo-director'),
      fieldWords('expectedVersion'),
      fieldWords('olderThanDays'),
    ];
    for (const text of words) expect(text).not.toMatch(/documentId|[a-z]+[A-Z][a-zA-Z]*\b|pmo-[a-z]+/);
  });
});
