import type { Report } from './types.ts';

/** placeholder */
export function renderTex(_r: Report): string {
  return '';
}
