/**
 * App commands that can come from outside a page (the desktop menu, shortcuts): a page that handles a
 * command subscribes with `useCommand`; a command sent while no page handles it waits for one, so
 * "新建文稿" from the editor can open the list and then its dialog. 查找 and 替换 act only on a body that
 * is open: sent where none is, they are dropped, not kept for the next document opened.
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/desk';

const handlers = new Map<MenuCommand, Set<() => void>>();
const pending = new Set<MenuCommand>();
const ONLY_WHERE_HANDLED: ReadonlySet<MenuCommand> = new Set(['find', 'replace']);

export function dispatchCommand(command: MenuCommand): void {
  const current = handlers.get(command);
  if (current && current.size > 0) current.forEach((handle) => handle());
  else if (!ONLY_WHERE_HANDLED.has(command)) pending.add(command);
}

export function useCommand(command: MenuCommand, handle: () => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const run = (): void => latest.current();
    const set = handlers.get(command) ?? new Set();
    handlers.set(command, set);
    set.add(run);
    if (pending.delete(command)) run();
    return () => { set.delete(run); };
  }, [command]);
}
