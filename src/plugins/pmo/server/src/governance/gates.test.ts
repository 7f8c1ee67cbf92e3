import {
  answerChecklist,
  blockingCriteria,
  decisionProblem,
  gateLabel,
  gateVerdict,
  isOverdue,
  pendingReview,
  snapshotChecklist,
  stopVerdict,
  type ReviewFacts,
} from './gates';
import { isIsoDay } from '../../../shared/contracts/common';

let id = 0;
const review = (gate: number, decision: ReviewFacts['decision'], heldDate: string | null, scheduledDate: string | null = null): ReviewFacts => ({
  id: ++id,
  documentId: `r${id}`,
  gate,
  decision,
  heldDate,
  scheduledDate,
});

describe('gateVerdict', () => {
  it('names the gate when it has no review', () => {
    expect(gateVerdict(3, [])).toEqual({ ok: false, message: 'Gate 3 (investment decision) has no review yet' });
    expect(gateVerdict(3, [review(3, null, null, '2026-06-01')]).message).toBe(
      'Gate 3 (investment decision) has no review yet; its review is scheduled for 1 Jun 2026'
    );
    expect(gateVerdict(3, [review(2, 'go', '2026-01-01')]).ok).toBe(false);
  });

  it.each([['go'], ['conditional-go']] as const)('opens with %s', (decision) => {
    expect(gateVerdict(1, [review(1, decision, '2026-05-02')])).toEqual({ ok: true });
  });

  it.each([['hold'], ['recycle']] as const)('names the gate and the %s decision', (decision) => {
    expect(gateVerdict(3, [review(3, decision, '2026-05-02')])).toEqual({
      ok: false,
      message: `Gate 3 (investment decision) was decided ${decision} on 2 May 2026`,
    });
  });

  it('says a stop leaves only cancellation', () => {
    expect(gateVerdict(4, [review(4, 'stop', '2026-05-02')]).message).toBe(
      'Gate 4 (readiness for service) was decided stop on 2 May 2026: the project can only be cancelled'
    );
  });

  it('reads the latest decision: by held date, then by the order of recording', () => {
    expect(gateVerdict(1, [review(1, 'go', '2026-05-10'), review(1, 'hold', '2026-05-02')]).ok).toBe(true);
    expect(gateVerdict(1, [review(1, 'go', '2026-05-02'), review(1, 'hold', '2026-05-02')]).ok).toBe(false);
    expect(gateVerdict(1, [review(1, 'hold', '2026-05-02'), review(1, null, null, '2026-06-01')]).message).toContain('decided hold');
  });

  it('accepts other decisions when configured', () => {
    expect(gateVerdict(2, [review(2, 'recycle', '2026-05-02')], ['recycle']).ok).toBe(true);
  });
});

describe('stopVerdict', () => {
  it('refuses when the latest decision of any gate is stop', () => {
    expect(stopVerdict([review(1, 'go', '2026-01-01'), review(2, 'stop', '2026-03-01')])).toEqual({
      ok: false,
      message: 'Gate 2 (delivery strategy) was decided stop on 1 Mar 2026: the project can only be cancelled',
    });
    expect(stopVerdict([review(2, 'stop', '2026-03-01'), review(2, 'go', '2026-04-01')]).ok).toBe(true);
    expect(stopVerdict([]).ok).toBe(true);
  });
});

describe('pendingReview', () => {
  it('is the earliest scheduled undecided review of the gate', () => {
    const late = review(2, null, null, '2026-07-01');
    const early = review(2, null, null, '2026-06-01');
    expect(pendingReview([late, early, review(2, 'go', '2026-01-01')], 2)).toBe(early);
    expect(pendingReview([late], 3)).toBeNull();
  });
});

describe('checklists', () => {
  const standards = [
    { code: 'GOV-2', title: 'Gates', mandatory: true, appliesToStates: ['executing'], checklist: [{ text: 'Baseline agreed', mustMeet: true }] },
    {
      code: 'GOV-1',
      title: 'Business case',
      version: '2.0',
      mandatory: true,
      appliesToStates: ['initiating', 'executing'],
      checklist: [
        { text: 'Approved by the sponsor', mustMeet: true },
        { text: 'Options appraised', mustMeet: false },
      ],
    },
    { code: 'REC-1', title: 'Good practice', mandatory: false, appliesToStates: 'executing', checklist: [{ text: 'Lessons reviewed', mustMeet: true }] },
    { code: 'ODD', title: 'No states', mandatory: true, appliesToStates: null, checklist: [{ text: 'Never', mustMeet: true }] },
  ];

  it('snapshots the criteria of the standards that apply to the state, in code order', () => {
    const items = snapshotChecklist(standards, 'executing');
    expect(items.map((item) => item.key)).toEqual(['GOV-1#1', 'GOV-1#2', 'GOV-2#1', 'REC-1#1']);
    expect(items[0]).toEqual({
      key: 'GOV-1#1',
      standard: 'GOV-1',
      standardTitle: 'Business case',
      standardVersion: '2.0',
      mandatory: true,
      criterion: 'Approved by the sponsor',
      mustMeet: true,
      met: null,
      notes: null,
    });
  });

  it('blocks a go on unmet must-meet criteria of mandatory standards only', () => {
    const items = snapshotChecklist(standards, 'executing');
    const { checklist, unknown } = answerChecklist(items, [
      { key: 'GOV-1#1', met: 'yes' },
      { key: 'GOV-1#2', met: 'no', notes: 'Only one option' },
      { key: 'NOPE', met: 'yes' },
    ]);
    expect(unknown).toEqual([2]);
    expect(blockingCriteria(checklist).map((item) => item.key)).toEqual(['GOV-2#1']);
    expect(decisionProblem(3, 'go', checklist)).toBe(
      'Gate 3 (investment decision) cannot be decided go: 1 must-meet criterion is not met ("Baseline agreed", GOV-2 criterion 1)'
    );
    expect(decisionProblem(3, 'hold', checklist)).toBeNull();
    expect(items[0].met).toBeNull(); // answering does not change the snapshot it was given
  });
});

describe('small rules', () => {
  it('labels gates, dates and overdue conditions', () => {
    expect(gateLabel(5)).toBe('Gate 5 (benefits realisation)');
    expect(gateLabel(9)).toBe('Gate 9');
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('28/02/2026')).toBe(false);
    expect(isOverdue({ dueDate: '2026-05-01', done: false }, '2026-05-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-05-02', done: false }, '2026-05-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-05-01', done: true }, '2026-05-02')).toBe(false);
  });
});
