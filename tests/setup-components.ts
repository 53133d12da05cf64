// jsdom lacks IntersectionObserver, through which Taro's web Image lazy-loads; the component tests need no lazy
// loading.
class NoIntersections {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { IntersectionObserver: NoIntersections });
