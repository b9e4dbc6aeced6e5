// What the server is doing after it started answering: loading the demo into an empty database, checking
// the model library against the database (an EXPLAIN each), then the first run of every model. The API serves meanwhile (a second start used to wait 93 s for 24 models
// before answering anything); /healthz shows how far it is.
export type StartupPhase = 'seeding' | 'checking' | 'models' | 'ready' | 'failed';

export interface StartupSnapshot {
  phase: StartupPhase;
  modelsDone: number;
  modelsTotal: number;
  /** The model running now, while phase is models (the earliest started, when several run side by side). */
  current: string | null;
  error: string | null;
}

export class StartupProgress {
  #s: StartupSnapshot = { phase: 'seeding', modelsDone: 0, modelsTotal: 0, current: null, error: null };
  /** The models running now, in the order they started. */
  #running: string[] = [];

  seeding(): void {
    this.#s = { ...this.#s, phase: 'seeding' };
  }

  checking(): void {
    this.#s = { ...this.#s, phase: 'checking' };
  }

  models(total: number): void {
    this.#s = { ...this.#s, phase: 'models', modelsTotal: total, modelsDone: 0, current: null };
  }

  running(modelId: string): void {
    this.#running.push(modelId);
    this.#s = { ...this.#s, current: this.#running[0]! };
  }

  /** One model's run ended: without an id, the earliest started. */
  ran(modelId?: string): void {
    const i = modelId === undefined ? 0 : this.#running.indexOf(modelId);
    if (i >= 0) this.#running.splice(i, 1);
    this.#s = { ...this.#s, modelsDone: this.#s.modelsDone + 1, current: this.#running[0] ?? null };
  }

  ready(): void {
    this.#s = { ...this.#s, phase: 'ready', current: null };
  }

  failed(message: string): void {
    this.#s = { ...this.#s, phase: 'failed', current: null, error: message };
  }

  snapshot(): StartupSnapshot {
    return { ...this.#s };
  }
}
