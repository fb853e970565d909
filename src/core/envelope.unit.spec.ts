import { describe, expect, it } from 'vitest';
import { createEnvelope, deriveEnvelope } from './envelope.ts';

describe('envelope', () => {
  it('is frozen and defaults its trace id to its own id', () => {
    const e = createEnvelope({ id: 'e1', type: 'mkt.tick', stream: 's', ts_init: 5, source: 'connectors', data: { p: 1 } });
    expect(Object.isFrozen(e)).toBe(true);
    expect(e.correlation_id).toBe('e1');
    expect(e.ts_event).toBe(5);
    expect(e.causation_id).toBeNull();
    expect(() => { (e as any).type = 'x'; }).toThrow(TypeError);
  });

  it('derived envelopes keep the trace id and point at their cause', () => {
    const parent = createEnvelope({ id: 'p', type: 'a', stream: 's', ts_init: 1, source: 'x', correlation_id: 'trace-9', data: null });
    const child = deriveEnvelope(parent, { id: 'c', type: 'b', stream: 's2', ts_init: 2, source: 'y', data: null });
    expect(child.correlation_id).toBe('trace-9');
    expect(child.causation_id).toBe('p');
  });
});
