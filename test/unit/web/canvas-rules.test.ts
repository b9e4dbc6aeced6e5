import { describe, expect, it } from 'vitest';
import { toggled } from '../../../web/src/canvas-state.js';
import { groupMembers } from '../../../web/src/graph/groups.js';
import { edgeLabelsShown, nodeTooltip } from '../../../web/src/graph/labels.js';
import { ruleClasses } from '../../../web/src/graph/rules.js';
import { shortCaption } from '../../../web/src/graph/elements.js';

describe('groups', () => {
  const edges = [
    { source: 'Person:a', target: 'Household:h', type: 'MEMBER_OF' },
    { source: 'Person:b', target: 'Household:h', type: 'MEMBER_OF' },
    { source: 'Person:a', target: 'Company:c', type: 'LEGAL_REP_OF' },
    { source: 'Person:x', target: 'Company:c', type: 'EXECUTIVE_OF' },
    { source: 'Bid:1', target: 'Project:p', type: 'FOR' },
    { source: 'Bid:2', target: 'Project:p', type: 'FOR' },
    { source: 'Company:c', target: 'Bid:1', type: 'SUBMITTED' },
    { source: 'Company:d', target: 'Bid:2', type: 'SUBMITTED' },
  ];

  it('gathers a household with its members', () => {
    expect(groupMembers({ id: 'Household:h', label: 'Household' }, edges)).toEqual({
      kind: 'household',
      members: ['Household:h', 'Person:a', 'Person:b'],
    });
  });

  it('gathers a bid ring over two steps: the bids for the project and the companies that submitted them', () => {
    expect(groupMembers({ id: 'Project:p', label: 'Project' }, edges)?.members.sort()).toEqual(
      ['Bid:1', 'Bid:2', 'Company:c', 'Company:d', 'Project:p'].sort(),
    );
  });

  it('leaves out nodes already in another group, and makes no group of one', () => {
    expect(groupMembers({ id: 'Company:c', label: 'Company' }, edges, new Set(['Person:a']))?.members).toEqual(['Company:c', 'Person:x']);
    expect(groupMembers({ id: 'Company:c', label: 'Company' }, edges, new Set(['Person:a', 'Person:x']))).toBeNull();
    expect(groupMembers({ id: 'Person:a', label: 'Person' }, edges)).toBeNull();
  });
});

describe('property rules', () => {
  it('marks a deregistered company, a large payment, a leading post', () => {
    expect(ruleClasses('node', 'Company', { status: '注销' })).toEqual(['rule-inactive']);
    expect(ruleClasses('node', 'Company', { status: '存续' })).toEqual([]);
    expect(ruleClasses('edge', 'AWARDED', { amount: 2_500_000 })).toEqual(['rule-amount-l']);
    expect(ruleClasses('edge', 'WON', { amount: 180_000 })).toEqual(['rule-amount-m']);
    expect(ruleClasses('edge', 'WON', { amount: 9_000 })).toEqual([]);
    expect(ruleClasses('edge', 'HOLDS_POST', { level: '正处级', isLeader: true })).toEqual(['rule-senior', 'rule-leader']);
    expect(ruleClasses('edge', 'HOLDS_POST', { level: '正科级' })).toEqual([]);
  });
});

describe('labels', () => {
  it('draws edge labels when zoomed in or when there are few edges', () => {
    expect(edgeLabelsShown(0.5, 40)).toBe(false);
    expect(edgeLabelsShown(1, 40)).toBe(true);
    expect(edgeLabelsShown(0.5, 8)).toBe(true);
  });

  it('truncates a long caption on the canvas and keeps it whole in the tooltip', () => {
    const name = '某某县城乡建设投资发展有限责任公司';
    expect(shortCaption(name)).toBe('某某县城乡建设投资发展有限…');
    expect(nodeTooltip(name, '企业')).toBe(`${name} · 企业`);
  });
});

describe('legend filter', () => {
  it('switches a type off and on again without touching the labels', () => {
    const off = toggled({ types: [], labels: ['Household'] }, 'types', 'RECEIVED');
    expect(off).toEqual({ types: ['RECEIVED'], labels: ['Household'] });
    expect(toggled(off, 'types', 'RECEIVED')).toEqual({ types: [], labels: ['Household'] });
  });
});
