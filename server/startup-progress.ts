// What the server is doing after it started answering: loading the demo into an empty database, then the
// first run of every model. The API serves meanwhile (a second start used to wait 93 s for 24 models
// before answering anything); /healthz shows how far it is.
export type StartupPhase = 'seeding' | 'models' | 'ready' | 'failed';

export interface StartupSnapshot {
  phase: StartupPhase;
  modelsDone: number;
  modelsTotal: number;
  /** The model running now, while phase is models. */
  current: string | null;
  error: string | null;
}

export class StartupProgress {
  #s: StartupSnapshot = { phase: 'seeding', modelsDone: 0, modelsTotal: 0, current: null, error: null };

  seeding(): void {
    this.#s = { ...this.#s, phase: 'seeding' };
  }

  models(total: number): void {
    this.#s = { ...this.#s, phase: 'models', modelsTotal: total, modelsDone: 0, current: null };
  }

  running(modelId: string): void {
    this.#s = { ...this.#s, current: modelId };
  }

  ran(): void {
    this.#s = { ...this.#s, modelsDone: this.#s.modelsDone + 1, current: null };
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
