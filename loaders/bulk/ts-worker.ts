// Threads of the bulk path are started from source (TypeScript) through tsx's loader, registered in each
// thread: the loading process may run under tsx or under the test runner, and a thread inherits neither's loader.
import { Worker } from 'node:worker_threads';

export function startTsWorker(entry: URL, workerData: unknown, heapMb?: number): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData, ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}) });
}
