// Pure shaping of the statistics API's answers into what the charts and tables draw: names for the keys
// (model titles, state names in the user's language), 查实率 rows per model and revision. Unit-tested.
import type { Lang } from '../i18n.js';
import type { StatsOverview } from '../api/stats-queries.js';

export interface Series {
  names: string[];
  values: number[];
  /** The keys behind the names, in the same order (a unit's uid, a model id). */
  keys: string[];
}

type Bucket = { key: string; label?: string | null; count: number };

/** Bars in the order given, each named by `name` (falling back to the server's label, then the key). */
export function series(buckets: readonly Bucket[], name: (key: string) => string | undefined = () => undefined): Series {
  return {
    keys: buckets.map((b) => b.key),
    names: buckets.map((b) => name(b.key) ?? b.label ?? b.key),
    values: buckets.map((b) => b.count),
  };
}

export const modelTitles = (o: StatsOverview, lang: Lang): Map<string, string> =>
  new Map(o.models.map((m) => [m.id, lang === 'zh' ? m.titleZh : m.titleEn]));

export const stateNames = (o: StatsOverview, lang: Lang): Map<string, string> =>
  new Map(o.workflow.states.map((s) => [s.code, lang === 'zh' ? s.zh : s.en]));

export interface HitRateRow {
  model: string;
  title: string;
  /** null: the model over all its revisions. */
  revision: number | null;
  alerts: number;
  concluded: number;
  hitRate: number | null;
  medianDays: number | null;
}

/**
 * One row per model (all revisions), then one per revision when a model has more than one; models with no
 * alerts left out; highest 查实率 first, models with nothing concluded last.
 */
export function hitRateRows(o: StatsOverview, lang: Lang): HitRateRow[] {
  const titles = modelTitles(o, lang);
  const models = o.models
    .filter((m) => m.stats.alerts > 0)
    .sort((a, b) => (b.stats.hitRate ?? -1) - (a.stats.hitRate ?? -1) || b.stats.alerts - a.stats.alerts || a.id.localeCompare(b.id));
  return models.flatMap((m) => {
    const base = { model: m.id, title: titles.get(m.id) ?? m.id };
    const all: HitRateRow = {
      ...base,
      revision: null,
      alerts: m.stats.alerts,
      concluded: m.stats.concluded,
      hitRate: m.stats.hitRate ?? null,
      medianDays: m.stats.medianDaysToConclusion ?? null,
    };
    const revs =
      m.stats.byRevision.length > 1
        ? m.stats.byRevision.map((r) => ({
            ...base,
            revision: r.revision,
            alerts: r.alerts,
            concluded: r.concluded,
            hitRate: r.hitRate ?? null,
            medianDays: r.medianDaysToConclusion ?? null,
          }))
        : [];
    return [all, ...revs];
  });
}

/** 66.7 %, or — when there is nothing to divide. */
export const percent = (x: number | null): string => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
export const days = (x: number | null): string => (x === null ? '—' : (Math.round(x * 10) / 10).toFixed(1));
