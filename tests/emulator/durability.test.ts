// Durability: kill -9 the emulator during a stream of acknowledged writes from several writers at once (their
// writes share group commits); after a restart every acknowledged write is there, whole, and every transaction is
// all-or-nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, startEmulator, sdkFor, type RunningEmulator } from './harness';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let dataDir: string;
let emu: RunningEmulator;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'youjian-durability-'));
});

afterAll(async () => {
  await emu?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('acknowledged writes survive kill -9; no document or transaction is half-written', async () => {
  emu = await startEmulator({ data: dataDir });
  let db = sdkFor(emu).database();
  await db.createCollection('journal');

  const acknowledged: string[] = [];
  const committedPairs: string[] = [];
  let stop = false;
  let killed!: () => void;
  const killedNow = new Promise<void>((r) => (killed = r));

  // Several writers in parallel; once enough writes are acknowledged, the process is killed mid-stream.
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const id = `w${w}-${i}`;
      const payload = `${id}:`.repeat(200 + ((i * 37) % 300));
      try {
        if (i % 3 === 0) {
          // A two-document transaction: both or neither after the crash.
          await db.runTransaction(async (t: any) => {
            await t.collection('journal').add({ data: { _id: `${id}-a`, pair: id, payload, sha: sha(payload) } });
            await t.collection('journal').add({ data: { _id: `${id}-b`, pair: id, payload, sha: sha(payload) } });
          }, 1);
          committedPairs.push(id);
        } else {
          await db.collection('journal').add({ data: { _id: id, payload, sha: sha(payload) } });
          acknowledged.push(id);
        }
      } catch {
        return; // the server is gone
      }
      if (acknowledged.length + committedPairs.length >= 400) killed();
    }
  };
  const writers = Promise.all(Array.from({ length: 8 }, (_v, w) => writer(w)));
  await killedNow;
  // Every write went through the group commit (concurrent writes share a commit; each is answered after it). The
  // writers go on meanwhile: only the writes acknowledged before the stats were asked for are counted in them.
  const answeredBefore = acknowledged.length + committedPairs.length;
  const { profile } = (await get(emu, '/__dev/stats')).json;
  expect(profile.groupedWrites).toBeGreaterThanOrEqual(answeredBefore);
  expect(profile.commits).toBeLessThanOrEqual(profile.groupedWrites);
  await emu.kill();
  stop = true;
  await writers;

  emu = await startEmulator({ data: dataDir });
  db = sdkFor(emu).database();
  const journal = db.collection('journal');
  for (const id of acknowledged) {
    const { data } = await journal.doc(id).get();
    expect(data.sha).toBe(sha(data.payload));
  }
  for (const id of committedPairs) {
    expect((await journal.where({ pair: id }).count()).total).toBe(2);
  }
  // Whatever else reached the disk (writes in flight at the kill) is whole too.
  const total = (await journal.count()).total;
  expect(total).toBeGreaterThanOrEqual(acknowledged.length + 2 * committedPairs.length);
  for (let skip = 0; skip < total; skip += 1000) {
    const { data } = await journal.skip(skip).limit(1000).get();
    for (const doc of data) expect(doc.sha).toBe(sha(doc.payload));
  }
  const pairs = await journal
    .aggregate()
    .match({ pair: db.command.exists(true) })
    .group({ _id: '$pair', n: db.command.aggregate.sum(1) })
    .limit(100000)
    .end();
  for (const p of pairs.list) expect(p.n).toBe(2);
  // Ctrl-C shuts down cleanly.
  expect(await emu.stop()).toBe(0);
  emu = undefined as unknown as RunningEmulator;
});
