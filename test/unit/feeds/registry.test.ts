import { describe, expect, it } from 'vitest';
import { listMappings } from '../../../loaders/index.js';
import { InvalidFeedRegistry, parseFeedRegistry, readFeedRegistry } from '../../../platform/feeds/registry.js';
import { DEMO_FEEDS_FILE } from '../../../synth/demo-feeds.js';

const MAPPINGS = ['hukou', 'welfare', 'payroll', 'death'];

const feed = (over: Record<string, string> = {}) => {
  const f: Record<string, string> = {
    id: 'welfare',
    title: '{ zh: 民生资金发放, en: Welfare payments }',
    department: '桐庐县民政局',
    responsible: '桐庐县民政局',
    mappings: '[welfare]',
    cadence: 'monthly',
    delivery: 'delta',
    rejectRateMax: '0.05',
    ...over,
  };
  return Object.entries(f)
    .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`)
    .join('\n');
};
const registry = (...feeds: string[]) => `feeds:\n${feeds.join('\n')}\n`;

/** The refusal's message, or a failure when the text was accepted. */
function refusal(text: string): string {
  try {
    parseFeedRegistry(text, MAPPINGS, 'feeds.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidFeedRegistry);
    expect((e as InvalidFeedRegistry).code).toBe('INVALID_FEEDS');
    return (e as Error).message;
  }
  throw new Error('the registry was accepted');
}

describe('the feed registry', () => {
  it('reads a good registry, graceDays defaulting to 0 and a numeric unit code kept as text', () => {
    const feeds = parseFeedRegistry(
      registry(feed(), feed({ id: 'payroll', mappings: '[payroll, death]', responsible: '330122', cadence: 'quarterly', dueDay: '15' })),
      MAPPINGS,
    );
    expect(feeds.map((f) => [f.id, f.cadence, f.graceDays, f.dueDay, f.responsible])).toEqual([
      ['welfare', 'monthly', 0, undefined, '桐庐县民政局'],
      ['payroll', 'quarterly', 0, 15, '330122'],
    ]);
  });

  it('refuses a bad cadence, naming the feed and the known ones', () => {
    expect(refusal(registry(feed({ cadence: 'fortnightly' })))).toMatch(
      /feeds\[0\]\.cadence: unknown cadence "fortnightly" \(known: daily, weekly, monthly, quarterly, on-change\)/,
    );
  });

  it('refuses a mapping id the loaders do not know', () => {
    expect(refusal(registry(feed({ mappings: '[welfare, welfar]' })))).toMatch(
      /feeds\[0\] \(welfare\): unknown mapping welfar \(known: death, hukou, payroll, welfare\)/,
    );
  });

  it('refuses a duplicate id and a mapping filed by two feeds', () => {
    const msg = refusal(registry(feed(), feed({ mappings: '[hukou]' }), feed({ id: 'again', mappings: '[welfare]' })));
    expect(msg).toMatch(/feeds\[1\] \(welfare\): duplicate id welfare/);
    expect(msg).toMatch(/feeds\[2\] \(again\): mapping welfare is already filed by feed welfare/);
  });

  it('refuses unknown keys, a missing title, a bad delivery kind and a threshold above 1', () => {
    const msg = refusal(registry(feed({ title: '{ zh: 民生 }', delivery: 'full', rejectRateMax: '5', cadense: 'monthly' })));
    expect(msg).toMatch(/feeds\[0\]: unknown key "cadense"/);
    expect(msg).toMatch(/feeds\[0\]\.title\.en: is required/);
    expect(msg).toMatch(/feeds\[0\]\.delivery: unknown delivery "full" \(known: snapshot, delta\)/);
    expect(msg).toMatch(/feeds\[0\]\.rejectRateMax: /);
  });

  it('refuses dueDay on a weekly feed, dueDay with graceDays, and graceDays on an on-change feed', () => {
    expect(refusal(registry(feed({ cadence: 'weekly', dueDay: '5' })))).toMatch(/dueDay is for monthly or quarterly feeds, not weekly/);
    expect(refusal(registry(feed({ dueDay: '5', graceDays: '3' })))).toMatch(/give dueDay or graceDays, not both/);
    expect(refusal(registry(feed({ cadence: 'on-change', graceDays: '3' })))).toMatch(/an on-change feed has no due date/);
  });

  it('says a missing cadence or delivery is required, like any other missing key', () => {
    const msg = refusal(
      'feeds:\n  - { id: x, title: { zh: 甲, en: A }, department: D, responsible: R, mappings: [hukou], rejectRateMax: 0.1 }\n',
    );
    expect(msg).toMatch(/feeds\[0\]\.cadence: is required/);
    expect(msg).toMatch(/feeds\[0\]\.delivery: is required/);
  });

  it('refuses text that is not YAML, with the file named', () => {
    expect(refusal('feeds: [')).toMatch(/^feed registry feeds\.yaml: not valid YAML/);
  });

  it('ships a demo registry that files every shipped mapping exactly once', () => {
    const ids = listMappings().map((m) => m.id);
    const feeds = readFeedRegistry(DEMO_FEEDS_FILE, ids);
    expect(feeds.flatMap((f) => f.mappings).sort()).toEqual([...ids].sort());
  });

  it('names a registry file it cannot read', () => {
    expect(() => readFeedRegistry('/nonexistent/feeds.yaml', MAPPINGS)).toThrow(
      /feed registry \/nonexistent\/feeds\.yaml: cannot read the file \(ENOENT\)/,
    );
  });
});
