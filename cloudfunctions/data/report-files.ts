// The files the report function wrote (exports) or read (the owner's imported CSVs): orders with addresses and
// tracking numbers, so none is kept longer than REPORT_FILE_DAYS. Storage cannot list its files: this is the list the
// scheduler deletes from (scheduler/jobs/clean-report-files.ts).
import { createHash } from 'node:crypto';
import type { Database } from './db';

export interface ReportFileRecord {
  /** A hash of the fileID: the same file is recorded once. */
  _id: string;
  fileID: string;
  kind: 'export' | 'import';
  createdAt: Date;
}

const files = (db: Database) => db.collection<ReportFileRecord>('report_files');
const idOf = (fileID: string) => createHash('sha256').update(fileID).digest('hex').slice(0, 32);

/** Notes a file to delete REPORT_FILE_DAYS after now (a file imported again is kept from its last use). */
export async function recordReportFile(db: Database, kind: ReportFileRecord['kind'], fileID: string, now: Date) {
  await files(db)
    .doc(idOf(fileID))
    .set({ data: { fileID, kind, createdAt: now } });
}

/** Files noted before `before`, oldest first. */
export async function listOldReportFiles(db: Database, before: Date, limit: number): Promise<ReportFileRecord[]> {
  const { data } = await files(db)
    .where({ createdAt: db.command.lt(before) })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get();
  return data;
}

export async function forgetReportFile(db: Database, id: string): Promise<void> {
  await files(db).doc(id).remove();
}
