import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './keyedMutex';

describe('KeyedMutex', () => {
  it('runs the tasks of one key one after another, even when one fails', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const slow = (name: string, ms: number, fail = false) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}:end`);
      if (fail) throw new Error(name);
      return name;
    };
    const a = mutex.run('doc', slow('a', 20, true));
    const b = mutex.run('doc', slow('b', 1));
    const c = mutex.run('other', slow('c', 1));
    await expect(a).rejects.toThrow('a');
    await expect(b).resolves.toBe('b');
    await expect(c).resolves.toBe('c');
    expect(log.indexOf('b:start')).toBeGreaterThan(log.indexOf('a:end'));
    expect(log.indexOf('c:start')).toBeLessThan(log.indexOf('a:end'));
  });
});
