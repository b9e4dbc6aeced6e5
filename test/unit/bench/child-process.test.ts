// The benchmarks start their loads with the Node options of the npm script that runs the same load.
import { describe, expect, it } from 'vitest';
import { npmScriptNodeOptions, scriptNodeOptions } from '../../../bench/load/child-process.js';

describe("an npm script's Node options", () => {
  it('are the options between tsx and its entry point, not the entry point’s own arguments', () => {
    expect(scriptNodeOptions('tsx --max-old-space-size=768 --max-semi-space-size=32 bin/load.ts --bulk')).toEqual([
      '--max-old-space-size=768',
      '--max-semi-space-size=32',
    ]);
    expect(scriptNodeOptions('tsx bin/load.ts --bulk')).toEqual([]);
  });

  it('are read from package.json for the bulk load, and refused for a script that is not tsx or not there', () => {
    expect(npmScriptNodeOptions('load:bulk').some((o) => o.startsWith('--max-old-space-size='))).toBe(true);
    expect(() => scriptNodeOptions('vite build')).toThrow(/does not run tsx/);
    expect(() => npmScriptNodeOptions('no-such-script')).toThrow(/no script no-such-script/);
  });
});
