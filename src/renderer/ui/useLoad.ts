/**
 * The one way a page loads its data: `useLoad(load, deps)` runs `load` when `deps` change or on
 * `reload()`, hands it an AbortSignal, and keeps only the answer of the latest run, so no page writes
 * its own "cancelled" flag, request counter or reload counter. A failure becomes `error`, a Chinese
 * message for the screen (see LoadState), never a silent catch.
 */
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorMessage } from '../api/client';

/** What a page knows about one piece of data it loads. */
export interface Loaded<T> {
  /** The latest answer; kept while a reload runs and after a failed one, null before the first. */
  data: T | null;
  /** The failure of the latest run, in Chinese for the user; null when it succeeded or is running. */
  error: string | null;
  /** Whether a run is under way. */
  loading: boolean;
  /** Loads again (the latest run wins; an earlier one still running is aborted and ignored). */
  reload: () => void;
  /** Replaces the data locally, e.g. with what a save returned, without a round trip. */
  update: (change: (current: T | null) => T | null) => void;
}

interface State<T> { data: T | null; error: string | null; loading: boolean }

/**
 * Loads data for a component. `load` receives a signal aborted when a newer run starts or the
 * component goes away; `deps` are the values `load` reads, as for useEffect. While `enabled` is
 * false nothing runs and the state stays as it was (e.g. a date being typed is not yet valid).
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, enabled = true): Loaded<T> {
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    setState((s) => (s.loading && s.error === null ? s : { ...s, error: null, loading: true }));
    load(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setState({ data, error: null, loading: false }); },
      (caught: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ data: s.data, error: errorMessage(caught), loading: false }));
      },
    );
    return () => controller.abort();
    // `load` is read afresh on each run; what it depends on is in `deps`.
  }, [...deps, enabled, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback((change: (current: T | null) => T | null) => {
    setState((s) => ({ ...s, data: change(s.data) }));
  }, []);
  return { ...state, reload, update };
}

/** Waits `ms` (a debounce inside a `load`); rejects when `signal` aborts, so a superseded run stops there. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}
