import { applyLabels, fieldLabel, humanise } from './labels';

describe('Content Manager labels in the PMO’s words', () => {
  it('spells out keys as words, with the PMO’s own terms where a key does not say it', () => {
    expect(humanise('changeAuthorityLimit')).toBe('Change authority limit');
    expect(humanise('nextReviewDue')).toBe('Next review due');
    expect(fieldLabel('workflowState')).toBe('State');
    expect(fieldLabel('ragOverall')).toBe('Overall RAG');
    expect(fieldLabel('asOf')).toBe('As of');
    expect(fieldLabel('costPercent')).toBe('Cost tolerance (%)');
  });

  it('labels fields still showing their key and keeps labels an administrator wrote', () => {
    const metadatas = {
      ragOverall: { edit: { label: 'ragOverall' }, list: { label: 'ragOverall' } },
      asOf: { edit: { label: 'Reporting date' }, list: { label: '' } },
    };
    expect(applyLabels(metadatas)).toBe(true);
    expect(metadatas).toEqual({
      ragOverall: { edit: { label: 'Overall RAG' }, list: { label: 'Overall RAG' } },
      asOf: { edit: { label: 'Reporting date' }, list: { label: 'As of' } },
    });
    expect(applyLabels(metadatas)).toBe(false);
  });
});
