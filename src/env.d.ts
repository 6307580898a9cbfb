/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The post being rendered, for MDX components (<KeyFigures />, <Figure />, <Chart />) that need its data. */
    post?: import('./components/post-context.ts').PostContext;
  }
}
