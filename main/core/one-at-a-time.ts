/**
 * Runs tasks one after another in the order they came: the next starts when the previous has
 * settled, whether it succeeded or failed (a failure reaches only its own caller).
 */
export class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.last.then(task);
    this.last = result.catch(() => undefined);
    return result;
  }
}
