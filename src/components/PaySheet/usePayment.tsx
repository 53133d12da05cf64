// Paying an order, the same way from checkout and from the order page. weapp: ask for the shipped/refund
// notifications, get the payment parameters from `order.pay`, hand them to WeChat (Taro.requestPayment).
// h5: the same `order.pay`, then PaySheet, whose confirm has the local emulator play the payment.
// Either way the caller reloads the order afterwards: the payment callback, not this page, marks it paid.
import { useCallback, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { orderApi } from '../../api/order';
import { SUBSCRIBE_TEMPLATES } from '../../lib/order-status';

export type PayOutcome = 'paid' | 'cancelled' | 'failed';

/** Which subscribe messages the buyer accepted. */
export interface Notify {
  shipped: boolean;
  refund: boolean;
}

const isH5 = () => process.env.TARO_ENV === 'h5';

/**
 * h5 only: the dev pay fetch. A compile-time branch in a plain function (not inside an async one, whose body
 * Babel turns into a state machine webpack cannot prune), so the weapp bundle never carries it.
 */
function loadDevPay(): typeof import('../../api/dev-pay').devPay | null {
  return process.env.TARO_ENV === 'h5'
    ? (require('../../api/dev-pay') as typeof import('../../api/dev-pay')).devPay
    : null;
}
/** h5 only: the sheet that stands in for WeChat's pay UI, loaded the same way (the weapp bundle never carries it). */
function loadPaySheet(): typeof import('./index').default | null {
  return process.env.TARO_ENV === 'h5' ? (require('./index') as typeof import('./index')).default : null;
}
const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/**
 * weapp: asks the buyer for the order's subscribe messages. WeChat only shows this dialog in answer to a tap,
 * so call it first thing in the tap handler, before any request. A failure (unknown template ids, an old
 * client) counts as "no notifications", never as a reason not to pay.
 */
export async function askNotify(): Promise<Notify> {
  try {
    // Taro's typing asks for Alipay's entityIds too; WeChat takes tmplIds only.
    const res = await Taro.requestSubscribeMessage({
      tmplIds: [SUBSCRIBE_TEMPLATES.shipped, SUBSCRIBE_TEMPLATES.refund],
    } as Taro.requestSubscribeMessage.Option);
    const answers = res as unknown as Record<string, string | undefined>;
    return {
      shipped: answers[SUBSCRIBE_TEMPLATES.shipped] === 'accept',
      refund: answers[SUBSCRIBE_TEMPLATES.refund] === 'accept',
    };
  } catch {
    return { shipped: false, refund: false };
  }
}

interface PendingSheet {
  amountFen: number;
  outTradeNo: string;
  settle: (outcome: PayOutcome) => void;
}

export interface Payment {
  /**
   * Pays the order. weapp asks for notifications first unless `notify` is given (checkout asks before it creates
   * the order, while the tap is still fresh). Shows its own toasts for failures.
   */
  pay: (orderId: string, notify?: Notify) => Promise<PayOutcome>;
  /** h5: the pay sheet while it is open; render it in the page. */
  sheet: ReactNode;
}

export function usePayment(): Payment {
  const [pending, setPending] = useState<PendingSheet | null>(null);

  const pay = useCallback(async (orderId: string, notify?: Notify): Promise<PayOutcome> => {
    const flags = isH5() ? undefined : (notify ?? (await askNotify()));
    const res = await orderApi.pay(flags ? { orderId, notify: flags } : { orderId });
    if (!res.ok) {
      toast(res.error.message);
      return 'failed';
    }
    if (isH5()) {
      const { payableFen, outTradeNo } = res.data;
      return new Promise<PayOutcome>((settle) => setPending({ amountFen: payableFen, outTradeNo, settle }));
    }
    try {
      const { payment } = res.data;
      await Taro.requestPayment({ ...payment, signType: payment.signType as keyof Taro.requestPayment.SignType });
      return 'paid';
    } catch (err) {
      const message = (err as { errMsg?: string } | undefined)?.errMsg ?? '';
      if (/cancel/.test(message)) {
        toast('已取消支付');
        return 'cancelled';
      }
      toast('支付未完成，请稍后重试');
      return 'failed';
    }
  }, []);

  const confirmSheet = async () => {
    const devPay = loadDevPay();
    if (!pending || !devPay) return;
    const res = await devPay(pending.outTradeNo);
    if (!res.ok) {
      toast(res.error.message);
      return;
    }
    setPending(null);
    pending.settle('paid');
  };

  const cancelSheet = () => {
    if (!pending) return;
    setPending(null);
    toast('已取消支付');
    pending.settle('cancelled');
  };

  const PaySheet = pending ? loadPaySheet() : null;
  const sheet =
    pending && PaySheet ? (
      <PaySheet amountFen={pending.amountFen} onConfirm={confirmSheet} onCancel={cancelSheet} />
    ) : null;
  return { pay, sheet };
}
