// How the owner's product pages name a product's sale status.
import type { OwnerProductCard } from '../../../cloudfunctions/contracts/shop';

export type SaleStatus = OwnerProductCard['status'];

export const SALE_STATUS_LABEL: Record<SaleStatus, string> = { on_sale: '在售', off_sale: '已下架' };
/** What the button that puts a product into this status says. */
export const SALE_ACTION_LABEL: Record<SaleStatus, string> = { on_sale: '上架', off_sale: '下架' };
