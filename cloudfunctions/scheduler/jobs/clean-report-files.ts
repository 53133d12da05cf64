// Exports and imported CSVs older than REPORT_FILE_DAYS are deleted from storage, then forgotten (a file already
// gone counts as deleted; one storage refuses is tried again next run).
import { REPORT_FILE_DAYS } from '../../contracts/limits';
import { DAY_MS } from '../../core/rules';
import { deleteFiles } from '../../data/files';
import { forgetReportFile, listOldReportFiles } from '../../data/report-files';
import { BATCH, drain, type JobContext } from '../job';

export async function cleanReportFiles(ctx: JobContext) {
  const deleted = await drain(
    ctx,
    'report file',
    (now) => listOldReportFiles(ctx.db, new Date(now.getTime() - REPORT_FILE_DAYS * DAY_MS), BATCH),
    async (file) => {
      if ((await deleteFiles(ctx.cloud, [file.fileID])).length === 0) return false;
      await forgetReportFile(ctx.db, file._id);
      return true;
    },
    (file) => file._id,
  );
  return { deleted };
}
