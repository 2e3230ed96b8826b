/**
 * Lets callers through one per turn of the event loop. Work done through better-sqlite3 and
 * TypeORM never waits on I/O, so a burst of it (forty screens recomputed at once) would otherwise
 * run back to back as one long stretch; taking turns lets the requests that arrive meanwhile be
 * answered in between.
 */
export class Turns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves on a later turn of the event loop than every earlier caller. */
  next(): Promise<void> {
    const turn = this.last.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.last = turn;
    return turn;
  }
}
