import { passedOf, resultsFor, scoreOf } from './scoring';

const r = (...results: Array<'met' | 'not-met' | 'not-applicable'>) => results.map((result) => ({ result }));

describe('scoreOf', () => {
  it('is met ÷ applicable as a whole percentage, rounded half up', () => {
    expect(scoreOf(r('met', 'met', 'not-met'))).toBe(67);
    expect(scoreOf(r('met', 'not-met', 'not-met'))).toBe(33);
    expect(scoreOf(r('met', 'not-met'))).toBe(50);
    expect(scoreOf(r('met', 'not-met', 'not-met', 'not-met', 'not-met', 'not-met', 'not-met', 'not-met'))).toBe(13); // 12.5
    expect(scoreOf(r('met', 'not-applicable', 'not-met'))).toBe(50);
  });
  it('is 100 when no criterion applies', () => {
    expect(scoreOf([])).toBe(100);
    expect(scoreOf(r('not-applicable'))).toBe(100);
  });
});

describe('passedOf and resultsFor', () => {
  it('passes only when every must-meet criterion is met', () => {
    expect(passedOf([{ mustMeet: true, result: 'met' }, { mustMeet: false, result: 'not-met' }])).toBe(true);
    expect(passedOf([{ mustMeet: true, result: 'not-met' }])).toBe(false);
  });
  it('wants one answer per criterion and no must-meet criterion marked not applicable', () => {
    const checklist = [{ text: 'Brief approved', mustMeet: true }, { text: 'Lessons read', mustMeet: false }];
    expect(resultsFor(checklist, r('met')).problems[0].message).toContain('it has 2 criteria, 1 answer was given');
    expect(resultsFor(checklist, r('not-applicable', 'met')).problems).toEqual([
      { path: ['results', 0, 'result'], message: '"Brief approved" must be met: a must-meet criterion cannot be marked not applicable' },
    ]);
    expect(resultsFor(checklist, [{ result: 'met', evidence: ' PID v2 ' }, { result: 'not-applicable' }]).results).toEqual([
      { criterion: 'Brief approved', mustMeet: true, result: 'met', evidence: 'PID v2' },
      { criterion: 'Lessons read', mustMeet: false, result: 'not-applicable', evidence: null },
    ]);
  });
});
