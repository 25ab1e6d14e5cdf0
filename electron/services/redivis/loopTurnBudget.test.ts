import { describe, expect, it } from 'vitest';
import { TURN_BUDGET_BYTES, withinTurnBudget } from './loopTurnBudget';

const CHUNK = 64 * 1024;

/** A body whose chunks are all there at once, as from a socket whose buffer is full. */
async function* readyBody(chunks: number, tag: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < chunks; i++) yield new Uint8Array(CHUNK).fill((tag + i) % 256);
}

/** Counts event-loop turns (one per check phase) while `work` runs, and the bytes of each. */
async function perTurn(work: (count: (bytes: number) => void) => Promise<void>): Promise<number[]> {
  const turns = [0];
  let running = true;
  const tick = () => {
    if (!running) return;
    turns.push(0);
    setImmediate(tick);
  };
  setImmediate(tick);
  await work((bytes) => (turns[turns.length - 1]! += bytes));
  running = false;
  return turns.filter((bytes) => bytes > 0);
}

describe('withinTurnBudget', () => {
  it('without it, a ready body is consumed in a single turn (what the budget is for)', async () => {
    const turns = await perTurn(async (count) => {
      for await (const chunk of readyBody(256, 0)) count(chunk.byteLength);
    });
    expect(turns).toEqual([256 * CHUNK]);
  });

  it('spreads a ready body over turns of at most the budget, every byte in order', async () => {
    let index = 0;
    const turns = await perTurn(async (count) => {
      for await (const chunk of withinTurnBudget(readyBody(256, 7))) {
        expect(chunk[0]).toBe((7 + index++) % 256);
        count(chunk.byteLength);
      }
    });
    expect(index).toBe(256);
    expect(turns.reduce((a, b) => a + b, 0)).toBe(256 * CHUNK);
    expect(turns.length).toBeGreaterThanOrEqual((256 * CHUNK) / TURN_BUDGET_BYTES);
    expect(Math.max(...turns)).toBeLessThanOrEqual(TURN_BUDGET_BYTES + CHUNK);
  });

  it('shares one budget between the streams read at once', async () => {
    const turns = await perTurn(async (count) => {
      await Promise.all(
        [0, 1, 2, 3].map(async (tag) => {
          for await (const chunk of withinTurnBudget(readyBody(64, tag))) count(chunk.byteLength);
        }),
      );
    });
    expect(turns.reduce((a, b) => a + b, 0)).toBe(4 * 64 * CHUNK);
    // Each reader may take one chunk past the budget before it notices.
    expect(Math.max(...turns)).toBeLessThanOrEqual(TURN_BUDGET_BYTES + 4 * CHUNK);
  });

  it('stops reading the body when the reader stops early', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of readyBody(100, 0)) {
        pulled++;
        yield chunk;
      }
    }
    for await (const chunk of withinTurnBudget(counted())) if (chunk[0] === 3) break;
    expect(pulled).toBe(4);
  });
});
