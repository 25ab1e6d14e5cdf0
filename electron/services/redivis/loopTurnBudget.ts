/**
 * How much of the streams' data the process takes in one turn of its event loop. libuv reads
 * up to 32 chunks (64 KB each) from every socket that has data before anything else runs; with
 * 8 read streams arriving at loopback or LAN speed that is up to 16 MB in one turn, ~50 ms of
 * work on a slow core during which no timer, IPC message or window request is served. Once the
 * bytes of a turn pass the budget, every reader waits for the next turn: its socket pauses as
 * soon as its small buffer is full, and other work runs in between. Measured on two vCPUs with
 * 8 streams (148 MB of Arrow): the download's loop-delay p99 went from 60–72 ms to 23–52 ms
 * (4 MB: 37–58 ms), its time unchanged.
 */
export const TURN_BUDGET_BYTES = 1024 * 1024;

let spent = 0;
let turnEnd: Promise<void> | null = null;

function endTurn(): Promise<void> {
  // setImmediate runs after this turn's I/O callbacks, before the next turn reads sockets again.
  turnEnd ??= new Promise((resolve) =>
    setImmediate(() => {
      spent = 0;
      turnEnd = null;
      resolve();
    }),
  );
  return turnEnd;
}

/** The chunks of a response body, taken within the shared per-turn budget. */
export async function* withinTurnBudget(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    // Counting starts afresh each turn: the first chunk of a turn schedules the reset.
    if (spent === 0) void endTurn();
    spent += chunk.byteLength;
    yield chunk;
    if (spent >= TURN_BUDGET_BYTES) await endTurn();
  }
}
