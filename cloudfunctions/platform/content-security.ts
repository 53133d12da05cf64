// Content security (内容安全) through the cloud call: security.msgSecCheck for what members write, and
// security.mediaCheckAsync for their photos (the verdict arrives later as the `wxa_media_check` message push event,
// received by the `security` function). Version 2, with the author's openid and the scene of the place they write.
//
// Scenes from the msgSecCheck 2.0 document (developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/
// sec-check/msgSecCheck.html): 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum), 4 社交日志 (social log).
// Verdicts: result.suggest is 'pass', 'review' (WeChat: needs a human to decide) or 'risky'.
import { AppError } from '../contracts/errors';
import type { Cloud } from '../data/db';

/** Where a member writes: reviews are comments; a sharer's note travels on their cards like a social post. */
export const SCENE = { profile: 1, comment: 2, forum: 3, social: 4 } as const;
export type Scene = keyof typeof SCENE;

export type Suggest = 'pass' | 'review' | 'risky';

interface CheckAnswer {
  traceId?: string;
  result?: { suggest?: string; label?: number | string };
}

interface SecurityApi {
  msgSecCheck(input: object): Promise<CheckAnswer>;
  mediaCheckAsync(input: object): Promise<CheckAnswer>;
}

const securityOf = (cloud: Cloud): SecurityApi => (cloud.openapi as unknown as { security: SecurityApi }).security;

/**
 * Refuses a text WeChat does not pass, before anything is stored. 'review' is refused like 'risky': the shop has no
 * one to read held texts, and the member can rephrase at once, whereas publishing it would show others unchecked
 * words. A check that fails for a technical reason (timeout, quota, errcode ≠ 0) answers `content.check_failed`:
 * the text is never published unchecked, and nothing is lost either, as the member still holds it on their form and
 * can send it again. Text that shows nothing ('' after trimming) has nothing to check.
 */
export async function checkText(cloud: Cloud, input: { openid: string; scene: Scene; content: string }): Promise<void> {
  if (input.content === '') return;
  let answer: CheckAnswer;
  try {
    answer = await securityOf(cloud).msgSecCheck({
      openid: input.openid,
      scene: SCENE[input.scene],
      version: 2,
      content: input.content,
    });
  } catch (error) {
    console.error('msgSecCheck failed', error);
    throw new AppError('content.check_failed');
  }
  const suggest = answer.result?.suggest;
  if (suggest === 'pass') return;
  if (suggest === 'risky' || suggest === 'review') throw new AppError('content.risky');
  console.error('msgSecCheck answered no verdict', answer);
  throw new AppError('content.check_failed');
}

/**
 * Asks WeChat to check a stored photo (a temporary URL of it); the trace id ties the later verdict event to it.
 * Null when the check could not be started (the caller keeps the photo pending and the scheduler asks again).
 */
export async function startPhotoCheck(
  cloud: Cloud,
  input: { openid: string; scene: Scene; fileId: string },
): Promise<string | null> {
  try {
    const res = (await cloud.getTempFileURL({ fileList: [input.fileId] })) as {
      fileList: Array<{ status: number; tempFileURL: string }>;
    };
    const file = res.fileList[0];
    if (file?.status !== 0 || !file.tempFileURL) return null;
    const answer = await securityOf(cloud).mediaCheckAsync({
      openid: input.openid,
      scene: SCENE[input.scene],
      version: 2,
      media_url: file.tempFileURL,
      media_type: 2, // 2: image (1 is audio)
    });
    return typeof answer.traceId === 'string' && answer.traceId !== '' ? answer.traceId : null;
  } catch (error) {
    console.error('mediaCheckAsync failed', error);
    return null;
  }
}
