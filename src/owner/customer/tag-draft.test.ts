import { addTag, sameTags } from './tag-draft';

describe('a tag the owner types', () => {
  it('joins the draft trimmed', () => {
    expect(addTag(['老客户'], '  团长 ')).toEqual({ tags: ['老客户', '团长'] });
  });

  it('is refused when blank, too long, repeated or one too many', () => {
    expect(addTag([], '   ')).toEqual({ refusal: '请输入标签' });
    expect(addTag([], '\u200b\u200b')).toEqual({ refusal: '请输入标签' });
    expect(addTag([], '一二三四五六七八')).toEqual({ tags: ['一二三四五六七八'] });
    expect(addTag([], '一二三四五六七八九')).toEqual({ refusal: '标签最多 8 个字' });
    expect(addTag(['团长'], '团长')).toEqual({ refusal: '已有这个标签' });
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(addTag(ten, 'new')).toEqual({ refusal: '最多 10 个标签' });
  });

  it('a draft differs from what is saved by its words or their order', () => {
    expect(sameTags(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameTags(['a'], ['a', 'b'])).toBe(false);
  });
});
