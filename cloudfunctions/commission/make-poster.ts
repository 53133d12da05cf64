// A poster for the caller to share a product: the mini program code (wxacode.getUnlimited, scene
// `p=<productId>&s=<shareCode>`, which opens the product page like a card, channel poster), with what to draw.
import type { CommissionInput, Poster } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { lowestPrice } from '../core/product';
import { displayUrls } from '../data/files';
import type { CallContext } from '../platform/handler';
import { findNote } from '../data/notes';
import { findProduct } from '../data/products';
import { findUserByOpenid } from '../data/users';

/** The page a poster's code opens (no leading slash: wxacode's `page` form). */
const POSTER_PAGE = 'pages/product/index';

interface CodeAnswer {
  contentType?: string;
  buffer?: Uint8Array;
}

export async function makePoster(input: CommissionInput<'poster'>, ctx: CallContext): Promise<Poster> {
  if (!ctx.openid) throw new AppError('auth.required');
  const [user, product, note] = await Promise.all([
    findUserByOpenid(ctx.db, ctx.openid),
    findProduct(ctx.db, input.productId),
    findNote(ctx.db, ctx.openid, input.productId),
  ]);
  if (!product) throw new AppError('product.not_found');
  if (!user) throw new AppError('auth.required');
  const scene = `p=${product._id}&s=${user.shareCode}`;
  const [code, urls] = await Promise.all([drawCode(ctx, scene), displayUrls(ctx.cloud, product.images.slice(0, 1))]);
  return {
    code,
    scene,
    product: {
      id: product._id,
      title: product.title,
      priceFen: lowestPrice(product),
      image: urls.get(product.images[0] ?? '') ?? '',
      status: product.status,
    },
    sharer: { nickname: user.nickname, shareCode: user.shareCode },
    note,
  };
}

async function drawCode(ctx: CallContext, scene: string): Promise<string> {
  try {
    const openapi = ctx.cloud.openapi as unknown as { wxacode: { getUnlimited(input: object): Promise<CodeAnswer> } };
    const answer = await openapi.wxacode.getUnlimited({ scene, page: POSTER_PAGE, checkPath: false, width: 280 });
    if (!answer.buffer) throw new Error('no image in the answer');
    return `data:${answer.contentType ?? 'image/png'};base64,${Buffer.from(answer.buffer).toString('base64')}`;
  } catch (error) {
    console.error(`[${ctx.requestId}] wxacode.getUnlimited failed`, error);
    throw new AppError('share.poster_failed');
  }
}
