// @vitest-environment happy-dom
import { act, createElement, type DependencyList } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { useLoad, type Loaded } from './useLoad';

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

/** A promise settled by the test, and the signal its run received. */
interface Pending<T> { resolve: (value: T) => void; reject: (error: unknown) => void; signal: AbortSignal }

let root: Root;
let latest: Loaded<string>;
let runs: Array<Pending<string>>;

function loader(signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => { runs.push({ resolve, reject, signal }); });
}

function Probe({ deps }: { deps: DependencyList }) {
  latest = useLoad(loader, deps);
  return null;
}

async function render(deps: DependencyList): Promise<void> {
  await act(async () => { root.render(createElement(Probe, { deps })); });
}

async function settle(run: Pending<string>, outcome: { value: string } | { error: unknown }): Promise<void> {
  await act(async () => { if ('value' in outcome) run.resolve(outcome.value); else run.reject(outcome.error); });
}

describe('useLoad', () => {
  beforeEach(() => { runs = []; root = createRoot(document.createElement('div')); });
  afterEach(async () => { await act(async () => root.unmount()); });

  it('loads on mount and hands over the data', async () => {
    await render(['a']);
    expect(latest).toMatchObject({ data: null, error: null, loading: true });
    await settle(runs[0], { value: 'A' });
    expect(latest).toMatchObject({ data: 'A', error: null, loading: false });
  });

  it('keeps only the answer of the latest run when the deps change mid-flight', async () => {
    await render(['a']);
    await render(['b']);
    expect(runs[0].signal.aborted).toBe(true);
    await settle(runs[1], { value: 'B' });
    await settle(runs[0], { value: 'A (late)' });
    expect(latest.data).toBe('B');
  });

  it('puts a failure into a Chinese message, keeping the data it could not refresh', async () => {
    await render(['a']);
    await settle(runs[0], { value: 'A' });
    await act(async () => latest.reload());
    expect(latest).toMatchObject({ data: 'A', loading: true });
    await settle(runs[1], { error: new ApiError('forbidden', '没有权限执行此操作', 403) });
    expect(latest).toMatchObject({ data: 'A', error: '没有权限执行此操作', loading: false });
    await act(async () => latest.reload());
    await settle(runs[2], { error: new Error('boom') });
    expect(latest.error).toBe('操作失败，请稍后再试');
  });

  it('reloads on demand, the newest reload winning over an older one', async () => {
    await render(['a']);
    await act(async () => latest.reload());
    await act(async () => latest.reload());
    expect(runs).toHaveLength(3);
    expect(runs.slice(0, 2).every((run) => run.signal.aborted)).toBe(true);
    await settle(runs[2], { value: 'third' });
    await settle(runs[1], { value: 'second' });
    expect(latest.data).toBe('third');
  });

  it('updates the data locally', async () => {
    await render(['a']);
    await settle(runs[0], { value: 'A' });
    await act(async () => latest.update((current) => `${current ?? ''}+`));
    expect(latest.data).toBe('A+');
  });

  it('ignores an answer that arrives after unmounting', async () => {
    await render(['a']);
    await act(async () => root.unmount());
    expect(runs[0].signal.aborted).toBe(true);
    root = createRoot(document.createElement('div'));
  });
});

describe('useLoad, disabled', () => {
  beforeEach(() => { runs = []; root = createRoot(document.createElement('div')); });
  afterEach(async () => { await act(async () => root.unmount()); });

  function Gate({ enabled }: { enabled: boolean }) {
    latest = useLoad(loader, [], enabled);
    return null;
  }

  it('runs nothing while disabled and keeps what it had', async () => {
    await act(async () => { root.render(createElement(Gate, { enabled: true })); });
    await settle(runs[0], { value: 'A' });
    await act(async () => { root.render(createElement(Gate, { enabled: false })); });
    await act(async () => latest.reload());
    expect(runs).toHaveLength(1);
    expect(latest).toMatchObject({ data: 'A', error: null, loading: false });
    await act(async () => { root.render(createElement(Gate, { enabled: true })); });
    expect(runs).toHaveLength(2);
  });
});
