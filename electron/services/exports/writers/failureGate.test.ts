import { expect, it } from 'vitest';
import { FailureGate } from './failureGate';

it('wakes waiters when their condition holds, and every waiter with the first failure', async () => {
  const gate = new FailureGate();
  let room = false;
  const waiting = gate.waitUntil(() => room);
  room = true;
  gate.wake();
  await expect(waiting).resolves.toBeUndefined();

  const stuck = [gate.waitUntil(() => false), gate.waitUntil(() => false)];
  const heard: string[] = [];
  gate.onFailure((error) => heard.push(error.message));
  gate.fail(new Error('encoder crashed'));
  gate.fail(new Error('a later failure'));
  for (const waiter of stuck) await expect(waiter).rejects.toThrow('encoder crashed');
  expect(heard).toEqual(['encoder crashed']);
  // After a failure nobody waits: a condition that holds still throws it, and late listeners hear it.
  await expect(gate.waitUntil(() => true)).rejects.toThrow('encoder crashed');
  expect(() => gate.throwIfFailed()).toThrow('encoder crashed');
  gate.onFailure((error) => heard.push(`late: ${error.message}`));
  expect(heard).toEqual(['encoder crashed', 'late: encoder crashed']);
});
