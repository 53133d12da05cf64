// Draws the tab bar icons (81×81 PNG, as WeChat asks for tabBar iconPath) into src/assets/tab/.
// Run once after changing a shape; the PNGs are committed.
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src/assets/tab');
const SIZE = 81;
const SS = 4; // supersampling for smooth edges

/** Coverage of a shape (a function of x, y in 0..81) rendered into RGBA with the given colour. */
function draw(inside, [r, g, b]) {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) if (inside(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits++;
      const i = (y * SIZE + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  return PNG.sync.write(png);
}

// A house: a roof triangle over a body with a door cut out.
const home = (x, y) => {
  const roof = y >= 14 && y <= 40 && Math.abs(x - 40.5) <= (y - 14) * 1.15 + 2;
  const body = x >= 18 && x <= 63 && y >= 38 && y <= 68;
  const door = x >= 34 && x <= 47 && y >= 50 && y <= 68;
  return (roof || body) && !door;
};

// A person: a head and shoulders.
const me = (x, y) => {
  const head = (x - 40.5) ** 2 + (y - 28) ** 2 <= 13 ** 2;
  const shoulders = y >= 46 && y <= 68 && (x - 40.5) ** 2 / 25 ** 2 + (y - 68) ** 2 / 22 ** 2 <= 1;
  return head || shoulders;
};

// A cart: a basket (a trapezoid with a rim), a handle to the upper left, and two wheels.
const cart = (x, y) => {
  const handle = y >= 16 && y <= 21 && x >= 10 && x <= 22;
  const post = x >= 18 && x <= 23 && y >= 16 && y <= 30;
  const basket = y >= 26 && y <= 52 && x >= 18 + (y - 26) * 0.25 && x <= 70 - (y - 26) * 0.3;
  const wheel = (cx) => (x - cx) ** 2 + (y - 62) ** 2 <= 6 ** 2;
  return handle || post || basket || wheel(30) || wheel(58);
};

// Categories: a grid of three squares and a circle.
const category = (x, y) => {
  const square = (x0, y0) => x >= x0 && x <= x0 + 22 && y >= y0 && y <= y0 + 22;
  const circle = (x - 52.5) ** 2 + (y - 52.5) ** 2 <= 12 ** 2;
  return square(14, 14) || square(45, 14) || square(14, 45) || circle;
};

const GREY = [0x88, 0x88, 0x88];
const RED = [0xe4, 0x39, 0x3c];
for (const [name, shape] of Object.entries({ home, category, cart, me })) {
  writeFileSync(join(out, `${name}.png`), draw(shape, GREY));
  writeFileSync(join(out, `${name}-active.png`), draw(shape, RED));
}
console.log(`tab icons written to ${out}`);
