// `bench load`'s server CPU by thread: what the JIT compiler, the statements and the collector each used.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byGroup, groupOf, parseTaskStat, type TaskCpu } from '../../../bench/load/thread-cpu.js';

const stat = (tid: number, name: string, utime: number, stime: number) =>
  `${tid} (${name}) S 1 1 1 0 -1 4194368 100 0 0 0 ${utime} ${stime} 0 0 20 0 40 0 5 0 0 0`;

describe("the server's CPU by thread", () => {
  it('reads a thread stat line whose name holds spaces and parentheses', () => {
    expect(parseTaskStat(stat(7, 'C2 CompilerThre', 1200, 34))).toEqual({ name: 'C2 CompilerThre', seconds: 12.34 });
    expect(parseTaskStat(stat(8, 'a (b) c', 50, 50))).toEqual({ name: 'a (b) c', seconds: 1 });
  });

  it('names the JVM threads by what they do', () => {
    const names: [string, string][] = [
      ['C1 CompilerThre', 'compiler'],
      ['C2 CompilerThre', 'compiler'],
      ['neo4j.BoltWorke', 'query'],
      ['GC Thread#1', 'collector'],
      ['neo4j.BoltNetwo', 'other'],
      ['java', 'other'],
    ];
    expect(names.map(([n]) => [n, groupOf(n)])).toEqual(names);
  });

  it('counts the CPU used between two readings, a new thread whole, and an ended one under other', () => {
    const t = (entries: [string, string, number][]): TaskCpu => new Map(entries.map(([tid, name, seconds]) => [tid, { name, seconds }]));
    const before = t([
      ['10', 'C2 CompilerThre', 5],
      ['11', 'neo4j.BoltWorke', 2],
      ['12', 'GC Thread#0', 1],
      ['13', 'neo4j.BoltWorke', 4],
    ]);
    const after = t([
      ['10', 'C2 CompilerThre', 15],
      ['11', 'neo4j.BoltWorke', 9],
      ['12', 'GC Thread#0', 2.5],
      ['14', 'neo4j.BoltWorke', 3],
      ['15', 'java', 0.5],
    ]);
    // The process used 26 s meanwhile: 10 compiling, 7 + 3 running statements, 1.5 collecting, and 4.5 in the
    // thread that ended (13) and the rest.
    expect(byGroup(before, after, 26)).toEqual({ compiler: 10, query: 10, collector: 1.5, other: 4.5 });
  });

  it("reads this process's own threads from /proc", () => {
    const tasks = readdirSync('/proc/self/task');
    const mine = parseTaskStat(readFileSync(`/proc/self/task/${tasks[0]}/stat`, 'utf8'));
    expect(mine.name.length).toBeGreaterThan(0);
    expect(mine.seconds).toBeGreaterThan(0);
  });
});
