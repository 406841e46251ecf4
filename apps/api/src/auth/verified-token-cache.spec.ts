import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('gives back what a token carries until its expiry, and nothing from then on', () => {
    const cache = new VerifiedTokenCache<string>(10, clock);
    cache.set('t1', 'rep1', now + 5000);
    now += 4999;
    expect(cache.get('t1')).toBe('rep1');
    now += 1;
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not remember a token that has already expired', () => {
    const cache = new VerifiedTokenCache<string>(10, clock);
    cache.set('t1', 'rep1', now);
    expect(cache.get('t1')).toBeUndefined();
  });

  it('holds at most its capacity, evicting the least recently used token', () => {
    const cache = new VerifiedTokenCache<string>(3, clock);
    for (const t of ['a', 'b', 'c']) cache.set(t, t, now + 60_000);
    expect(cache.get('a')).toBe('a');
    cache.set('d', 'd', now + 60_000);
    cache.set('e', 'e', now + 60_000);
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((t) => cache.get(t))).toEqual(['a', undefined, undefined, 'd', 'e']);
  });
});
