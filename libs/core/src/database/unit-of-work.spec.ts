import type { Pool } from 'pg';
import { UnitOfWork, UnitScope } from './unit-of-work';

const SCOPE: UnitScope = { entry: 'spec', mode: 'tenant', tenantId: 'T', actorId: 'A', requestId: 'R', readOnly: true };

/** A pool of one connection whose answers the spec gives by hand, in the order the statements were sent. */
function handAnsweredPool() {
  const sent: Array<{ text: string; answer: (error?: Error) => void }> = [];
  const released: unknown[] = [];
  const client = {
    query: (text: string) =>
      new Promise((resolve, reject) => sent.push({ text, answer: (error) => (error ? reject(error) : resolve({ rows: [] })) })),
    release: (error?: unknown) => void released.push(error ?? 'released'),
  };
  const pool = { connect: () => Promise.resolve(client) } as unknown as Pool;
  return { pool, sent, released };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a unit of work opening its transaction', () => {
  it('sends BEGIN and the scope together, and its first statement only once both have answered', async () => {
    const { pool, sent } = handAnsweredPool();
    const unit = new UnitOfWork(pool, SCOPE);
    const rows = unit.query('SELECT 1');
    await settle();
    // The scope went out before BEGIN was answered: one round trip for both.
    expect(sent.map((s) => s.text.split('(')[0].trim())).toEqual(['BEGIN READ ONLY', 'SELECT set_config']);
    sent[0].answer();
    await settle();
    expect(sent).toHaveLength(2);
    sent[1].answer();
    await settle();
    expect(sent.map((s) => s.text)[2]).toBe('SELECT 1');
    sent[2].answer();
    await expect(rows).resolves.toEqual([]);
  });

  it.each([
    ['BEGIN', 0],
    ['the scope', 1],
  ])('gives up the connection as broken and sends nothing more when %s fails', async (_what, failing) => {
    const { pool, sent, released } = handAnsweredPool();
    const unit = new UnitOfWork(pool, SCOPE);
    const rows = unit.query('SELECT 1');
    await settle();
    expect(sent).toHaveLength(2);
    sent.forEach((statement, i) => statement.answer(i === failing ? new Error('refused') : undefined));
    await expect(rows).rejects.toThrow('refused');
    expect(sent).toHaveLength(2);
    expect(released).toEqual([expect.any(Error)]);
  });
});
