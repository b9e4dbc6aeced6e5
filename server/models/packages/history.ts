// The revision history of a model file, as far as it can be found: the git log of the file (shipped
// models and a site folder kept in git), with the header's revision at each commit. None outside git.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { PackagedModel } from './format.js';

const MAX_COMMITS = 30;

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 8 << 20 });
  } catch {
    return null;
  }
}

const revisionIn = (text: string | null): number | null => {
  const m = text ? /^\/\/\s*revision:\s*(\d+)\s*$/m.exec(text) : null;
  return m ? Number(m[1]) : null;
};

export function revisionHistory(file: string): PackagedModel['history'] {
  const dir = path.dirname(file);
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return [];
  const rel = path.relative(top, file);
  const log = git(top, ['log', `-${MAX_COMMITS}`, '--follow', '--format=%H%x09%aI%x09%s', '--', rel]);
  if (!log) return [];
  return log
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit = '', date = '', ...msg] = line.split('\t');
      return { revision: revisionIn(git(top, ['show', `${commit}:${rel}`])), commit, date, message: msg.join('\t') };
    });
}
