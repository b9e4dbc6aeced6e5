// The generated API types are committed; this fails when they no longer match what `npm run codegen`
// makes from the SDL and the explorer's documents (then run it and commit the result).
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.js';

describe('generated API types', () => {
  it('are what codegen makes from the SDL and the explorer operations now', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual(['server/graphql/generated.ts', 'web/src/api/generated.ts']);
    for (const o of outputs) expect(readFileSync(o.filename, 'utf8'), `${o.filename} is stale: run npm run codegen`).toBe(o.content);
  }, 60_000);
});
