import { configure } from '@testing-library/dom';

// jsdom lacks IntersectionObserver, through which Taro's web Image lazy-loads; the component tests need no lazy
// loading.
class NoIntersections {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { IntersectionObserver: NoIntersections });

// findBy*/waitFor end as soon as what they wait for shows; their ceiling only decides how long a failure takes to
// be reported. Taro's web components render slowly on a loaded 2-core machine, past the default 1 s. (Set on
// @testing-library/dom, whose config @testing-library/react reads: importing the latter here, before jest's globals
// exist, would skip its cleanup after each test.)
configure({ asyncUtilTimeout: 5000 });
