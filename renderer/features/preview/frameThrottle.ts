/** How long an update may wait when no frame comes (a hidden window draws none). */
const HIDDEN_WAIT_MS = 250;

export interface FrameThrottle {
  /** Runs the callback before the next frame, once, however often it is asked for until then. */
  schedule(): void;
  /** Runs it now if it is waiting (the last update of a burst must not be lost). */
  flush(): void;
  cancel(): void;
}

/**
 * Coalesces updates to at most one per drawn frame: rows may arrive many times a frame, and
 * each React render of the grid costs the same whether it shows one new batch or ten.
 */
export function frameThrottle(callback: () => void): FrameThrottle {
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  };
  const run = () => {
    cancel();
    callback();
  };
  return {
    schedule() {
      if (frame !== undefined || timer !== undefined) return;
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, HIDDEN_WAIT_MS);
    },
    flush() {
      if (frame !== undefined || timer !== undefined) run();
    },
    cancel,
  };
}
