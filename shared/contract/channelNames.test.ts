import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from './channelNames';
import { buildBridge } from './bridge';
import { channels, eventSchemas, listChannels } from './index';

describe('channel names for the preload', () => {
  it('names exactly the channels and events of the contract', () => {
    const listed = Object.entries(channelNames).flatMap(([domain, methods]) =>
      methods.map((method) => `${domain}.${method}`),
    );
    expect(listed.sort()).toEqual(
      listChannels(channels)
        .map((entry) => entry.name)
        .sort(),
    );
    expect([...eventNames].sort()).toEqual(Object.keys(eventSchemas).sort());
  });

  it('builds a bridge that forwards listed channels under their wire names and refuses other events', async () => {
    const calls: string[] = [];
    const bridge = buildBridge(
      (name) => {
        calls.push(name);
        return Promise.resolve({ ok: true, value: null });
      },
      () => () => undefined,
    );
    await bridge.catalog.getTable({ tableRef: 't' });
    expect(calls).toEqual(['catalog.getTable']);
    expect(() => bridge.on('jobs.updated', () => undefined)).not.toThrow();
    expect(() => bridge.on('nope.event' as 'jobs.updated', () => undefined)).toThrow(
      'Unknown event "nope.event"',
    );
  });
});
