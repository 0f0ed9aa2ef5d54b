// A memo of Erlang A's computations for the staffing plan (issue 16, item 3): a national week costs about two
// seconds of Erlang A against a millisecond of Erlang C (bench/staffing.ts), estimating the phone's patience over
// six weeks another half second, and the plan page, the download and a what-if ask the same intervals again and
// again. All are pure functions of their inputs (the plan has already rounded Erlang A's, analytics/
// staffing-models.ts; an interval's patience depends only on its five numbers), so a result kept under its inputs
// is what computing would give, in any process and for any database: this is the one module variable that may
// outlive a request. Bounded: the least recently used entry goes first.
import type { AbandonmentInput, AbandonmentResult, Staffing, StaffingInput } from "../../analytics/erlang";
import { intervalPatience, type PatienceObservation } from "../../analytics/patience";
import { type AbandonmentModels, EXACT_ABANDONMENT } from "../../analytics/staffing-models";

/** About ten national weeks of plans of all five channels (1,680 intervals, two results each) besides six weeks of
 * interval patience (10,080 intervals); some 10 MB. */
export const MEMO_ENTRIES = 50_000;

/** A map that forgets its least recently used entry beyond `capacity` (a Map keeps insertion order). */
export class LruMemo<V> {
  private readonly entries = new Map<string, V>();
  hits = 0;
  misses = 0;
  constructor(readonly capacity: number) {}

  get size() {
    return this.entries.size;
  }

  /** The value under `key`, computing and keeping it when absent. */
  take(key: string, compute: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits += 1;
      // Moved to the end: the most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses += 1;
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }

  clear() {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

type Required = Staffing & { probabilityAbandon: number };
const memo = new LruMemo<Required | AbandonmentResult | { patience: number | null }>(MEMO_ENTRIES);

// Every input that changes a result is in its key, spelled out (no JSON of an object whose key order may vary).
const requiredKey = (i: StaffingInput & { patienceSeconds: number; maxAbandonment?: number }) =>
  `n|${i.callsPerInterval}|${i.intervalSeconds}|${i.ahtSeconds}|${i.targetServiceLevel}|${i.targetAnswerSeconds}|${i.maxOccupancy}|${i.shrinkage}|${i.patienceSeconds}|${i.maxAbandonment}`;
const measuresKey = (i: AbandonmentInput) =>
  `m|${i.callsPerInterval}|${i.intervalSeconds}|${i.ahtSeconds}|${i.agents}|${i.targetAnswerSeconds}|${i.patienceSeconds}`;

/** Erlang A for the staffing plan, through the memo. */
export const MEMOIZED_ABANDONMENT: AbandonmentModels = {
  required: (input) => memo.take(requiredKey(input), () => EXACT_ABANDONMENT.required(input)) as Required,
  measures: (input) => memo.take(measuresKey(input), () => EXACT_ABANDONMENT.measures(input)) as AbandonmentResult,
};

/** intervalPatience through the memo (wrapped: a null result is kept too). */
export const memoizedIntervalPatience = (o: PatienceObservation): number | null =>
  (
    memo.take(`p|${o.offered}|${o.abandoned}|${o.ahtSeconds}|${o.answeringAgents}|${o.intervalSeconds}`, () => ({
      patience: intervalPatience(o),
    })) as { patience: number | null }
  ).patience;

/** How the memo is doing (for the benchmark), and a way to empty it (a cold start, in the benchmark). */
export const abandonmentMemo = {
  stats: () => ({ entries: memo.size, hits: memo.hits, misses: memo.misses }),
  clear: () => memo.clear(),
};
