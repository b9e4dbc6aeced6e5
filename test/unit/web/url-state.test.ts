import { describe, expect, it } from 'vitest';
import { deepLink } from '../../../web/src/view/url-sync.js';
import { decodeUrlState, EMPTY_URL_STATE, encodeUrlState, MAX_URL_ENTITIES } from '../../../web/src/view/url-state.js';

describe('URL state', () => {
  it('round-trips a view: canvas entities, the open alert, as-of date, filter and report', () => {
    const s = {
      ...EMPTY_URL_STATE,
      entities: ['Person:a b', 'Company:91&x=1'],
      alert: 'fp-1',
      asOf: '2023-06-01',
      report: { kind: 'record' as const, id: 'Person:a b' },
      inbox: { ...EMPTY_URL_STATE.inbox, state: 'open', severity: 'HIGH', mine: true, subject: { id: 'Person:x', caption: '王志强' } },
    };
    const text = encodeUrlState(s);
    expect(text).toBe(
      'alert=fp-1&e=Person%3Aa+b&e=Company%3A91%26x%3D1&asOf=2023-06-01&state=open&severity=HIGH&mine=1&subject=Person%3Ax' +
        '&subjectCaption=%E7%8E%8B%E5%BF%97%E5%BC%BA&report=record&rid=Person%3Aa+b',
    );
    expect(decodeUrlState(`?${text}`)).toEqual(s);
  });

  it('opens a deep link from another system: ?entity= and ?alert= alone', () => {
    expect(decodeUrlState('?entity=Person%3A123')).toEqual({ ...EMPTY_URL_STATE, entity: 'Person:123' });
    expect(decodeUrlState('alert=abc')).toMatchObject({ alert: 'abc', entities: [] });
  });

  it('encodes the empty view as no query at all', () => {
    expect(encodeUrlState(EMPTY_URL_STATE)).toBe('');
  });

  it('drops what is not a date or not a report kind, and duplicate entities', () => {
    const s = decodeUrlState('asOf=2023-13-45&from=yesterday&report=pdf&rid=x&e=A&e=A&e=B');
    expect(s.asOf).toBeNull();
    expect(s.inbox.from).toBe('');
    expect(s.report).toBeNull();
    expect(s.entities).toEqual(['A', 'B']);
  });

  it('caps the entities a link can carry', () => {
    const many = Array.from({ length: MAX_URL_ENTITIES + 20 }, (_, i) => `e=N${i}`).join('&');
    expect(decodeUrlState(many).entities).toHaveLength(MAX_URL_ENTITIES);
  });
});

describe('deep link over sign-in', () => {
  const storage = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    } as unknown as Storage;
  };

  it('keeps the query over a sign-in that comes back to the bare page, and gives it once', () => {
    const s = storage();
    deepLink.keep(s, '?alert=abc');
    expect(deepLink.take(s, '')).toBe('?alert=abc');
    expect(deepLink.take(s, '')).toBe('');
  });

  it('prefers the address when it still has its query', () => {
    const s = storage();
    deepLink.keep(s, '?alert=old');
    expect(deepLink.take(s, '?entity=new')).toBe('?entity=new');
    expect(deepLink.take(s, '')).toBe('');
  });
});
