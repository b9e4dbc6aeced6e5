// Threads of the bulk path are started from source (TypeScript) through tsx's loader, registered in each
// thread: the loading process may run under tsx or under the test runner, and a thread inherits neither's loader.
import { Worker } from 'node:worker_threads';

/** A thread's heap: its old generation's cap, and its young generation where the default is too small. */
export interface ThreadHeap {
  oldMb?: number;
  youngMb?: number;
}

export function startTsWorker(entry: URL, workerData: unknown, heap: ThreadHeap = {}): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  const resourceLimits = {
    ...(heap.oldMb ? { maxOldGenerationSizeMb: heap.oldMb } : {}),
    ...(heap.youngMb ? { maxYoungGenerationSizeMb: heap.youngMb } : {}),
  };
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
