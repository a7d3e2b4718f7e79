// @vitest-environment jsdom
// The yarn detail's Suggestions tab shows an expedite note (PO, weeks short, lowest balance) when no order is
// suggested because open receipts end the shortage inside the lead time, instead of "No purchase suggestion".
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { SuggestionsList } from '../../../src/renderer/src/pages/yarn/SuggestionsList';

afterEach(cleanup);

describe('SuggestionsList with expedite notes', () => {
  it('shows the note, not "No purchase suggestion"', () => {
    const text =
      'Expedite PO Y2508002 (16000 lbs due 2025-W47): the balance is short for 9 week(s) from 2025-W38 (lowest -8192 lbs) and no order placed today arrives before 2025-11-11.';
    render(
      <SuggestionsList
        suggestions={[]}
        expediteNotes={[
          {
            firstShortWeek: '2025-09-15',
            shortWeeks: 9,
            lowestBalanceLbs: -8192.3,
            recoveryWeek: '2025-11-17',
            receipts: [{ poNo: 'Y2508002', weekStart: '2025-11-17', lbs: 16000 }],
            text,
          },
        ]}
      />,
    );
    expect(screen.queryByText('No purchase suggestion for this yarn.')).toBeNull();
    const note = screen.getByTestId('yarn-detail-expedite-note');
    expect(note.textContent).toContain('EXPEDITE RECEIPTS');
    expect(note.textContent).toContain('short 9 week(s) from 2025-W38');
    expect(note.textContent).toContain(text);
  });

  it('says there is no suggestion when there is neither', () => {
    render(<SuggestionsList suggestions={[]} />);
    expect(screen.getByText('No purchase suggestion for this yarn.')).toBeTruthy();
  });
});
