import { seededRandom } from '../data/random.js';

/**
 * Reservoir sampling (algorithm R): a uniform sample of at most `size` ids from a stream of
 * unknown length, in O(size) memory, reproducible for a seed.
 */
export class Reservoir {
  readonly ids: string[] = [];
  private seen = 0;
  private readonly rand: () => number;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    this.rand = seededRandom(seed);
  }

  offer(id: string): void {
    this.seen++;
    if (this.ids.length < this.size) {
      this.ids.push(id);
      return;
    }
    const j = Math.floor(this.rand() * this.seen);
    if (j < this.size) this.ids[j] = id;
  }

  get offered(): number {
    return this.seen;
  }
}
