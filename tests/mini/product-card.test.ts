// The product card as WeChat runs it: compiled by `taro build native-components` (scripts/mini-components.mjs →
// dist/native-components) and loaded as a native custom component by miniprogram-simulate with the official WXML
// compiler, so the WXML templates, Taro's runtime and its event plumbing are the ones that ship.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import simulate from 'miniprogram-simulate';

const OUT = join(__dirname, '..', '..', 'dist', 'native-components');
const CARD = join(OUT, 'components', 'ProductCard', 'index');

type Product = { id: string; title: string; image: string; priceFen: number; soldOut: boolean };
const tea: Product = { id: 'p1', title: '云南古树红茶 200g', image: '/assets/tea.png', priceFen: 1290, soldOut: false };

// Loaded once: the bundle registers its Component() when webpack first runs the chunk, not on every require.
let cardId: string;

// A `taro build native-components` component takes one property, `props`, whose fields become the React props.
function mount(props: { product: Product; onTap?: (id: string) => void }) {
  const comp = simulate.render(cardId, { props });
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** Resolves once `text` is rendered (React commits to the mini program tree asynchronously, through setData). */
async function findText(root: HTMLElement, text: string, timeoutMs = 2000): Promise<HTMLElement> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = Array.from(root.querySelectorAll<HTMLElement>('*')).find(
      (el) => el.children.length === 0 && el.textContent?.trim() === text,
    );
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`"${text}" not rendered; got: ${root.textContent}`);
    await simulate.sleep(10);
  }
}

beforeAll(() => {
  if (!existsSync(`${CARD}.js`)) {
    throw new Error(`${CARD}.js is missing: run \`node scripts/mini-components.mjs\` before the mini tests`);
  }
  // Taro's runtime reads the host page's route when it mounts a native component; a lone component has no page.
  (globalThis as unknown as { getCurrentPages: () => unknown[] }).getCurrentPages = () => [
    { route: 'pages/host/index', options: {} },
  ];
  cardId = simulate.load(CARD, 'product-card', { rootPath: OUT });
});

test('renders the title and the price in yuan', async () => {
  const comp = mount({ product: tea });
  expect(await findText(comp.dom!, '云南古树红茶 200g')).toBeTruthy();
  expect(await findText(comp.dom!, '¥12.90')).toBeTruthy();
});

test('a sold-out product says so', async () => {
  const comp = mount({ product: { ...tea, soldOut: true } });
  expect(await findText(comp.dom!, '已售罄')).toBeTruthy();
  expect(await findText(comp.dom!, tea.title)).toBeTruthy();
});

test('a tap on the card calls onTap with the product id', async () => {
  const onTap = jest.fn();
  const comp = mount({ product: tea, onTap });
  const title = await findText(comp.dom!, tea.title);
  // Taro gives every rendered node an id (its sid); tap the title as a finger would and let the event bubble.
  const sid = title.getAttribute('data-sid') ?? title.closest('[data-sid]')?.getAttribute('data-sid');
  expect(sid).toBeTruthy();
  comp.querySelector(`#${sid}`)!.dispatchEvent('tap');
  for (let i = 0; i < 100 && onTap.mock.calls.length === 0; i++) await simulate.sleep(10);
  expect(onTap).toHaveBeenCalledTimes(1);
  expect(onTap).toHaveBeenCalledWith('p1');
});

test('a new props value from the host page re-renders the card', async () => {
  const comp = mount({ product: tea });
  await findText(comp.dom!, '¥12.90');
  comp.setData({ props: { product: { ...tea, priceFen: 9900 } } });
  expect(await findText(comp.dom!, '¥99.00')).toBeTruthy();
});
