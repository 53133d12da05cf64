// The group chat a card was opened from: WeChat gives a shareTicket when the mini program is entered from a card in a
// group chat, and getGroupEnterInfo turns it into a cloudID for the group's open data (the function gets `openGId`
// from CloudBase and keeps only a hash). None outside a group chat, on h5, or when WeChat refuses.
import Taro from '@tarojs/taro';

export async function groupEnterCloudId(): Promise<string | null> {
  try {
    const { shareTicket } = Taro.getEnterOptionsSync();
    if (!shareTicket) return null;
    // Taro types the promise as the bare callback result; WeChat answers getGroupEnterInfo.SuccessCallbackResult.
    const { cloudID } = (await Taro.getGroupEnterInfo({})) as Taro.getGroupEnterInfo.SuccessCallbackResult;
    return cloudID ?? null;
  } catch {
    return null;
  }
}
