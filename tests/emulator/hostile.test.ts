// Hostile input to /tcb, the gateway and the dev controls: a clear error, nothing changed, the server keeps serving.
import { startEmulator, sdkFor, post, devSession, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let db: any;

beforeAll(async () => {
  emu = await startEmulator();
  db = sdkFor(emu).database();
  await db.createCollection('things');
  await db.collection('things').add({ data: { _id: 't1', n: 1 } });
});

afterAll(async () => {
  await emu.stop();
});

afterEach(async () => {
  // Still serving, and nothing changed.
  expect((await db.collection('things').doc('t1').get()).data).toEqual({ _id: 't1', n: 1 });
  expect((await db.collection('things').count()).total).toBe(1);
});

const tcb = (body: unknown) => post(emu, '/tcb', body);

test.each([
  ['malformed JSON', '{"action": "database.getDocument",', 400, 'MALFORMED_JSON'],
  ['a JSON array', '[1,2,3]', 400, 'MALFORMED_JSON'],
  ['a JSON string', '"database.getDocument"', 400, 'MALFORMED_JSON'],
])('/tcb with %s is refused', async (_label, body, status, code) => {
  const res = await tcb(body);
  expect(res.status).toBe(status);
  expect(res.json.code).toBe(code);
});

test.each([
  ['an unknown action', { action: 'database.dropEverything', collectionName: 'things' }, 'INVALID_ACTION'],
  ['no action', { collectionName: 'things' }, 'INVALID_ACTION'],
  ['a prototype key as action', { action: '__proto__' }, 'INVALID_ACTION'],
  [
    'a query that is not EJSON',
    { action: 'database.getDocument', collectionName: 'things', queryType: 'WHERE', query: '{nope' },
    'INVALID_PARAM',
  ],
  [
    'a negative limit',
    { action: 'database.getDocument', collectionName: 'things', queryType: 'WHERE', query: '{}', limit: -5 },
    'INVALID_PARAM',
  ],
  ['a non-string collection', { action: 'database.getDocument', collectionName: { $ne: 1 } }, 'INVALID_PARAM'],
  [
    'an unknown collection',
    { action: 'database.removeDocument', collectionName: 'nothing', queryType: 'WHERE', query: '{}' },
    'DATABASE_COLLECTION_NOT_EXIST',
  ],
  [
    'an unknown update operator',
    {
      action: 'database.modifyDocument',
      collectionName: 'things',
      queryType: 'WHERE',
      query: '{}',
      data: '{"$explode":{"n":1}}',
      multi: true,
      merge: true,
    },
    'DATABASE_REQUEST_FAILED',
  ],
  [
    'an update of _id',
    {
      action: 'database.modifyDocument',
      collectionName: 'things',
      queryType: 'DOC',
      query: '{"_id":"t1"}',
      data: '{"$set":{"_id":"t2"}}',
      merge: true,
    },
    'DATABASE_REQUEST_FAILED',
  ],
  [
    'an unknown query operator',
    { action: 'database.getDocument', collectionName: 'things', queryType: 'WHERE', query: '{"n":{"$wat":1}}' },
    'DATABASE_REQUEST_FAILED',
  ],
  [
    'a bad aggregation stage',
    {
      action: 'database.aggregateDocuments',
      collectionName: 'things',
      stages: [{ stageKey: '$nope', stageValue: '{}' }],
    },
    'DATABASE_REQUEST_FAILED',
  ],
  ['an insert of nothing', { action: 'database.insertDocument', collectionName: 'things', data: [] }, 'INVALID_PARAM'],
  [
    'an unknown transaction',
    { action: 'database.commitTransaction', transactionId: 'forged' },
    'DATABASE_TRANSACTION_FAIL',
  ],
  [
    'a call to a missing function',
    { action: 'functions.invokeFunction', function_name: '../../etc/passwd', request_data: '{}' },
    'FUNCTIONS_REQUEST_FAIL',
  ],
])('/tcb with %s answers a coded error', async (_label, body, code) => {
  const res = await tcb(body);
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
});

test('a huge body is refused before it is read', async () => {
  const huge = JSON.stringify({
    action: 'database.insertDocument',
    collectionName: 'things',
    data: ['x'.repeat(25 * 1024 * 1024)],
  });
  const res = await tcb(huge).catch((error) => ({ status: 0, json: { error } }));
  // Either the 413 answer or a closed connection; never a stored document.
  expect([0, 413]).toContain(res.status);
});

test('the gateway refuses a call without a dev session', async () => {
  const res = await post(emu, '/api/functions/whoami', {});
  expect(res.status).toBe(401);
  expect(res.json.code).toBe('DEV_NO_SESSION');
  const forged = await post(
    emu,
    '/api/functions/whoami',
    {},
    { authorization: 'Bearer forged', cookie: 'yj_dev=forged' },
  );
  expect(forged.status).toBe(401);
});

test('the gateway refuses malformed and oversized bodies', async () => {
  const token = await devSession(emu, 'alice');
  const auth = { authorization: `Bearer ${token}` };
  expect((await post(emu, '/api/functions/whoami', '{oops', auth)).status).toBe(400);
  expect((await post(emu, '/api/functions/whoami', '[]', auth)).status).toBe(400);
  const big = await post(emu, '/api/functions/whoami', JSON.stringify({ x: 'y'.repeat(6 * 1024 * 1024) }), auth).catch(
    () => ({ status: 413 }),
  );
  expect(big.status).toBe(413);
  expect((await post(emu, '/api/functions/whoami', { ok: 1 }, auth)).status).toBe(200);
});

// A structured clone of the event (the hand-off to the worker thread) recursed and overflowed the stack from about
// 10,000 levels, so such a body crashed the invocation (HTTP 502, "Maximum call stack size exceeded") where 1,000
// levels got the function's own coded answer. Any depth the body limit admits now reaches the function whole.
const nested = (depth: number) => `{"items":${'['.repeat(depth)}${']'.repeat(depth)}}`;

test.each([1_000, 10_000, 100_000])(
  'the gateway hands a body nested %i levels deep to the function, which answers its own coded refusal',
  async (depth) => {
    const token = await devSession(emu, 'alice');
    const res = await post(emu, '/api/functions/depth', nested(depth), { authorization: `Bearer ${token}` });
    expect({ status: res.status, code: res.json.result?.error?.code }).toEqual({ status: 200, code: 'input.invalid' });
    expect(res.json.result).toMatchObject({ depth, userInfo: { openId: 'dev_alice' } });
  },
);

test.each([1_000, 10_000, 100_000])(
  '/tcb invokeFunction hands request_data nested %i levels deep to the function the same way',
  async (depth) => {
    const res = await tcb({ action: 'functions.invokeFunction', function_name: 'depth', request_data: nested(depth) });
    expect(res.status).toBe(200);
    expect(res.json.code).toBeUndefined();
    const answer = JSON.parse(res.json.data.response_data);
    expect(answer).toMatchObject({ ok: false, error: { code: 'input.invalid' }, depth });
  },
);

test('a client cannot set the platform-given userInfo through the gateway body', async () => {
  const token = await devSession(emu, 'alice');
  const forged = { items: [], userInfo: { openId: 'dev_owner', appId: 'forged' } };
  const res = await post(emu, '/api/functions/depth', forged, { authorization: `Bearer ${token}` });
  expect(res.json.result.userInfo).toMatchObject({ openId: 'dev_alice' });
  expect(res.json.result.userInfo.appId).not.toBe('forged');
});

test('dev controls validate their input', async () => {
  expect((await post(emu, '/__dev/session', { as: '../owner' })).status).toBe(400);
  expect((await post(emu, '/__dev/session', { as: 42 })).status).toBe(400);
  expect((await post(emu, '/__dev/clock', { advanceMs: -1000 })).status).toBe(400);
  expect((await post(emu, '/__dev/clock', { advanceMs: 'soon' })).status).toBe(400);
  expect((await post(emu, '/__dev/pay', { outTradeNo: 'missing' })).status).toBe(400);
  expect((await post(emu, '/__dev/pay', { outTradeNo: 'x', deliveries: 1000 })).status).toBe(400);
  expect((await post(emu, '/__dev/nothing', {})).status).toBe(404);
});

test('static hosting stays inside the build folder', async () => {
  const res = await fetch(`${emu.origin}/..%2f..%2fpackage.json`);
  expect([403, 200]).toContain(res.status);
  expect(await res.text()).not.toContain('"name": "youjian"');
});
