// The Cytoscape stylesheet as a function of the schema data: one colour and shape per label and one edge
// caption per relationship type, in the current language. A new label in cypher/schema/graph.yaml is styled
// without touching this file.
import type cytoscape from 'cytoscape';
import type { Lang } from '../i18n.js';
import type { Edge } from '../api/types.js';
import type { SchemaIndex } from '../schema.js';
import { spellSpan } from './elements.js';

/** Shapes the canvas renderer draws; anything else in the schema data falls back to an ellipse. */
export const NODE_SHAPES = new Set([
  'ellipse',
  'triangle',
  'round-triangle',
  'rectangle',
  'round-rectangle',
  'bottom-round-rectangle',
  'cut-rectangle',
  'barrel',
  'rhomboid',
  'right-rhomboid',
  'diamond',
  'round-diamond',
  'pentagon',
  'round-pentagon',
  'hexagon',
  'round-hexagon',
  'concave-hexagon',
  'heptagon',
  'round-heptagon',
  'octagon',
  'round-octagon',
  'star',
  'tag',
  'round-tag',
  'vee',
]);

const COLOR = /^#[0-9a-fA-F]{3,8}$|^[a-z]+$/;
export const FONT = '"WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Labels and type names are identifiers (server-validated), but quoting keeps a selector from breaking. */
const sel = (s: string) => JSON.stringify(s);

export function buildStylesheet(schema: SchemaIndex | null, lang: Lang): cytoscape.StylesheetStyle[] {
  const sheet: cytoscape.StylesheetStyle[] = [
    {
      selector: 'node',
      style: {
        'background-color': '#94a3b8',
        shape: 'ellipse',
        width: 34,
        height: 34,
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': 11,
        color: '#1f2937',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1.5,
        'border-color': '#ffffff',
        'overlay-opacity': 0,
        // Names disappear when zoomed far out instead of piling into an unreadable smear.
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b6bfcc',
        'target-arrow-color': '#b6bfcc',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        'font-family': FONT,
        'font-size': 9,
        color: '#4b5563',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        label: 'data(type)',
      },
    },
  ];
  for (const l of schema?.labels.values() ?? []) {
    sheet.push({
      selector: `node[label = ${sel(l.name)}]`,
      style: {
        'background-color': COLOR.test(l.color) ? l.color : '#94a3b8',
        shape: (NODE_SHAPES.has(l.shape) ? l.shape : 'ellipse') as 'ellipse',
      },
    });
  }
  for (const r of schema?.relTypes.values() ?? []) {
    // Spell types (a `months` property in graph.yaml) show each edge's dates after the type's name.
    const spells = schema?.props.relationships[r.name]?.months !== undefined;
    const label = spells
      ? (ele: cytoscape.EdgeSingular) => [r[lang], spellSpan((ele.data('edge') as Edge).properties, lang)].filter(Boolean).join(' ')
      : r[lang];
    sheet.push({ selector: `edge[type = ${sel(r.name)}]`, style: { label } });
  }
  sheet.push(
    // Dashed ring: this node has neighbours that an expansion left out ("N more").
    { selector: 'node[more > 0]', style: { 'border-width': 2.5, 'border-style': 'dashed', 'border-color': '#475569' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-style': 'solid', 'border-color': '#1d4ed8' } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#1d4ed8', 'target-arrow-color': '#1d4ed8' } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.evidence', style: { 'border-width': 4, 'border-style': 'solid', 'border-color': '#dc2626' } },
    {
      selector: 'edge.evidence',
      style: { width: 3, 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', color: '#991b1b' },
    },
    { selector: 'node.evidence:selected', style: { 'border-color': '#1d4ed8' } },
    ...canvasToolStyles(),
  );
  return sheet;
}

/**
 * The canvas tools' classes (canvas-tools.ts, bundles-cy.ts, groups-cy.ts, rules.ts). Display rules come
 * last: a hidden, filtered or bundled element is not drawn whatever else it is.
 */
function canvasToolStyles(): cytoscape.StylesheetStyle[] {
  return [
    // Edge labels by zoom level (labels.ts): drawn again while hovered, selected or highlighted.
    { selector: 'edge.quiet', style: { 'text-opacity': 0 } },
    { selector: 'edge.quiet.hover, edge.quiet:selected, edge.quiet.evidence, edge.quiet.path', style: { 'text-opacity': 1 } },
    {
      selector: 'edge.bundle',
      style: {
        label: 'data(caption)',
        width: 'mapData(count, 3, 60, 3, 9)',
        'line-color': '#8b95a5',
        'target-arrow-color': '#8b95a5',
        'line-style': 'solid',
        'font-weight': 'bold',
      },
    },
    { selector: 'edge.rule-amount-m', style: { width: 3.5 } },
    { selector: 'edge.rule-amount-l', style: { width: 6 } },
    { selector: 'edge.rule-leader', style: { 'line-color': '#7c2d12', 'target-arrow-color': '#7c2d12' } },
    { selector: 'edge.rule-senior', style: { width: 4, 'line-color': '#7c2d12', 'target-arrow-color': '#7c2d12' } },
    {
      selector: 'node.rule-inactive',
      style: { 'background-opacity': 0.45, 'border-style': 'dotted', 'border-color': '#6b7280', 'border-width': 2.5 },
    },
    { selector: 'node.pinned', style: { 'outline-width': 3, 'outline-color': '#0f766e', 'outline-offset': 2 } as cytoscape.Css.Node },
    {
      selector: 'node.group',
      style: {
        label: 'data(caption)',
        shape: 'round-rectangle',
        'background-color': '#eef2ff',
        'background-opacity': 0.6,
        'border-width': 1.5,
        'border-style': 'dashed',
        'border-color': '#6366f1',
        'text-valign': 'top',
        'text-halign': 'center',
        padding: '14px',
      },
    },
    {
      // A folded group: one box standing for its members.
      selector: 'node.group.cy-expand-collapse-collapsed-node',
      style: {
        width: 54,
        height: 40,
        'background-color': '#c7d2fe',
        'background-opacity': 1,
        'border-style': 'double',
        'border-width': 4,
        'text-valign': 'bottom',
      },
    },
    { selector: 'edge.cy-expand-collapse-meta-edge', style: { 'line-style': 'dashed', label: '' } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-style': 'solid', 'border-color': '#7c3aed' } },
    { selector: 'edge.path', style: { width: 3.5, 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', color: '#5b21b6' } },
    { selector: '.hidden, .filtered, edge.bundled', style: { display: 'none' } },
  ];
}
