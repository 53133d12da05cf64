// 导出订单: the orders placed in a date range (and one status, or all) as a CSV the owner opens, forwards or
// downloads. The file is made by the report function; this page picks the range and hands over the file.
import { useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { reportApi } from '../../api/report';
import { ORDER_STATUS_LABELS } from '../../lib/order-status';
import type { OrderStatus } from '../../../cloudfunctions/contracts/order';
import type { ReportResults } from '../../../cloudfunctions/contracts/report';
import NotOwner from '../shared/NotOwner';
import { chinaDay, rangeProblem } from './range';
import './index.scss';

const B = 'export-orders';
const STATUS_CHOICES: Array<{ value: OrderStatus | ''; label: string }> = [
  { value: '', label: '全部状态' },
  ...(Object.keys(ORDER_STATUS_LABELS) as OrderStatus[]).map((s) => ({ value: s, label: ORDER_STATUS_LABELS[s] })),
];

type Done = ReportResults['exportOrders'];

export default function ExportOrdersPage() {
  const [from, setFrom] = useState(() => chinaDay(Date.now(), -6));
  const [to, setTo] = useState(() => chinaDay(Date.now()));
  const [status, setStatus] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const problem = rangeProblem(from, to);

  const run = async () => {
    if (busy || problem) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const chosen = STATUS_CHOICES[status].value;
    const res = await reportApi.exportOrders({ from, to, ...(chosen ? { status: chosen } : {}) });
    setBusy(false);
    if (res.ok) setDone(res.data);
    else setError(res.error);
  };

  // The mini program cannot hand a URL to the phone: the file is downloaded first, then opened or sent to a chat
  // (where the owner saves it or forwards it to the courier).
  const open = async (file: Done) => {
    try {
      const { tempFilePath } = await Taro.downloadFile({ url: file.url });
      await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
    } catch {
      void Taro.showToast({ title: '无法直接打开，请发送到聊天或复制链接下载', icon: 'none' });
    }
  };
  const send = async (file: Done) => {
    try {
      const { tempFilePath } = await Taro.downloadFile({ url: file.url });
      await Taro.shareFileMessage({ filePath: tempFilePath, fileName: `订单-${from}至${to}.csv` });
    } catch {
      // Cancelled in the chat picker, or the download failed: the link is still there to copy.
    }
  };

  if (error?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className={B}>
      <View className={`${B}__card`}>
        <View className={`${B}__row`}>
          <Text className={`${B}__label`}>开始日期</Text>
          <Picker mode="date" value={from} end={to} onChange={(e) => setFrom(e.detail.value)}>
            <View className={`${B}__value`}>{from}</View>
          </Picker>
        </View>
        <View className={`${B}__row`}>
          <Text className={`${B}__label`}>结束日期</Text>
          <Picker mode="date" value={to} start={from} onChange={(e) => setTo(e.detail.value)}>
            <View className={`${B}__value`}>{to}</View>
          </Picker>
        </View>
        <View className={`${B}__row`}>
          <Text className={`${B}__label`}>订单状态</Text>
          <Picker
            mode="selector"
            range={STATUS_CHOICES.map((c) => c.label)}
            value={status}
            onChange={(e) => setStatus(Number(e.detail.value))}
          >
            <View className={`${B}__value`}>{STATUS_CHOICES[status].label}</View>
          </Picker>
        </View>
        <Text className={`${B}__hint`}>按下单时间（北京时间）导出，每个商品一行，金额单位为元。</Text>
      </View>
      {problem ? <Text className={`${B}__error`}>{problem}</Text> : null}
      {error ? <Text className={`${B}__error`}>{error.message}</Text> : null}
      <Button className={`${B}__submit`} disabled={busy || problem !== null} onClick={() => void run()}>
        {busy ? '正在生成文件…' : '导出'}
      </Button>
      {done ? (
        <View className={`${B}__card`}>
          <Text className={`${B}__done`}>
            {done.rows === 0 ? '这段时间没有订单，文件只有表头' : `已导出 ${done.rows} 行`}
          </Text>
          {process.env.TARO_ENV === 'h5' ? (
            <a className={`${B}__link`} href={done.url} download="订单导出.csv">
              下载文件
            </a>
          ) : (
            <>
              <Button className={`${B}__action`} onClick={() => void send(done)}>
                发送到聊天
              </Button>
              <Button className={`${B}__action`} onClick={() => void open(done)}>
                打开文件
              </Button>
            </>
          )}
          <Button className={`${B}__action`} onClick={() => void Taro.setClipboardData({ data: done.url })}>
            复制下载链接
          </Button>
        </View>
      ) : null}
    </View>
  );
}
