/** Inline messages: errors (role alert), loading and empty states. */
import type { ReactNode } from 'react';

export function ErrorText({ message }: { message: string | null }) {
  if (!message) return null;
  return <p className="error-text" role="alert">{message}</p>;
}

export function Loading({ label = '正在加载…' }: { label?: string }) {
  return <p className="muted-state" aria-busy="true">{label}</p>;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="muted-state">{children}</p>;
}
