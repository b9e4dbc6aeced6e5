// The signed-in explorer's side of the session: the headers every request carries (CSRF token, the
// percent-encoded 查询事由, which the server's own decoder reads back), when the reason is asked for (once,
// before the first read of people; again when the server says REASON_REQUIRED), what an ended session does,
// and the sign-in page's reading of refusals.
import { describe, expect, it } from 'vitest';
import { reasonFrom } from '../../../server/graphql/context.js';
import { pagesFor } from '../../../web/src/panels/account.js';
import { createAuth } from '../../../web/src/api/auth.js';
import { ApiError, type Fetch } from '../../../web/src/api/client.js';
import { createApi, SEARCH } from '../../../web/src/api/queries.js';
import {
  afterError,
  cleanReason,
  encodeReason,
  Gate,
  needsReasonFirst,
  REASON_KEY,
  reasonStore,
  sessionHeaders,
} from '../../../web/src/api/session.js';
import { NOTICE_KEY, noteForNextPage, signInError, takeNotice } from '../../../web/src/session-flow.js';
import { auditFilter } from '../../../web/src/admin/audit.js';
import { tokenDays } from '../../../web/src/admin/tokens.js';
import { userChanges } from '../../../web/src/admin/users.js';

/** sessionStorage as the page has it. */
function memoryStorage() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the 查询事由 on the wire', () => {
  it('is percent-encoded, and the server reads back exactly what was typed', () => {
    const typed = '（2026）某纪立字第12号 线索核查';
    const header = sessionHeaders(null, typed)['x-huiyan-reason']!;
    // A header value is Latin-1: nothing outside printable ASCII may be sent.
    expect(header).toMatch(/^[\x21-\x7e]+$/);
    expect(reasonFrom(header)).toBe(typed);
    expect(reasonFrom(encodeReason('case 12: 100% sure'))).toBe('case 12: 100% sure');
  });

  it('drops control characters, trims, caps at 200 and sends nothing for an empty reason', () => {
    expect(cleanReason('  a\r\nb\t ')).toBe('ab');
    expect(cleanReason('字'.repeat(300))).toHaveLength(200);
    expect(cleanReason(' \n ')).toBeNull();
    expect(sessionHeaders('tok', '  ')).toEqual({ 'x-huiyan-csrf': 'tok' });
    expect(sessionHeaders(null, null)).toEqual({});
  });

  it('is kept for the tab (sessionStorage) and cleared at sign-out', () => {
    const storage = memoryStorage();
    const reasons = reasonStore(storage);
    expect(reasons.get()).toBeNull();
    reasons.set(' 案件 12 ');
    expect(storage.map.get(REASON_KEY)).toBe('案件 12');
    expect(reasonStore(storage).get()).toBe('案件 12');
    reasons.clear();
    expect(storage.map.has(REASON_KEY)).toBe(false);
    expect(reasons.get()).toBeNull();
  });
});

describe('what a failed request leads to', () => {
  it('goes back to sign-in when the session is gone, asks once for a wanted reason, shows the rest', () => {
    expect(afterError('UNAUTHENTICATED', false)).toBe('signIn');
    expect(afterError('HTTP_401', true)).toBe('signIn');
    expect(afterError('REASON_REQUIRED', false)).toBe('askReason');
    expect(afterError('REASON_REQUIRED', true)).toBe('show');
    expect(afterError('FORBIDDEN', false)).toBe('show');
  });

  it('asks before reading people, not before the inbox or the vocabulary', () => {
    expect(['ExplorerSearch', 'ExplorerEntity', 'ExplorerNeighbours', 'ExplorerAlert'].every(needsReasonFirst)).toBe(true);
    // A dossier, a linked canvas and a saved view name people too.
    expect(['ExplorerIntegrityRecord', 'ExplorerViewGraph', 'ExplorerView', 'ExplorerSaveView'].every(needsReasonFirst)).toBe(true);
    expect(['ExplorerAlerts', 'ExplorerGraphSchema', 'ExplorerMe', 'AdminUsers'].some(needsReasonFirst)).toBe(false);
  });
});

describe('the Gate', () => {
  /** A server that answers each request from the list, recording the headers it got. */
  function server(answers: ((headers: Headers) => Response)[]) {
    const seen: { op: string; headers: Headers }[] = [];
    const fetchImpl: Fetch = async (_url, init) => {
      const headers = new Headers(init.headers);
      seen.push({ op: (JSON.parse(String(init.body)) as { operationName: string }).operationName, headers });
      const next = answers.shift();
      if (!next) throw new Error('unexpected request');
      return next(headers);
    };
    return { seen, fetchImpl };
  }

  function gate(fetchImpl: Fetch, answers: (string | null)[]) {
    const asked: number[] = [];
    let ended = 0;
    const g = new Gate(
      reasonStore(memoryStorage()),
      {
        askReason: async () => {
          asked.push(1);
          // Let other requests pile up on the same prompt.
          await new Promise((r) => setTimeout(r, 5));
          return answers.shift() ?? null;
        },
        ended: () => void ended++,
      },
      fetchImpl,
    );
    g.csrf = 'csrf-1';
    return { g, asked, ended: () => ended };
  }

  it('asks once for the reason before the first searches, then sends it and the CSRF token with each', async () => {
    const ok = () => json({ data: { search: [] } });
    const s = server([ok, ok, ok]);
    const { g, asked } = gate(s.fetchImpl, ['线索核查']);
    const api = createApi(g);
    await Promise.all([api.search('王'), api.search('李')]);
    await api.search('张');
    expect(asked).toHaveLength(1);
    for (const r of s.seen) {
      expect(r.headers.get('x-huiyan-csrf')).toBe('csrf-1');
      expect(reasonFrom(r.headers.get('x-huiyan-reason'))).toBe('线索核查');
    }
  });

  it('sends nothing when the prompt is cancelled, and says REASON_REQUIRED', async () => {
    const s = server([]);
    const { g } = gate(s.fetchImpl, [null]);
    await expect(g.run('ExplorerSearch', SEARCH, { q: '王' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    expect(s.seen).toHaveLength(0);
  });

  it('does not ask before the inbox; asks when the server wants a reason, and sends the request again once', async () => {
    const wants = () => json({ errors: [{ message: 'state a reason', extensions: { code: 'REASON_REQUIRED' } }] });
    const s = server([wants, () => json({ data: { alerts: 1 } }), wants, wants]);
    const { g, asked } = gate(s.fetchImpl, ['复核', '再次复核']);
    expect(await g.run('ExplorerAlerts', 'query ExplorerAlerts { x }')).toEqual({ alerts: 1 });
    expect(asked).toHaveLength(1);
    expect(s.seen[0]!.headers.has('x-huiyan-reason')).toBe(false);
    expect(reasonFrom(s.seen[1]!.headers.get('x-huiyan-reason'))).toBe('复核');
    // A server that still refuses after the reason was given: the error is shown, no endless prompting.
    await expect(g.run('ExplorerAlerts', 'query ExplorerAlerts { x }')).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    expect(asked).toHaveLength(2);
  });

  it('hands an ended session to the sign-in page', async () => {
    const s = server([() => json({ errors: [{ message: 'The session has ended', extensions: { code: 'UNAUTHENTICATED' } }] }, 401)]);
    const { g, ended } = gate(s.fetchImpl, []);
    await expect(g.run('ExplorerMe', 'query ExplorerMe { me { name } }')).rejects.toBeInstanceOf(ApiError);
    expect(ended()).toBe(1);
  });
});

describe('sign-in', () => {
  it('reads the server refusals: wrong password, locked with the time', () => {
    expect(signInError('UNAUTHENTICATED', 'Wrong user name or password 用户名或密码错误')).toEqual({ key: 'signin.wrong' });
    const locked = signInError(
      'LOCKED',
      'Too many failed sign-ins: try again after 2026-12-02T07:15:00.000Z 登录失败次数过多，账户已暂时锁定',
    );
    expect(locked.key).toBe('signin.lockedUntil');
    expect(locked.until?.toISOString()).toBe('2026-12-02T07:15:00.000Z');
    expect(signInError('LOCKED', 'locked')).toEqual({ key: 'signin.locked' });
    expect(signInError('BAD_INPUT', 'name is required')).toEqual({ key: 'signin.failed' });
  });

  it('turns the /auth error body into a coded error, and no session into null', async () => {
    const auth = createAuth(async (url) =>
      url === '/auth/session'
        ? json({ error: { code: 'UNAUTHENTICATED', message: 'Not signed in' } }, 401)
        : json({ error: { code: 'LOCKED', message: 'try again after 2026-12-02T07:15:00.000Z' } }, 423),
    );
    expect(await auth.session()).toBeNull();
    await expect(auth.login('张三', 'x')).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringContaining('2026-12-02') });
  });

  it('shows the notice of the page before once', () => {
    const storage = memoryStorage();
    noteForNextPage(storage, 'ended');
    expect(storage.map.get(NOTICE_KEY)).toBe('ended');
    expect(takeNotice(storage)).toBe('ended');
    expect(takeNotice(storage)).toBeNull();
    storage.setItem(NOTICE_KEY, '<script>');
    expect(takeNotice(storage)).toBeNull();
  });
});

describe('admin pages', () => {
  it('are offered by permission', () => {
    expect(pagesFor(null)).toEqual(['explore']);
    expect(pagesFor({ permissions: ['read'] })).toEqual(['explore', 'stats']);
    expect(pagesFor({ permissions: ['read', 'checkSubject', 'screenLists'] })).toEqual(['explore', 'stats', 'screen', 'preaward']);
    expect(pagesFor({ permissions: ['read', 'manageAccess', 'readAudit'] })).toEqual(['explore', 'stats', 'users', 'tokens', 'audit']);
    expect(pagesFor({ permissions: ['read', 'checkSubject', 'resolveEntities'] })).toEqual(['explore', 'stats', 'preaward', 'resolution']);
    expect(pagesFor({ permissions: ['read', 'runModels', 'authorModels'] })).toEqual(['explore', 'stats', 'workbench']);
  });

  it('send only what an edit changed (an admin editing themself sends no role)', () => {
    const before = { displayName: '王五', role: 'admin' as const, units: ['*'] };
    expect(userChanges(before, { displayName: '王五 ', role: 'admin', units: ['*'] })).toEqual({});
    expect(userChanges(before, { displayName: '王五（纪委）', role: 'admin', units: ['*'] })).toEqual({ displayName: '王五（纪委）' });
    expect(userChanges(before, { displayName: '', role: 'viewer', units: ['Org:1', 'Org:2'] })).toEqual({
      role: 'viewer',
      units: ['Org:1', 'Org:2'],
    });
  });

  it('search the audit trail with blanks left out and whole days in the browser zone', () => {
    const blank = { actor: ' ', entity: '', operation: '', kind: '', from: '', to: '', outsideOnly: false };
    expect(auditFilter(blank)).toEqual({ actor: null, entity: null, operation: null, kind: null, from: null, to: null, outsideOnly: null });
    const f = auditFilter({
      ...blank,
      actor: ' 张三 ',
      entity: 'Person:abc',
      kind: 'READ',
      from: '2026-12-01',
      to: '2026-12-01',
      outsideOnly: true,
    });
    expect(f).toMatchObject({ actor: '张三', entity: 'Person:abc', kind: 'READ', outsideOnly: true });
    // One whole local day: from its midnight to the next (exclusive), as the API reads `to`.
    expect(new Date(f.to!).getTime() - new Date(f.from!).getTime()).toBe(24 * 3600_000);
    expect(auditFilter({ ...blank, kind: 'DELETE' }).kind).toBeNull();
  });

  it('issue tokens for 1 to 730 whole days', () => {
    expect(tokenDays('90')).toBe(90);
    expect(['0', '731', '1.5', '', 'abc'].map(tokenDays)).toEqual([null, null, null, null, null]);
  });
});
