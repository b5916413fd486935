import { describe, expect, it } from 'vitest';
import { redisSettingsFromUrl } from './redisSettings';

describe('redisSettingsFromUrl', () => {
  it('reads host, port, credentials, database and TLS', () => {
    expect(redisSettingsFromUrl('redis://127.0.0.1:6390')).toMatchObject({ host: '127.0.0.1', port: 6390 });
    expect(redisSettingsFromUrl('rediss://desk:p%40ss@redis.example:6380/2')).toMatchObject({
      host: 'redis.example', port: 6380, options: { username: 'desk', password: 'p@ss', db: 2, tls: {} },
    });
    expect(redisSettingsFromUrl('redis://cache')).toMatchObject({ host: 'cache', port: 6379 });
  });

  it('refuses what is not a Redis URL, saying what is expected', () => {
    expect(() => redisSettingsFromUrl('localhost:6379')).toThrow(/redis:\/\//);
    expect(() => redisSettingsFromUrl('http://cache:6379')).toThrow(/redis:\/\//);
    expect(() => redisSettingsFromUrl('redis://cache/desk')).toThrow(/number/);
  });
});
