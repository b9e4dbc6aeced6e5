// `npm run load -- --dry-run`: a mapping's author sees the reconciliation, the notes and the rejects of a
// load without a database. The command runs here as npm runs it, with NEO4J_URI pointing at a port where
// nothing listens: a dry run that tried to reach Neo4j would fail.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../support/cli.js';

const run = (args: string[], env: NodeJS.ProcessEnv) => runCommand('load', args, env);

describe('a dry run of a load', () => {
  it('reads, normalises and reconciles every file without a database, and writes the rejects apart', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'huiyan-dry-'));
    const files = path.join(root, 'files');
    mkdirSync(files);
    writeFileSync(
      path.join(files, '户籍人口.csv'),
      iconv.encode(
        [
          '桐庐县户籍人口信息表,,,',
          '公民身份号码,姓名,户号,与户主关系',
          '110105194912310021,张三,0001,户主',
          '110105194912310022,李四,0001,之子',
        ].join('\r\n'),
        'gbk',
      ),
    );
    const varDir = path.join(root, 'var');
    const { code, out } = await run(['--dry-run', files], {
      NEO4J_URI: 'bolt://127.0.0.1:9',
      NEO4J_PASSWORD: 'unused',
      HUIYAN_VAR: varDir,
    });
    expect(out).toContain('Reconciliation (read = loaded + rejected + duplicates)');
    expect(out).toContain('the header is non-empty row 2');
    expect(out).toContain('dry run (预检): nothing was written to the database');
    // The second ID number fails its check: one row rejected, so the exit status of a load with rejects.
    expect(code).toBe(3);
    const dryRejects = path.join(varDir, 'rejects', 'dry-run');
    const [rejects] = readdirSync(dryRejects);
    expect(readFileSync(path.join(dryRejects, rejects!), 'utf8')).toMatch(/户籍人口\.csv,2,公民身份号码,.*GB 11643/);
  }, 60_000);

  it('shows each source of a workbook holding several by its sheet, and the workbook’s own note once', async () => {
    const files = mkdtempSync(path.join(tmpdir(), 'huiyan-dry-'));
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['本表由县市场监管局导出']]), '填表说明');
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([
        ['统一社会信用代码', '企业名称', '登记状态'],
        ['91330122MA2A00001H', '桐庐甲公司', '存续'],
      ]),
      '企业基本信息',
    );
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([
        ['统一社会信用代码', '姓名', '身份证号', '职务'],
        ['91330122MA2A00001H', '李三', '110105194912310021', '监事'],
      ]),
      '主要人员',
    );
    writeFileSync(path.join(files, '企业登记信息.xlsx'), write(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    const { out } = await run(['--dry-run', files], {
      NEO4J_URI: 'bolt://127.0.0.1:9',
      NEO4J_PASSWORD: 'unused',
      HUIYAN_VAR: mkdtempSync(path.join(tmpdir(), 'huiyan-dry-')),
    });
    expect(out).toContain('企业登记信息.xlsx › 企业基本信息');
    expect(out).toContain('企业登记信息.xlsx › 主要人员');
    expect(out.split('sheets with data that no mapping recognises, not read: 填表说明').length).toBe(2);
  }, 60_000);

  it('refuses --bulk beside it, as a usage error', async () => {
    const { code, out } = await run(['--dry-run', '--bulk', '.'], {
      NEO4J_URI: 'bolt://127.0.0.1:9',
      NEO4J_PASSWORD: 'unused',
      HUIYAN_VAR: mkdtempSync(path.join(tmpdir(), 'huiyan-dry-')),
    });
    expect(code).toBe(2);
    expect(out).toContain('--bulk and --snapshot do not apply');
  }, 60_000);
});
