/**
 * Makes liquidjs read a number literal written with a point (`100.0`, `2.50`) as a RubyFloat, so
 * it prints and computes as Ruby's Float does. liquidjs does not export its NumberToken class
 * and sets `content` in the constructor; an accessor on the prototype intercepts that store.
 * liquidjs is used by recipes only, so changing its literal parsing touches nothing else.
 */
import { Tokenizer } from 'liquidjs';
import { RubyFloat } from './ruby-float.ts';

interface NumberTokenShape {
  getText(): string;
}

const PLAIN_VALUE = Symbol('plain number');
let installed = false;

export function installFloatLiterals(): void {
  if (installed) return;
  const sample = new Tokenizer('1.5').readValue();
  const prototype = sample ? Object.getPrototypeOf(sample) : null;
  if (!prototype || typeof (sample as unknown as NumberTokenShape).getText !== 'function') throw new Error('liquidjs number tokens changed shape');
  Object.defineProperty(prototype, 'content', {
    configurable: true,
    get(this: NumberTokenShape & { [PLAIN_VALUE]?: number }) {
      const value = this[PLAIN_VALUE] as number;
      return this.getText().includes('.') ? new RubyFloat(value) : value;
    },
    set(this: { [PLAIN_VALUE]?: number }, value: number) {
      this[PLAIN_VALUE] = value;
    },
  });
  installed = true;
}
