import { describe, expect, it } from 'vitest';
import { decideOpenState, type OfflineCopyState, type OpenInputs, type OpenState } from './openState';

const base: OpenInputs = { current: 'opening', serverSynced: false, serverOut: false, offlineCopy: 'loading', graceOver: false };
const decide = (change: Partial<OpenInputs>): OpenState => decideOpenState({ ...base, ...change });
const COPIES: OfflineCopyState[] = ['none', 'loading', 'empty', 'body'];

describe('decideOpenState', () => {
  it('stays opening while neither the server nor an offline copy has brought the body', () => {
    for (const offlineCopy of COPIES) {
      expect(decide({ offlineCopy }), offlineCopy).toBe('opening');
    }
    // A copy still loading is not "no copy": a failed connection waits for it rather than giving up.
    expect(decide({ offlineCopy: 'loading', serverOut: true })).toBe('opening');
    // An empty copy never opens, however long the server takes: an editable blank is what lost work.
    expect(decide({ offlineCopy: 'empty', graceOver: true })).toBe('opening');
    expect(decide({ offlineCopy: 'none', graceOver: true })).toBe('opening');
  });

  it('opens when the first sync with the server finished, whatever the offline copy holds', () => {
    for (const offlineCopy of COPIES) {
      expect(decide({ serverSynced: true, offlineCopy }), offlineCopy).toBe('open');
      expect(decide({ serverSynced: true, offlineCopy, serverOut: true, graceOver: true }), offlineCopy).toBe('open');
    }
  });

  it('opens an offline copy that holds the body once the server is out of reach or the grace is over', () => {
    expect(decide({ offlineCopy: 'body', serverOut: true })).toBe('offline-copy');
    expect(decide({ offlineCopy: 'body', graceOver: true })).toBe('offline-copy');
    expect(decide({ offlineCopy: 'body' })).toBe('opening');
  });

  it('says unreachable only when the server is out of reach and there is no copy to open', () => {
    expect(decide({ offlineCopy: 'none', serverOut: true })).toBe('unreachable');
    expect(decide({ offlineCopy: 'empty', serverOut: true })).toBe('unreachable');
  });

  it('keeps open and offline-copy: a body once shown stays, whatever the connection does', () => {
    for (const current of ['open', 'offline-copy'] as const) {
      for (const offlineCopy of COPIES) {
        expect(decide({ current, offlineCopy, serverOut: true })).toBe(current);
        expect(decide({ current, offlineCopy, serverSynced: true })).toBe(current);
      }
    }
  });

  it('leaves unreachable when the server comes back (重试), or for the copy once it has loaded', () => {
    expect(decide({ current: 'unreachable', offlineCopy: 'none', serverSynced: true })).toBe('open');
    expect(decide({ current: 'unreachable', offlineCopy: 'none' })).toBe('opening');
    expect(decide({ current: 'unreachable', offlineCopy: 'body', serverOut: true })).toBe('offline-copy');
  });

  it('is never open or offline-copy without the server sync or a copy holding the body', () => {
    const flags = [false, true];
    for (const current of ['opening', 'unreachable'] as const) {
      for (const offlineCopy of COPIES) {
        for (const serverOut of flags) {
          for (const graceOver of flags) {
            const state = decide({ current, offlineCopy, serverOut, graceOver });
            if (offlineCopy !== 'body') expect(state === 'open' || state === 'offline-copy').toBe(false);
          }
        }
      }
    }
  });
});
