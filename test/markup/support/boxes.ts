import { readFileSync } from 'node:fs';
import type { LaidOutBox } from '../../../main/markup/boxes.ts';

export const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/markup/${name}`, import.meta.url), 'utf8');

/** Every box in the tree with all the given classes, in document order. */
export function findAll(root: LaidOutBox, ...classes: string[]): LaidOutBox[] {
  const out: LaidOutBox[] = [];
  const walk = (box: LaidOutBox): void => {
    if (classes.every((c) => box.classes.includes(c))) out.push(box);
    box.children.forEach(walk);
  };
  walk(root);
  return out;
}

export function find(root: LaidOutBox, ...classes: string[]): LaidOutBox {
  const [first] = findAll(root, ...classes);
  if (!first) throw new Error(`no box with classes ${classes.join(' ')}`);
  return first;
}

export const bottom = (box: LaidOutBox): number => box.y + box.height;
export const right = (box: LaidOutBox): number => box.x + box.width;

/** Every text in the tree, joined. */
export function allText(root: LaidOutBox): string {
  return [root.text ?? '', ...root.children.map(allText)].join(' ').replace(/\s+/g, ' ');
}
