/**
 * `.astro` components imported from TypeScript modules (src/components/post-components.ts,
 * src/site/feed-items.ts). `astro check` types them fully; this lets plain `tsc` accept the import.
 */
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
