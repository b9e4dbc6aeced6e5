// 模型工作台: write a model (the whole .cypher text) in the Cypher editor with the header's main fields as a form
// beside it; the server validates it as you type (header, parameters both ways, read-only by EXPLAIN, the
// procedure allowlist) and the problems show on their lines; try it on the live graph (a preview, within the
// time limit and row cap shown) and read the rows as a table or graph and the alerts new, kept and gone
// against the current revision; save a draft; publish with a reason. Below, the read-only console.
// Offered to analysts and admins (authorModels); the server checks every call again.
import type { Draft, Names, Trial, Validation, WorkbenchApi } from '../api/workbench-queries.js';
import { h, fill } from '../dom.js';
import { translate, type MessageKey } from '../i18n.js';
import type { Store } from '../state.js';
import { cypherField } from './editor.js';
import { NEW_MODEL, readField, writeField, type HeaderField } from './header-lines.js';
import { compareView, graphView, rowsTable } from './results.js';

const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const VALIDATE_AFTER_MS = 600;

export function mountWorkbench(root: HTMLElement, store: Store, api: WorkbenchApi): { open(): void } {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(store.get().lang, k, p);
  const editor = cypherField('wb-source', NEW_MODEL);
  const consoleEditor = cypherField('wb-console-source', 'MATCH (o:Org) RETURN o LIMIT 25');
  let names: Names | null = null;
  let validation: Validation | null = null;
  let trial: Trial | null = null;
  let resultTab: 'table' | 'graph' | 'compare' = 'compare';

  const status = h('p', { class: 'form-hint', 'data-testid': 'wb-status', role: 'status' });
  const problems = h('ul', { class: 'wb-problems', 'data-testid': 'wb-problems' });
  const message = h('p', { class: 'form-hint', 'data-testid': 'wb-message', role: 'alert' });
  const results = h('div', { class: 'wb-results', 'data-testid': 'wb-results' });
  const consoleOut = h('div', { class: 'wb-results', 'data-testid': 'wb-console-results' });
  const limits = h('p', { class: 'form-hint', 'data-testid': 'wb-limits' });
  const openSelect = h('select', { 'data-testid': 'wb-open' });
  const draftSelect = h('select', { 'data-testid': 'wb-drafts' });
  const params = h('div', { class: 'wb-params', 'data-testid': 'wb-params' });
  const reason = h('input', { type: 'text', 'data-testid': 'wb-reason', maxlength: 200 });
  const fixtures = h('textarea', { class: 'wb-fixtures', 'data-testid': 'wb-fixtures', rows: 6, spellcheck: 'false' });
  const fields: Record<HeaderField, HTMLInputElement | HTMLSelectElement> = {
    id: h('input', { type: 'text', 'data-testid': 'wb-field-id' }),
    titleZh: h('input', { type: 'text', 'data-testid': 'wb-field-titleZh' }),
    titleEn: h('input', { type: 'text', 'data-testid': 'wb-field-titleEn' }),
    severity: h(
      'select',
      { 'data-testid': 'wb-field-severity' },
      SEVERITIES.map((s) => h('option', { value: s }, s)),
    ),
  };
  const revision = h('span', { 'data-testid': 'wb-revision' });

  const say = (text: string) => (message.textContent = text);
  const failed = (e: unknown) => say(t('workbench.error', { msg: (e as Error).message }));
  const busy = async (label: MessageKey, work: () => Promise<void>) => {
    say(t(label));
    try {
      await work();
    } catch (e) {
      failed(e);
    }
  };

  const syncForm = () => {
    for (const [k, el] of Object.entries(fields) as [HeaderField, HTMLInputElement][])
      if (document.activeElement !== el) el.value = readField(editor.value(), k);
  };
  for (const [k, el] of Object.entries(fields) as [HeaderField, HTMLInputElement][])
    el.addEventListener('input', () => editor.set(writeField(editor.value(), k, el.value)));

  const paramValues = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const input of params.querySelectorAll<HTMLInputElement>('input[data-param]')) {
      const raw = input.value.trim();
      if (raw === '') continue;
      try {
        out[input.dataset.param!] = JSON.parse(raw);
      } catch {
        out[input.dataset.param!] = raw;
      }
    }
    return out;
  };

  const renderValidation = () => {
    const v = validation;
    if (!v) return;
    status.textContent = v.ok ? t('workbench.valid') : t('workbench.problems', { n: v.problems.length });
    status.className = `form-hint ${v.ok ? 'wb-ok' : 'wb-bad'}`;
    fill(
      problems,
      v.problems.map((p) => h('li', {}, p.line ? `${t('workbench.line', { n: p.line })}: ${p.message}` : p.message)),
    );
    editor.problems(v.problems);
    const current = names?.models.find((m) => m.id === v.id);
    revision.textContent = current ? t('workbench.currentRevision', { n: current.revision }) : t('workbench.newModel');
    const before = paramValues();
    fill(
      params,
      v.parameters.map((p) =>
        h(
          'label',
          { class: 'field' },
          h('span', {}, `${p.name} (${p.type})`),
          h('input', {
            type: 'text',
            'data-param': p.name,
            'data-testid': `wb-param-${p.name}`,
            placeholder: JSON.stringify(p.default),
            value: before[p.name] === undefined ? '' : JSON.stringify(before[p.name]),
          }),
        ),
      ),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const validate = () => {
    clearTimeout(timer);
    status.textContent = t('workbench.checking');
    timer = setTimeout(() => {
      const mine = ++asked;
      api.validate(editor.value()).then((v) => {
        if (mine !== asked) return;
        validation = v;
        renderValidation();
      }, failed);
    }, VALIDATE_AFTER_MS);
  };
  editor.onChange(() => {
    syncForm();
    validate();
  });

  const renderTrial = () => {
    if (!trial) return fill(results);
    const tabs = (['compare', 'table', 'graph'] as const).map((tab) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: 'tab',
          'data-testid': `wb-tab-${tab}`,
          'aria-selected': String(resultTab === tab),
          onclick: () => ((resultTab = tab), renderTrial()),
        },
        t(tab === 'compare' ? 'workbench.tabCompare' : tab === 'table' ? 'workbench.tabTable' : 'workbench.tabGraph'),
      ),
    );
    const body =
      resultTab === 'table'
        ? rowsTable(trial.columns, trial.table as unknown as Record<string, unknown>[], t)
        : resultTab === 'graph'
          ? graphView(trial.graph, t, showOnCanvas)
          : compareView(trial, t);
    fill(
      results,
      h('p', { 'data-testid': 'wb-ran' }, trial.error ?? t('workbench.ran', { rows: trial.rows, ms: trial.durationMs })),
      trial.truncated ? h('p', { class: 'form-hint wb-bad' }, t('workbench.truncated')) : null,
      h('div', { class: 'tabs', role: 'tablist' }, tabs),
      body,
    );
  };

  const showOnCanvas = (ids: string[]) => {
    store.dispatch({ type: 'page', page: 'explore' });
    for (const id of ids.slice(0, 100)) store.dispatch({ type: 'add', id });
  };

  const tryIt = () =>
    busy('workbench.trying', async () => {
      trial = await api.tryModel(editor.value(), paramValues());
      resultTab = 'compare';
      say('');
      renderTrial();
    });

  const saveDraft = () =>
    busy('workbench.checking', async () => {
      const name = readField(editor.value(), 'id') || 'draft';
      await api.saveDraft(name, editor.value());
      await loadDrafts();
      say(t('workbench.saved'));
    });

  const publish = () =>
    busy('workbench.checking', async () => {
      const p = await api.publish(editor.value(), reason.value, fixtures.value.trim() || null);
      names = await api.names();
      fillModels();
      editor.set(writeField(editor.value(), 'id', p.id).replace(/^(\/\/ revision:\s*)\d+/m, `$1${p.revision}`));
      say(t('workbench.published', { id: p.id, n: p.revision }));
    });

  const runConsole = () =>
    busy('workbench.trying', async () => {
      const r = await api.console(consoleEditor.value());
      say('');
      fill(
        consoleOut,
        h('p', {}, t('workbench.ran', { rows: (r.table as unknown as unknown[]).length, ms: r.durationMs })),
        r.truncated ? h('p', { class: 'form-hint wb-bad' }, t('workbench.truncated')) : null,
        rowsTable(r.columns, r.table as unknown as Record<string, unknown>[], t),
        graphView(r.graph, t, showOnCanvas),
      );
    });

  let drafts: Draft[] = [];
  const loadDrafts = async () => {
    drafts = await api.drafts();
    fill(
      draftSelect,
      h('option', { value: '' }, t('workbench.draftsNone')),
      drafts.map((d) => h('option', { value: d.name }, `${d.name} · ${d.updatedAt.slice(0, 16)}`)),
    );
  };
  draftSelect.addEventListener('change', () => {
    const d = drafts.find((x) => x.name === draftSelect.value);
    if (d) editor.set(d.source);
  });
  const fillModels = () =>
    fill(
      openSelect,
      h('option', { value: '' }, t('workbench.openNone')),
      (names?.models ?? []).map((m) => h('option', { value: m.id }, `${m.id} r${m.revision}`)),
    );
  openSelect.addEventListener('change', () => {
    const id = openSelect.value;
    if (!id) return editor.set(NEW_MODEL);
    void api.source(id).then((s) => s && editor.set(s), failed);
  });

  const labels: Partial<Record<MessageKey, HTMLElement>> = {};
  const label = (k: MessageKey, tag: 'span' | 'h2' | 'h3' | 'button' = 'span', attrs: Record<string, string | ((e: Event) => void)> = {}) =>
    (labels[k] = h(tag, attrs));
  root.append(
    h(
      'div',
      { class: 'wb-top' },
      label('workbench.title', 'h2', { class: 'admin-title' }),
      h('label', { class: 'field' }, label('workbench.open'), openSelect),
      h('label', { class: 'field' }, label('workbench.drafts'), draftSelect),
    ),
    h(
      'div',
      { class: 'wb-main' },
      h('div', { class: 'wb-left' }, editor.el, status, problems),
      h(
        'form',
        { class: 'admin-form wb-form', 'data-testid': 'wb-header-form', onsubmit: (e: Event) => e.preventDefault() },
        label('workbench.header', 'h3', { class: 'section' }),
        h('label', { class: 'field' }, label('workbench.id'), fields.id),
        h('p', { class: 'form-hint' }, revision),
        h('label', { class: 'field' }, label('workbench.titleZh'), fields.titleZh),
        h('label', { class: 'field' }, label('workbench.titleEn'), fields.titleEn),
        h('label', { class: 'field' }, label('workbench.severity'), fields.severity),
        label('workbench.params', 'h3', { class: 'section' }),
        params,
        limits,
        h(
          'div',
          { class: 'wb-actions' },
          label('workbench.try', 'button', {
            type: 'button',
            class: 'btn btn-small',
            'data-testid': 'wb-try',
            onclick: () => void tryIt(),
          }),
          label('workbench.saveDraft', 'button', {
            type: 'button',
            class: 'btn btn-small btn-ghost',
            'data-testid': 'wb-save',
            onclick: () => void saveDraft(),
          }),
        ),
        h('label', { class: 'field' }, label('workbench.fixtures'), fixtures),
        h('label', { class: 'field' }, label('workbench.reason'), reason),
        label('workbench.publish', 'button', {
          type: 'button',
          class: 'btn btn-small',
          'data-testid': 'wb-publish',
          onclick: () => void publish(),
        }),
        message,
      ),
    ),
    results,
    h(
      'section',
      { class: 'wb-console' },
      label('workbench.console', 'h3', { class: 'section' }),
      h('p', { class: 'form-hint' }, label('workbench.consoleHint')),
      consoleEditor.el,
      label('workbench.consoleRun', 'button', {
        type: 'button',
        class: 'btn btn-small',
        'data-testid': 'wb-console-run',
        onclick: () => void runConsole(),
      }),
      consoleOut,
    ),
  );

  const renderText = () => {
    for (const [k, el] of Object.entries(labels) as [MessageKey, HTMLElement][]) el.textContent = t(k);
    const l = names?.sandboxLimits;
    limits.textContent = l ? t('workbench.limits', { s: l.timeoutMs / 1000, rows: l.maxRows }) : '';
    renderValidation();
    renderTrial();
  };
  let lang = store.get().lang;
  store.subscribe((s) => {
    if (s.lang === lang) return;
    lang = s.lang;
    renderText();
  });

  return {
    open: () => {
      renderText();
      syncForm();
      validate();
      void (async () => {
        names = await api.names();
        editor.names(
          names.graphSchema.labels.map((l) => l.name),
          names.graphSchema.relationshipTypes.map((r) => r.name),
        );
        consoleEditor.names(
          names.graphSchema.labels.map((l) => l.name),
          names.graphSchema.relationshipTypes.map((r) => r.name),
        );
        fillModels();
        renderText();
        await loadDrafts();
      })().catch(failed);
    },
  };
}
