import { createHmac } from 'node:crypto';
import { groupHash, groupIdOf, OPEN_GID_MAX } from './group-visit';

test('groupHash: HMAC-SHA256 under the shop secret, 32 hex; the same group the same, another secret another', () => {
  const hash = groupHash('s1', 'G');
  expect(hash).toBe(createHmac('sha256', 's1').update('G').digest('hex').slice(0, 32));
  expect(groupHash('s1', 'G')).toBe(hash);
  expect(groupHash('s2', 'G')).not.toBe(hash);
  expect(groupHash('s1', 'H')).not.toBe(hash);
  expect(hash).not.toContain('G');
});

test('groupIdOf: only a chat visit with resolved open data has a group', () => {
  expect(groupIdOf('chat', { data: { openGId: 'G' } })).toBe('G');
  expect(groupIdOf('poster', { data: { openGId: 'G' } })).toBeNull();
  expect(groupIdOf('chat', undefined)).toBeNull();
  expect(groupIdOf('chat', {})).toBeNull();
  expect(groupIdOf('chat', { data: {} })).toBeNull();
  expect(groupIdOf('chat', { data: { openGId: '' } })).toBeNull();
  expect(groupIdOf('chat', { data: { openGId: 'g'.repeat(OPEN_GID_MAX + 1) } })).toBeNull();
});
