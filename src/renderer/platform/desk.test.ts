import { afterEach, describe, expect, it } from 'vitest';
import type { DeskWindowApi, MenuCommand } from '../../shared/desk';
import { onInPageNotice, onMenuCommand } from './desk';

/** A desktop shell whose menu channel the test drives: `send` is what the main process sends. */
function fakeShell(): { send: (command: MenuCommand) => void } {
  let handler: ((command: MenuCommand) => void) | null = null;
  const desk: Pick<DeskWindowApi, 'onMenuCommand'> = {
    onMenuCommand: (listener) => { handler = listener; return () => { handler = null; }; },
  };
  Object.assign(globalThis, { window: { desk } });
  return { send: (command) => handler?.(command) };
}

afterEach(() => { Reflect.deleteProperty(globalThis, 'window'); });

describe('onMenuCommand', () => {
  it('shows a calm notice in the window when the shell restarts its crashed server, and passes commands on', () => {
    const shell = fakeShell();
    const commands: MenuCommand[] = [];
    const notices: string[] = [];
    const stopNotices = onInPageNotice((title, body) => notices.push(`${title}｜${body}`));
    const stop = onMenuCommand((command) => commands.push(command));
    shell.send('server-restarted');
    shell.send('find');
    stop();
    stopNotices();
    expect(commands).toEqual(['find']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('本机服务');
    expect(notices[0]).toContain('不会丢失');
  });
});
