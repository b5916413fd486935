import type { Configuration } from '@hocuspocus/extension-redis';

/** Where the instances meet in Redis: the server's connection settings for the Redis extension. */
export type RedisSettings = Pick<Configuration, 'host' | 'port' | 'options'>;

/**
 * Reads `WENGAO_REDIS_URL` (`redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS) into
 * the Redis extension's settings. Throws a clear message for anything else.
 */
export function redisSettingsFromUrl(url: string): RedisSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`WENGAO_REDIS_URL is not a URL: ${url} (expected redis://host:6379)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`WENGAO_REDIS_URL must start with redis:// or rediss://, not ${parsed.protocol}`);
  }
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`WENGAO_REDIS_URL names database "${db}": a number is expected`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    options: {
      ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
      ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
      ...(db !== '' && { db: Number(db) }),
      ...(parsed.protocol === 'rediss:' && { tls: {} }),
      // A lost connection is retried with backoff rather than failing every command at once.
      maxRetriesPerRequest: 3,
    },
  };
}
