/** Where loaded data goes on the screen: its failure or a loading line until it is in, then the data. */
import type { ReactNode } from 'react';
import { ErrorText, Loading } from './Notice';
import type { Loaded } from './useLoad';

/**
 * Renders `children(data)` once the data is in. Before that it shows the failure (a calm Chinese
 * message where the data would be) or 正在加载…; a failed reload shows its message above the data
 * it could not refresh.
 */
export function LoadState<T>({ loaded, children, label }: {
  loaded: Pick<Loaded<T>, 'data' | 'error'>;
  children: (data: T) => ReactNode;
  /** The loading line, when 正在加载… does not fit. */
  label?: string;
}) {
  if (loaded.data === null) return loaded.error ? <ErrorText message={loaded.error} /> : <Loading label={label} />;
  return <>{loaded.error && <ErrorText message={loaded.error} />}{children(loaded.data)}</>;
}
