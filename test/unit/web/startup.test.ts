// The explorer says what a just-started server is doing (/healthz's startup) and reads the inbox again once
// the first model runs are done.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../../../web/src/i18n.js';
import { fetchStartup, startupLine, watchStartup, type StartupState } from '../../../web/src/startup.js';

const state = (phase: StartupState['phase'], modelsDone = 0, modelsTotal = 0, error: string | null = null): StartupState => ({
  phase,
  modelsDone,
  modelsTotal,
  error,
});
const zh = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh', k, p);
const en = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p);

describe('the start line', () => {
  it('names each phase, with the models run so far, and nothing once ready', () => {
    expect(startupLine(state('seeding'), zh)).toContain('正在载入演示数据');
    expect(startupLine(state('checking'), zh)).toContain('正在检查模型库');
    expect(startupLine(state('models', 12, 35), zh)).toContain('（12/35）');
    expect(startupLine(state('models', 12, 35), en)).toContain('12 of 35');
    expect(startupLine(state('failed', 0, 0, 'the demo files are unreadable'), en)).toContain('the demo files are unreadable');
    expect(startupLine(state('ready', 35, 35), zh)).toBeNull();
  });

  it('reads the start state from /healthz, and none from an answer without it', async () => {
    const answer = (body: unknown) => (async () => new Response(JSON.stringify(body))) as unknown as typeof fetch;
    expect(await fetchStartup(answer({ ok: true, startup: state('checking') }))).toEqual(state('checking'));
    expect(await fetchStartup(answer({ ok: true }))).toBeNull();
  });
});

describe('watching the start', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows each phase and reads the inbox again once when the models are done', async () => {
    const answers = [state('seeding'), state('checking'), state('models', 3, 35), state('ready', 35, 35)];
    const shown: (string | null)[] = [];
    const ready = vi.fn();
    watchStartup(
      async () => answers.shift()!,
      (s) => shown.push(s?.phase ?? null),
      ready,
      1000,
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toEqual(['seeding', 'checking', 'models', 'ready']);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('does not reload the inbox for a server that was ready at the first answer, and stops asking', async () => {
    const ask = vi.fn(async () => state('ready', 35, 35));
    const ready = vi.fn();
    watchStartup(ask, () => {}, ready, 1000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ready).not.toHaveBeenCalled();
  });

  it('asks again after a failed request, and stops at a failed start', async () => {
    let n = 0;
    const ask = vi.fn(async () => {
      n++;
      if (n === 1) throw new Error('connection refused');
      return state('failed', 0, 0, 'boom');
    });
    const shown: (string | null)[] = [];
    watchStartup(
      ask,
      (s) => shown.push(s?.phase ?? null),
      () => {},
      1000,
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(shown).toEqual(['failed']);
  });
});
