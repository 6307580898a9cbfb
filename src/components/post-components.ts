import Chart from './Chart.astro';
import Figure from './Figure.astro';
import KeyFigures from './KeyFigures.astro';
import ProductNotice from './ProductNotice.astro';
import ProseLink from './ProseLink.astro';
import Quote from './Quote.astro';
import RiskWatch from './RiskWatch.astro';

/**
 * The components a post's MDX body may use without importing them, and the element its Markdown links
 * render as: one list for the post page and the feeds.
 */
export const POST_COMPONENTS = { Chart, Figure, KeyFigures, RiskWatch, ProductNotice, Quote, a: ProseLink };
