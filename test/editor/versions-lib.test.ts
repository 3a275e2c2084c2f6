// The versions view's own choice: the month a new version applies from unless the author says otherwise.

import { describe, expect, it } from 'vitest';
import { addMonths, defaultEffectiveFrom, shownDate } from '../../editor/app/lib/versions-dates.js';

describe('defaultEffectiveFrom', () => {
  it('is the month after the published version’s when that is still to come', () => {
    expect(defaultEffectiveFrom('2027-03', new Date(2026, 11, 1))).toBe('2027-04');
  });
  it('is next month when the published version’s month is past, never a month already paid', () => {
    expect(defaultEffectiveFrom('2026-10', new Date(2026, 11, 1))).toBe('2027-01');
    expect(defaultEffectiveFrom('', new Date(2026, 4, 31))).toBe('2026-06');
  });
});

describe('addMonths', () => {
  it('carries into the next year', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
  });
});

it('shows an ISO date as date and minutes', () => {
  expect(shownDate('2026-12-01T10:04:59+08:00')).toBe('2026-12-01 10:04');
});
