// The memo of Erlang A for the staffing plan: a bounded LRU, and results identical to computing.
import { describe, expect, test } from "vitest";
import { intervalPatience } from "../../analytics/patience";
import { EXACT_ABANDONMENT } from "../../analytics/staffing-models";
import { LruMemo, MEMOIZED_ABANDONMENT, memoizedIntervalPatience } from "./erlang-memo";

describe("LruMemo", () => {
  test("capacity 2: a, b, read a, add c → b (least recently used) is forgotten, a and c kept", () => {
    const memo = new LruMemo<number>(2);
    let computed = 0;
    const take = (key: string) => memo.take(key, () => ++computed);
    take("a");
    take("b");
    expect(take("a")).toBe(1);
    take("c");
    expect(memo.size).toBe(2);
    expect(take("a")).toBe(1);
    expect(take("c")).toBe(3);
    expect(take("b")).toBe(4); // computed again
    expect({ hits: memo.hits, misses: memo.misses }).toEqual({ hits: 3, misses: 4 });
  });
});

describe("the memoized Erlang A", () => {
  const input = {
    callsPerInterval: 100,
    intervalSeconds: 1800,
    ahtSeconds: 180,
    targetServiceLevel: 0.8,
    targetAnswerSeconds: 20,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSeconds: 300,
  };

  test("gives what computing gives, the second time from memory (the same object)", () => {
    const first = MEMOIZED_ABANDONMENT.required(input);
    expect(first).toEqual(EXACT_ABANDONMENT.required(input));
    expect(MEMOIZED_ABANDONMENT.required({ ...input })).toBe(first);
    const measures = { ...input, agents: 14 };
    expect(MEMOIZED_ABANDONMENT.measures(measures)).toEqual(EXACT_ABANDONMENT.measures(measures));
  });

  test("a different patience is a different entry: 300 s and 301 s differ", () => {
    expect(MEMOIZED_ABANDONMENT.required({ ...input, patienceSeconds: 301 })).not.toBe(
      MEMOIZED_ABANDONMENT.required(input),
    );
  });

  test("an interval's patience, null included, is what computing gives", () => {
    const o = { offered: 100, abandoned: 1.3984, ahtSeconds: 180, answeringAgents: 14, intervalSeconds: 1800 };
    expect(memoizedIntervalPatience(o)).toBe(intervalPatience(o));
    expect(memoizedIntervalPatience({ ...o, offered: 3 })).toBeNull();
    expect(memoizedIntervalPatience({ ...o, offered: 3 })).toBeNull();
  });
});
