// Masking that hides: the birth date is digits 7-14 of the ID number that idNoMasked hides, so a role that
// may not see sensitive values sees its year only; graph.yaml declares which properties are cut down.
// ID numbers that reach an alert summary or an error message are masked on the way out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_FILE, loadGraphSchema, parseGraphSchema } from '../../../platform/schema/graph-schema.js';
import { presentNode, presentRel } from '../../../server/graphql/entity/present.js';
import { hideIdNumbers, idCheckChar } from '../../../platform/identifiers/id-number.js';
import { renderSummary } from '../../../server/models/render.js';
import { guessIdentity } from '../../../server/migrate/alert-identity.js';
import { fingerprint } from '../../../server/alerts/fingerprint.js';

const schema = loadGraphSchema();
const ID = `11010519491231002${idCheckChar('11010519491231002')}`;
const TOKEN = '9f86d081884c7d659a2feaa0c55ad015';
/** A Person as the loaders store it with the key: token for idNo and uid, the masked number beside it. */
const person = { elementId: '4:x:1', labels: ['Entity', 'Person'], properties: {} as Record<string, unknown> };
Object.assign(person.properties, { uid: `Person:${TOKEN}`, idNo: TOKEN, idNoMasked: `${ID.slice(0, 6)}********${ID.slice(14)}` });
Object.assign(person.properties, { name: '王志强', birthDate: '1949-12-31', deathDate: '2020-02-03' });

describe('birth date masking', () => {
  it('shows the year only to roles without seeSensitive, the whole date to those with it', () => {
    const masked = presentNode(person, { schema, showSensitive: false });
    expect(masked.properties).toMatchObject({ birthDate: '1949', deathDate: '2020-02-03', idNoMasked: '110105********' + ID.slice(14) });
    expect(masked.properties).not.toHaveProperty('idNo');
    // The masked number and the date shown together no longer rebuild the ID number.
    expect(JSON.stringify(masked)).not.toContain('19491231');
    const full = presentNode(person, { schema, showSensitive: true });
    expect(full.properties.birthDate).toBe('1949-12-31');
  });

  it('is declared in graph.yaml, on dates only, and not on a property that is hidden whole', () => {
    expect(schema.labels.Person!.properties.birthDate!.masked).toBe('year');
    const shipped = readFileSync(DEFAULT_SCHEMA_FILE, 'utf8');
    expect(() =>
      parseGraphSchema(shipped.replace('name: { type: string, zh: 姓名', 'name: { type: string, masked: year, zh: 姓名')),
    ).toThrow(/labels\.Person\.properties\.name\.masked: masked: year needs a date/);
    expect(() =>
      parseGraphSchema(shipped.replace('birthDate: { type: date, masked: year', 'birthDate: { type: date, masked: month')),
    ).toThrow(/birthDate\.masked/);
    expect(() =>
      parseGraphSchema(shipped.replace('birthDate: { type: date, masked: year', 'birthDate: { type: date, sensitive: true, masked: year')),
    ).toThrow(/hidden whole/);
  });

  it('applies to relationship properties as well, from the same declaration', () => {
    const s = parseGraphSchema(
      readFileSync(DEFAULT_SCHEMA_FILE, 'utf8').replace(
        'from: { type: date, zh: 起, en: From }   # marriage date',
        'from: { type: date, masked: year, zh: 起, en: From }   # marriage date',
      ),
    );
    const rel = { type: 'KIN', source: 'Person:a', target: 'Person:b', props: { from: '1975-06-01', relation: '配偶' }, eid: '5:x:1' };
    expect(presentRel(rel, { schema: s, showSensitive: false }).properties).toEqual({ from: '1975', relation: '配偶' });
    expect(presentRel(rel, { schema: s, showSensitive: true }).properties.from).toBe('1975-06-01');
  });
});

describe('ID numbers on the way out', () => {
  it('are masked wherever they stand in a text, and only valid ones', () => {
    expect(hideIdNumbers(`No entity "Person:${ID}"`)).toBe(`No entity "Person:110105********${ID.slice(14)}"`);
    // A wrong check character, or digits inside a longer number, are no ID number: left as they are.
    const notIds = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'} and 1${ID}`;
    expect(hideIdNumbers(notIds)).toBe(notIds);
    expect(hideIdNumbers('a token 9f86d081884c7d659a2feaa0c55ad015')).toBe('a token 9f86d081884c7d659a2feaa0c55ad015');
  });

  it('never reach an alert summary, whatever column a model returns', () => {
    const s = renderSummary('{name}（{idNo}）于{deathDate}死亡', { name: '王志强', idNo: ID, deathDate: '2020-02-03' }, 'zh');
    expect(s).toBe(`王志强（110105********${ID.slice(14)}）于2020-02-03死亡`);
  });
});

describe('finding the identity of an alert stored without one', () => {
  const model = { id: 'welfare.paid-after-death', identity: ['person', 'program'] };
  it('tries its evidence and subjects (and null) in every identity column', () => {
    const identity = [`Person:${ID}`, 'Program:GL-01'];
    const a = { fingerprint: fingerprint(model.id, identity), evidenceNodes: ['Program:GL-01', `Person:${ID}`, 'Org:X'], subjects: [] };
    expect(guessIdentity(model, a)).toEqual(identity);
    const withNull = { ...a, fingerprint: fingerprint(model.id, [`Person:${ID}`, null]) };
    expect(guessIdentity(model, withNull)).toEqual([`Person:${ID}`, null]);
    expect(guessIdentity(model, { ...a, fingerprint: fingerprint(model.id, ['cover', 'Program:GL-01']) })).toBeUndefined();
  });
});
