// The demo shop (`--seed demo`): the owner, members alice and bob, and a catalogue of real-looking products whose
// pictures are drawn here as SVG (no downloads). Written straight into the emulator's store and storage, as an
// import in the CloudBase console would be.
import { randomBytes } from 'node:crypto';
import type { CouponRecord } from '../../cloudfunctions/core/coupon';
import type { ProductRecord } from '../../cloudfunctions/core/product';
import type { CategoryRecord } from '../../cloudfunctions/data/categories';
import { makeShareCode, SHARE_CODE_LENGTH } from '../../cloudfunctions/core/share-code';
import type { SettingsRecord } from '../../cloudfunctions/data/settings';
import { DEFAULT_RULES } from '../../cloudfunctions/core/rules';
import type { UserRecord } from '../../cloudfunctions/data/users';
import type { SeedTarget } from '../../emulator/config';

export const DEMO_MEMBERS = [
  { as: 'owner', nickname: '店主阿林', owner: true },
  { as: 'alice', nickname: 'alice', owner: false },
  { as: 'bob', nickname: 'bob', owner: false },
] as const;

type Art = (palette: Palette) => string;
interface Palette {
  bg: [string, string];
  main: string;
  accent: string;
}

interface DemoProduct {
  id: string;
  title: string;
  description: string;
  art: Art;
  palettes: Palette[];
  skus: Array<{ spec: string; priceFen: number; stock: number }>;
  commissionRateBp?: number;
}

/** The shop's categories; a product may be in more than one. The picture is the first product's first photo. */
const DEMO_CATEGORIES = [
  { id: 'cat-tea', name: '茶与茶器', productIds: ['puer357', 'qinghua-cup'] },
  { id: 'cat-grain', name: '米面粮油', productIds: ['rice5kg'] },
  { id: 'cat-fruit', name: '新鲜水果', productIds: ['aksu-apple'] },
  { id: 'cat-tonic', name: '滋补养生', productIds: ['ejiao-cake', 'qinling-honey', 'ningxia-goji'] },
  { id: 'cat-home', name: '家居日用', productIds: ['cotton-bed', 'qinghua-cup'] },
] as const;

/** One coupon on offer: nobody holds it until they claim it, so no order is discounted unasked. */
const DEMO_COUPON = {
  _id: 'welcome15',
  name: '新客满100减15',
  kind: 'amount_off',
  offFen: 1500,
  thresholdFen: 10000,
  scope: 'all',
  validDays: 30,
  total: 500,
  perMember: 1,
} as const;

const DEMO_PRODUCTS: DemoProduct[] = [
  {
    id: 'puer357',
    title: '云南勐海古树普洱茶饼 357g',
    description: '勐海古树春茶原料，石磨压制，棉纸包装。生茶清香回甘，熟茶醇厚顺滑，适合日常品饮与存放。',
    art: teaCake,
    palettes: [pal('#f3e7d3', '#e2c9a0', '#8b5a2b', '#c0392b'), pal('#efe3cf', '#d8bf94', '#5d3a1a', '#b03a2e')],
    skus: [
      { spec: '2019年 生茶', priceFen: 16800, stock: 30 },
      { spec: '2016年 熟茶', priceFen: 21800, stock: 12 },
    ],
    commissionRateBp: 800,
  },
  {
    id: 'rice5kg',
    title: '东北五常稻花香大米 当季新米',
    description: '五常核心产区稻花香2号，当季收割现磨发货，米粒饱满，蒸煮后清香软糯。',
    art: riceBowl,
    palettes: [pal('#f7f3ea', '#ebe1c8', '#ffffff', '#d4a017'), pal('#f4efe2', '#e6d9b8', '#fdfdf7', '#b8860b')],
    skus: [
      { spec: '5kg 袋装', priceFen: 8990, stock: 100 },
      { spec: '10kg 袋装', priceFen: 16900, stock: 40 },
    ],
  },
  {
    id: 'aksu-apple',
    title: '新疆阿克苏冰糖心苹果 产地直发',
    description: '阿克苏果园现摘，昼夜温差造就冰糖心，脆甜多汁。单果 80-90mm，坏果包赔。',
    art: apple,
    palettes: [pal('#fdeaea', '#f7c9c4', '#d62d20', '#3c8d2f'), pal('#fff0e6', '#fbd3b8', '#c9301f', '#4a9b36')],
    skus: [
      { spec: '5斤装 约12-15个', priceFen: 3990, stock: 200 },
      { spec: '10斤装 约24-30个', priceFen: 6990, stock: 80 },
    ],
  },
  {
    id: 'ejiao-cake',
    title: '手工阿胶糕 即食型 500g',
    description: '东阿阿胶配黑芝麻、核桃仁、红枣，手工熬制切片独立包装，早晚各一片。',
    art: bars,
    palettes: [pal('#f6ece6', '#e8cfc2', '#6e2c1f', '#e0b84c'), pal('#f9efe9', '#edd5c7', '#7a3324', '#d4a843')],
    skus: [
      { spec: '原味 500g', priceFen: 12800, stock: 25 },
      { spec: '玫瑰味 500g', priceFen: 13800, stock: 0 },
    ],
  },
  {
    id: 'qinghua-cup',
    title: '景德镇手绘青花茶杯 主人杯',
    description: '景德镇老师傅手绘青花缠枝纹，高温还原烧制，釉面温润，容量约 120ml。',
    art: cup,
    palettes: [pal('#eef4fb', '#d6e4f5', '#ffffff', '#1f4e9c'), pal('#f1f5fa', '#dae6f3', '#fafcff', '#2a5aa8')],
    skus: [
      { spec: '单只 缠枝莲', priceFen: 5900, stock: 18 },
      { spec: '对杯礼盒', priceFen: 12900, stock: 6 },
    ],
    commissionRateBp: 1000,
  },
  {
    id: 'cotton-bed',
    title: '新疆长绒棉四件套 1.8m床',
    description: '100支新疆长绒棉，贡缎工艺，亲肤柔滑。含被套、床单与两只枕套。',
    art: bedding,
    palettes: [pal('#f2f2f2', '#dcdcdc', '#9aa3ad', '#ffffff'), pal('#edf1f5', '#d3dce6', '#7f96ad', '#ffffff')],
    skus: [
      { spec: '浅灰 1.8m', priceFen: 29900, stock: 0 },
      { spec: '雾蓝 1.8m', priceFen: 29900, stock: 0 },
    ],
  },
  {
    id: 'qinling-honey',
    title: '秦岭土蜂蜜 百花蜜 500g',
    description: '秦岭深山中华蜂一年一取的成熟蜜，自然结晶，无添加。玻璃瓶装。',
    art: honeyJar,
    palettes: [pal('#fff6df', '#fde4a6', '#e8a317', '#7a4b12'), pal('#fff8e6', '#fbe0a0', '#dc9612', '#6b3f0c')],
    skus: [{ spec: '500g 玻璃瓶', priceFen: 6800, stock: 50 }],
  },
  {
    id: 'ningxia-goji',
    title: '宁夏中宁头茬枸杞 特级 250g×2',
    description: '中宁核心产区头茬鲜果晾晒，颗粒大、肉厚、籽少，泡水煲汤皆宜。',
    art: berries,
    palettes: [pal('#fdeee8', '#f8d3c6', '#e0452b', '#3a7d3a'), pal('#fff1ea', '#f6cdbd', '#d63c22', '#2f6f30')],
    skus: [{ spec: '250g×2 袋', priceFen: 4580, stock: 120 }],
  },
];

export async function seedDemo(target: SeedTarget): Promise<void> {
  const now = new Date(target.now());
  const users: UserRecord[] = DEMO_MEMBERS.map((m) => ({
    _id: `user-${m.as}`,
    openid: `dev_${m.as}`,
    shareCode: makeShareCode(randomBytes(SHARE_CODE_LENGTH)),
    nickname: m.nickname,
    createdAt: now,
  }));
  const settings: SettingsRecord = {
    _id: 'shop',
    shopName: '友荐小店',
    owners: DEMO_MEMBERS.filter((m) => m.owner).map((m) => `dev_${m.as}`),
    ...DEFAULT_RULES,
    // Locally, any sub-merchant id and template ids do: the emulator's pay simulator and outbox take them.
    subMchId: '1900000109',
    templates: { shipped: 'local-order-shipped', refund: 'local-refund-result' },
  };
  const products: Array<ProductRecord & { createdAt: Date; holds: [] }> = [];
  const categoryIdsOf = (productId: string) =>
    DEMO_CATEGORIES.filter((c) => (c.productIds as readonly string[]).includes(productId)).map((c) => c.id);
  for (const [index, p] of DEMO_PRODUCTS.entries()) {
    const images: string[] = [];
    for (const [i, palette] of p.palettes.entries()) {
      images.push(await target.putFile(`products/${p.id}/${i + 1}.svg`, Buffer.from(p.art(palette), 'utf8')));
    }
    products.push({
      _id: p.id,
      title: p.title,
      description: p.description,
      images,
      skus: p.skus.map((sku, i) => ({ id: `${p.id}-${i + 1}`, ...sku })),
      ...(p.commissionRateBp === undefined ? {} : { commissionRateBp: p.commissionRateBp }),
      categoryIds: categoryIdsOf(p.id),
      status: 'on_sale',
      sort: (index + 1) * 10,
      holds: [],
      createdAt: now,
    });
  }
  target.writeDocs('settings', [settings as unknown as { _id: string }]);
  target.writeDocs('users', users as unknown as Array<{ _id: string }>);
  target.writeDocs('products', products as unknown as Array<{ _id: string }>);
  const firstPhoto = (productId: string) => products.find((p) => p._id === productId)?.images[0];
  const categories: CategoryRecord[] = DEMO_CATEGORIES.map((c, i) => ({
    _id: c.id,
    name: c.name,
    sort: (i + 1) * 10,
    ...(firstPhoto(c.productIds[0]) ? { image: firstPhoto(c.productIds[0]) } : {}),
    createdAt: now,
    updatedAt: now,
  }));
  target.writeDocs('categories', categories as unknown as Array<{ _id: string }>);
  const coupon: CouponRecord = { ...DEMO_COUPON, claimed: 0, stopped: false, createdAt: now };
  target.writeDocs('coupons', [coupon as unknown as { _id: string }]);
}

// --- product art: simple flat illustrations, 600×600

function pal(bg1: string, bg2: string, main: string, accent: string): Palette {
  return { bg: [bg1, bg2], main, accent };
}

function frame(p: Palette, body: string): string {
  const gradient =
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.bg[0]}"/>` +
    `<stop offset="1" stop-color="${p.bg[1]}"/></linearGradient></defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
${gradient}
<rect width="600" height="600" fill="url(#bg)"/>
<ellipse cx="300" cy="470" rx="190" ry="26" fill="#000" opacity="0.08"/>
${body}
</svg>`;
}

function teaCake(p: Palette): string {
  return frame(
    p,
    `<circle cx="300" cy="300" r="170" fill="${p.main}"/>
<circle cx="300" cy="300" r="150" fill="none" stroke="#fff" stroke-opacity="0.25" stroke-width="6"/>
<circle cx="300" cy="300" r="30" fill="${p.bg[0]}" opacity="0.8"/>
<rect x="255" y="120" width="90" height="120" rx="6" fill="${p.accent}" opacity="0.9"/>
<rect x="270" y="140" width="60" height="80" rx="4" fill="none" stroke="#fff" stroke-width="3"/>`,
  );
}

function riceBowl(p: Palette): string {
  const grains =
    `<circle cx="220" cy="280" r="9" fill="${p.bg[1]}"/><circle cx="300" cy="262" r="9" fill="${p.bg[1]}"/>` +
    `<circle cx="380" cy="282" r="9" fill="${p.bg[1]}"/>`;
  return frame(
    p,
    `<path d="M130 300 Q300 200 470 300 Z" fill="${p.main}"/>
${grains}
<path d="M120 300 H480 Q470 450 300 460 Q130 450 120 300 Z" fill="${p.accent}"/>
<rect x="250" y="455" width="100" height="18" rx="6" fill="${p.accent}"/>`,
  );
}

function apple(p: Palette): string {
  const outline =
    'M300 200 C200 140 110 220 140 330 C165 430 240 470 300 440 C360 470 435 430 460 330 C490 220 400 140 300 200 Z';
  return frame(
    p,
    `<path d="${outline}" fill="${p.main}"/>
<path d="M300 200 C300 160 310 130 330 110" stroke="#5b3a1e" stroke-width="12" fill="none" stroke-linecap="round"/>
<path d="M320 150 C360 110 420 120 430 140 C400 170 350 175 320 150 Z" fill="${p.accent}"/>
<ellipse cx="220" cy="280" rx="26" ry="50" fill="#fff" opacity="0.25"/>`,
  );
}

function bars(p: Palette): string {
  const spots =
    `<circle cx="25" cy="60" r="8" fill="${p.accent}"/><circle cx="60" cy="110" r="10" fill="${p.accent}"/>` +
    `<circle cx="35" cy="170" r="7" fill="${p.accent}"/>`;
  return frame(
    p,
    [0, 1, 2]
      .map(
        (i) => `<g transform="translate(${150 + i * 105} ${170 + (i % 2) * 30}) rotate(${i * 4 - 4})">
<rect width="90" height="240" rx="12" fill="${p.main}"/>
${spots}
</g>`,
      )
      .join('\n'),
  );
}

function cup(p: Palette): string {
  const rings =
    `<circle cx="250" cy="340" r="18" fill="none" stroke="${p.accent}" stroke-width="6"/>` +
    `<circle cx="350" cy="340" r="18" fill="none" stroke="${p.accent}" stroke-width="6"/>`;
  return frame(
    p,
    `<path d="M170 220 H430 L400 420 Q300 460 200 420 Z" fill="${p.main}" stroke="${p.accent}" stroke-width="6"/>
<path d="M200 280 Q250 250 300 280 T400 280" stroke="${p.accent}" stroke-width="8" fill="none"/>
${rings}
<ellipse cx="300" cy="220" rx="130" ry="22" fill="${p.bg[0]}" stroke="${p.accent}" stroke-width="6"/>`,
  );
}

function bedding(p: Palette): string {
  return frame(
    p,
    `<rect x="120" y="300" width="360" height="140" rx="18" fill="${p.main}"/>
<rect x="120" y="240" width="360" height="80" rx="18" fill="${p.accent}" stroke="${p.main}" stroke-width="4"/>
<rect x="150" y="180" width="140" height="70" rx="26" fill="${p.accent}" stroke="${p.main}" stroke-width="4"/>
<rect x="310" y="180" width="140" height="70" rx="26" fill="${p.accent}" stroke="${p.main}" stroke-width="4"/>
<path d="M120 360 H480" stroke="#fff" stroke-opacity="0.5" stroke-width="4"/>`,
  );
}

function honeyJar(p: Palette): string {
  return frame(
    p,
    `<rect x="200" y="200" width="200" height="250" rx="40" fill="${p.main}"/>
<rect x="190" y="160" width="220" height="50" rx="12" fill="${p.accent}"/>
<rect x="230" y="270" width="140" height="100" rx="10" fill="#fff" opacity="0.85"/>
<path d="M260 320 l20 -18 l20 18 l20 -18 l20 18" stroke="${p.main}" stroke-width="6" fill="none"/>
<ellipse cx="240" cy="260" rx="12" ry="40" fill="#fff" opacity="0.3"/>`,
  );
}

function berries(p: Palette): string {
  const dots = [
    [250, 300],
    [300, 280],
    [350, 305],
    [275, 345],
    [330, 350],
    [300, 395],
    [230, 355],
    [370, 360],
  ];
  const berry = ([x, y]: number[]) =>
    `<ellipse cx="${x}" cy="${y}" rx="26" ry="36" fill="${p.main}" transform="rotate(-20 ${x} ${y})"/>`;
  return frame(
    p,
    `${dots.map(berry).join('\n')}
<path d="M300 240 C290 200 320 170 350 160" stroke="${p.accent}" stroke-width="8" fill="none"/>
<path d="M330 175 C370 150 410 170 405 190 C380 200 350 195 330 175 Z" fill="${p.accent}"/>`,
  );
}
