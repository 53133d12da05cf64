// WeChat Pay through cloud development (云开发微信支付): the platform's payment API, called by flows and use cases,
// never by data/.
import type { Cloud } from '../data/db';

/** cloud.cloudPay (云开发微信支付), which the SDK's typings leave out. Answers are WeChat Pay's, camelCased. */
export interface CloudPay {
  unifiedOrder(input: object): Promise<unknown>;
  refund(input: object): Promise<unknown>;
}

export function cloudPayOf(cloud: Cloud): CloudPay {
  return (cloud as unknown as { cloudPay: CloudPay }).cloudPay;
}
