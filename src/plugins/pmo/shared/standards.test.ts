import { standardsFor, statesOf } from './standards';

const standard = (code: string, appliesToStates: unknown, mandatory = false) => ({ code, appliesToStates, mandatory });

describe('the standards applying to a state', () => {
  const standards = [
    standard('PM-01', ['initiating', 'executing'], true),
    standard('PM-02', 'executing'),
    standard('PM-03', ['closing'], true),
    standard('PM-04', null, true),
    standard('PM-05', ['executing', 7], true),
  ];

  it('are those whose states hold it, in the order given, whatever the stored JSON holds', () => {
    expect(standardsFor(standards, 'executing').map((s) => s.code)).toEqual(['PM-01', 'PM-02', 'PM-05']);
    expect(standardsFor(standards, 'closed')).toEqual([]);
  });

  it('are only the mandatory ones when asked', () => {
    expect(standardsFor(standards, 'executing', { mandatory: true }).map((s) => s.code)).toEqual(['PM-01', 'PM-05']);
  });

  it('read a single key as a list of one, and anything else as none', () => {
    expect([statesOf('executing'), statesOf(null), statesOf({ executing: true }), statesOf(['a', 1, 'b'])]).toEqual([['executing'], [], [], ['a', 'b']]);
  });
});
