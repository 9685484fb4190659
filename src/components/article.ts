/** Components articles import: `import { Messages, FixList } from '~/components/article';` */
export { default as Messages } from './Messages.astro';
export { default as FixList } from './FixList.astro';
export { default as Triage } from './Triage.astro';
export { default as Landing } from './Landing.astro';
export { default as SearchPage } from './SearchPage.astro';
