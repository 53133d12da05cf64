// What the payment function answers WeChat Pay: `{ errcode: 0 }` means handled (or handled before) and stops
// the deliveries; anything else makes WeChat deliver again, which is right only for what a retry can fix.
export interface CallbackAnswer {
  errcode: number;
  errmsg: string;
}

export const ACK: CallbackAnswer = { errcode: 0, errmsg: '' };

export function refuse(reason: string): CallbackAnswer {
  return { errcode: 1, errmsg: reason };
}
