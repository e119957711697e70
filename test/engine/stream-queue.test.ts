import { describe, expect, it } from 'vitest';
import { StreamQueue } from '../../src/engine/parallel.ts';

describe('the worker queue', () => {
  const ids = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'];
  const stream = (id: string) => id[0];

  it('hands out every property exactly once', () => {
    const q = new StreamQueue(ids, stream);
    const got: string[] = [];
    for (let w = 0, id; (id = q.next(w % 2)) !== undefined; w++) got.push(id);
    expect(got.sort()).toEqual([...ids].sort());
  });

  it('keeps a worker on its stream, and puts the other worker on another one', () => {
    const q = new StreamQueue(ids, stream);
    expect(q.next(0)).toBe('a1'); // the largest stream first
    expect(q.next(1)).toBe('b1'); // the largest stream nobody is on
    expect(q.next(0)).toBe('a2');
    expect(q.next(0)).toBe('a3');
    expect(q.next(1)).toBe('b2');
    expect(q.next(0)).toBe('c1'); // stream a is done: the next free one
    expect(q.next(1)).toBeUndefined();
  });
});
