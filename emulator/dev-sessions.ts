// Dev sessions: who the browser acts as on the client gateway. `POST /__dev/session {"as":"alice"}` gives a token
// (cookie `yj_dev`, or `Authorization: Bearer <token>`); the gateway's caller is then OPENID `dev_alice`.
// Sessions are kept in SQLite so that a restarted emulator still knows an open browser tab.
import type Database from 'better-sqlite3';
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { HttpError } from './http-error';

export interface DevSession {
  as: string;
  openid: string;
}

const NAME = /^[a-z][a-z0-9_]{0,31}$/;

export class DevSessions {
  static readonly COOKIE = 'yj_dev';
  private insert;
  private find;

  constructor(sqlite: Database.Database) {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS dev_sessions ' +
        '(token TEXT PRIMARY KEY, who TEXT NOT NULL, created_at INTEGER NOT NULL)',
    );
    this.insert = sqlite.prepare('INSERT INTO dev_sessions (token, who, created_at) VALUES (?, ?, ?)');
    this.find = sqlite.prepare('SELECT who FROM dev_sessions WHERE token = ?').pluck();
  }

  create(as: unknown): { token: string; session: DevSession } {
    if (typeof as !== 'string' || !NAME.test(as)) {
      throw new HttpError(400, 'DEV_BAD_INPUT', 'as must be a lowercase name such as "alice"');
    }
    const token = randomBytes(24).toString('base64url');
    this.insert.run(token, as, Date.now());
    return { token, session: toSession(as) };
  }

  fromRequest(req: IncomingMessage): DevSession | null {
    const token = bearer(req.headers.authorization) ?? cookie(req.headers.cookie, DevSessions.COOKIE);
    if (!token) return null;
    const who = this.find.get(token) as string | undefined;
    return who ? toSession(who) : null;
  }
}

function toSession(as: string): DevSession {
  return { as, openid: `dev_${as}` };
}

function bearer(header: string | undefined): string | null {
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
