// `npm run bench -- load --server-cores`: the servers on the cores named, the loading processes on the rest.
import { describe, expect, it } from 'vitest';
import { corePin } from '../../../bench/load/bench-server.js';

describe('the cores of the server and of the loading process', () => {
  it('gives the loading process every core the server is not given', () => {
    expect(corePin('0', 2)).toEqual({ server: '0', others: '1' });
    expect(corePin('1-2', 4)).toEqual({ server: '1,2', others: '0,3' });
    expect(corePin('3,0', 6)).toEqual({ server: '0,3', others: '1,2,4,5' });
  });

  it('refuses a list that names no core, a core the machine lacks, or every core', () => {
    expect(() => corePin('first', 2)).toThrow(/not a list of cores/);
    expect(() => corePin('2', 2)).toThrow(/has cores 0-1/);
    expect(() => corePin('0-1', 2)).toThrow(/leaves no core for the loading process or the API/);
  });
});
