import type { MeasuredNode, Node } from '@takumi-rs/core';
import { isElement, textContent, type MarkupElement } from './dom.ts';

/** Where an element landed, in panel pixels of the upright canvas. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The laid-out markup: each element's box, its text and how many lines the text took. */
export interface LaidOutBox extends Box {
  tag: string;
  classes: string[];
  /** The element's own text, for text blocks; absent for elements holding blocks. */
  text?: string;
  /** Lines the text was broken into (text blocks only). */
  lines?: number;
  children: LaidOutBox[];
}

/**
 * Matches the engine's measured tree to our elements. The measured tree mirrors the node tree
 * except inside text blocks, whose inline children are flowed into lines and measured as runs.
 */
export function boxesByElement(root: MarkupElement, nodeOf: Map<MarkupElement, Node>, measured: MeasuredNode): Map<MarkupElement, { box: Box; lines: number }> {
  const measuredOf = new Map<Node, MeasuredNode>();
  const walk = (node: Node, m: MeasuredNode): void => {
    measuredOf.set(node, m);
    const children = node.type === 'container' ? (node.children ?? []) : [];
    if (children.length !== m.children.length) return;
    children.forEach((child, i) => walk(child, m.children[i]));
  };
  walk(nodeOf.get(root)!, measured);
  const out = new Map<MarkupElement, { box: Box; lines: number }>();
  for (const [el, node] of nodeOf) {
    const m = measuredOf.get(node);
    if (!m) continue;
    out.set(el, { box: boxOf(m), lines: lineCount(m) });
  }
  return out;
}

function boxOf(m: MeasuredNode): Box {
  return { x: m.transform[4], y: m.transform[5], width: m.width, height: m.height };
}

/** Runs on one line share their top; a text block measured with no runs has no lines. */
function lineCount(m: MeasuredNode): number {
  const tops = new Set(m.runs.map((run) => Math.round(run.y)));
  return tops.size;
}

/** The laid-out tree for callers and tests, elements without a measured box left out. */
export function laidOutTree(el: MarkupElement, boxes: Map<MarkupElement, { box: Box; lines: number }>): LaidOutBox | undefined {
  const found = boxes.get(el);
  if (!found) return undefined;
  const children = el.children.filter(isElement).map((child) => laidOutTree(child, boxes)).filter((b): b is LaidOutBox => b !== undefined);
  const text = textContent(el).replace(/\s+/g, ' ').trim();
  const isText = children.length === 0 && text !== '';
  return { tag: el.tag, classes: [...el.classes], ...found.box, ...(isText ? { text, lines: found.lines } : {}), children };
}
