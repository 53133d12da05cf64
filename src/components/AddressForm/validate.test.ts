import { fromWechatAddress, validateAddress } from './validate';

const good = { name: '王小明', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' };

describe('address rules', () => {
  it('accepts a complete address, trimmed', () => {
    expect(validateAddress({ ...good, name: ' 王小明 ', phone: '138 0013 8000' })).toEqual({ ok: true, address: good });
  });

  it('names each field that is wrong', () => {
    const check = validateAddress({ name: '  ', phone: '12800138000', region: '浙', detail: '' });
    expect(check).toEqual({
      ok: false,
      errors: {
        name: '请填写收货人',
        phone: '请填写正确的 11 位手机号',
        region: '所在地区至少 2 个字',
        detail: '请填写详细地址',
      },
    });
  });

  it('a field of zero-width or blank characters only is missing, as the contract has it', () => {
    const check = validateAddress({ ...good, name: '\u200B\u200B', detail: '\u2060\u3000\u200D\u00A0' });
    expect(check).toEqual({ ok: false, errors: { name: '请填写收货人', detail: '请填写详细地址' } });
  });

  it('takes mainland mobile numbers only', () => {
    expect(validateAddress({ ...good, phone: '1380013800' }).ok).toBe(false);
    expect(validateAddress({ ...good, phone: '010-88886666' }).ok).toBe(false);
    expect(validateAddress({ ...good, phone: '19912345678' }).ok).toBe(true);
  });

  it('holds the contract’s length limits', () => {
    expect(validateAddress({ ...good, name: '名'.repeat(21) })).toMatchObject({
      ok: false,
      errors: { name: '收货人最多 20 个字' },
    });
    expect(validateAddress({ ...good, detail: '路'.repeat(121) })).toMatchObject({
      ok: false,
      errors: { detail: '详细地址最多 120 个字' },
    });
  });

  it('maps a WeChat address book entry', () => {
    const wx = {
      userName: '张三',
      telNumber: '13900001111',
      provinceName: '北京市',
      cityName: '北京市',
      countyName: '朝阳区',
      detailInfo: '望京 SOHO',
    };
    expect(fromWechatAddress(wx)).toEqual({
      name: '张三',
      phone: '13900001111',
      region: '北京市 朝阳区',
      detail: '望京 SOHO',
    });
    expect(fromWechatAddress({ ...wx, provinceName: '广东省', cityName: '深圳市', countyName: '南山区' }).region).toBe(
      '广东省 深圳市 南山区',
    );
  });
});
