import { describe, expect, it } from 'vitest';
import { invalidateExternallyChanged } from '../../main/display-content/external-changes.ts';
import type { ChangedTables } from '../../main/storage/postgres-change-feed.ts';

/** What the display content was asked to do for one set of another process's changes. */
function reaction(changes: ChangedTables): string[] {
  const calls: string[] = [];
  invalidateExternallyChanged({
    invalidate: (displayId?: number) => void calls.push(displayId === undefined ? 'all' : `display ${displayId}`),
    invalidateDashboards: () => void calls.push('dashboards'),
    recheckPhotos: () => void calls.push('photos'),
  }, changes);
  return calls;
}

describe("display content after another process's commits", () => {
  it('recomputes only the displays whose own rows changed', () => {
    expect(reaction(new Map([['displays', new Set([4])], ['display_frames', new Set([4, 9])]]))).toEqual(['display 4', 'display 4', 'display 9']);
  });

  it('sends new panel images to the dashboards and library changes to the photo check', () => {
    expect(reaction(new Map([['frames', null], ['variants', null], ['photos', null]]))).toEqual(['dashboards', 'photos', 'photos']);
  });

  it('leaves everything for job bookkeeping', () => {
    expect(reaction(new Map([['jobs', null], ['job_executions', null]]))).toEqual([]);
  });

  it('recomputes every display for any other table, a display added or removed, or when it is not known what changed', () => {
    expect(reaction(new Map([['screens', null]]))).toEqual(['all']);
    expect(reaction(new Map([['displays', null]]))).toEqual(['all']);
    expect(reaction(null)).toEqual(['all']);
  });
});
