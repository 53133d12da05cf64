// The raw better-sqlite3 baselines' document table: the emulator store's shape and pragmas (WAL +
// synchronous=FULL), so that a ratio compares the same durable work.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

/** A fresh `docs` table in `<dir>/raw.sqlite`. */
export function openRawDocs(dir) {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE docs (pos INTEGER PRIMARY KEY, coll TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, ' +
      'ver INTEGER NOT NULL, UNIQUE (coll, id))',
  );
  return db;
}
