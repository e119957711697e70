import type { Report } from './types.ts';
import { overviewCells } from './markdown.ts';
import { FINDING_LABEL } from './markdown.ts';

/**
 * report.tex: the claims (provenance, status, room used, findings) and the findings as booktabs
 * tables in a document that compiles with pdflatex (booktabs and longtable); the tables can be
 * copied into a paper or a rebuttal as they are.
 */

/** Symbols of the reports' text in LaTeX (text mode); anything else outside ASCII is dropped to '?'. */
const SYMBOLS: Record<string, string> = {
  'α': '$\\alpha$', 'β': '$\\beta$', 'γ': '$\\gamma$', 'δ': '$\\delta$', 'Δ': '$\\Delta$', 'ε': '$\\varepsilon$', 'η': '$\\eta$', 'θ': '$\\theta$', 'Θ': '$\\Theta$', 'κ': '$\\kappa$',
  'λ': '$\\lambda$', 'μ': '$\\mu$', 'ν': '$\\nu$', 'ξ': '$\\xi$', 'π': '$\\pi$', 'ρ': '$\\rho$', 'σ': '$\\sigma$', 'Σ': '$\\Sigma$', 'τ': '$\\tau$', 'φ': '$\\varphi$', 'ψ': '$\\psi$', 'ω': '$\\omega$', 'Γ': '$\\Gamma$',
  '≤': '$\\le$', '≥': '$\\ge$', '≪': '$\\ll$', '≠': '$\\ne$', '≈': '$\\approx$', '∈': '$\\in$', '∞': '$\\infty$', '√': '$\\surd$', '‖': '$\\|$', '·': '$\\cdot$', '×': '$\\times$', '→': '$\\to$', '⇒': '$\\Rightarrow$',
  '∑': '$\\sum$', '∂': '$\\partial$', '∇': '$\\nabla$', '⟂': '$\\perp$', '⊗': '$\\otimes$', '±': '$\\pm$', '−': '-', '–': '--', '—': '---', '…': '\\ldots{}', '′': "'", '²': '$^2$', '³': '$^3$', '⁻': '$^-$', '¹': '$^1$',
  '₀': '$_0$', '₁': '$_1$', '₂': '$_2$', 'ₙ': '$_n$', 'ᵀ': '$^T$', '⁺': '$^+$', '½': '$\\frac12$', '¼': '$\\frac14$', '⅛': '$\\frac18$', '“': '``', '”': "''", '’': "'", 'é': "\\'e", '█': '', '░': '', '⚠': '', '✓': '', '✗': '',
};

export function texEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch in SYMBOLS) out += SYMBOLS[ch];
    else if ('\\'.includes(ch)) out += '\\textbackslash{}';
    else if ('&%$#_{}'.includes(ch)) out += `\\${ch}`;
    else if (ch === '~') out += '\\textasciitilde{}';
    else if (ch === '^') out += '\\textasciicircum{}';
    else if (ch.charCodeAt(0) > 126) out += '?';
    else out += ch;
  }
  return out;
}

export function renderTex(r: Report): string {
  const s = r.summary;
  const claimRows = r.claims.map((c) => {
    const o = overviewCells(c, r.findings);
    return `${texEscape(c.id)} & ${texEscape(c.provenance)} & ${texEscape(c.status)} & ${texEscape(o.room)} & ${o.informative} & ${o.controls} & ${o.findings} \\\\`;
  });
  const findingRows = r.findings.map((f) => `${texEscape(FINDING_LABEL[f.kind])} & ${texEscape(f.claim)} & ${texEscape(f.sentence)}${f.script ? ` (re-check: \\texttt{${texEscape(f.script)}})` : ''} \\\\`);
  return [
    '% kd-verify verification report as LaTeX tables (booktabs, longtable); compiles with pdflatex.',
    `% kd-verify ${r.tool.version}, seed ${r.config.seed}, ${r.config.runs} instances per property, ${r.config.digits} digits; ${r.complete ? 'complete run' : 'INCOMPLETE run'}.`,
    '\\documentclass[10pt]{article}',
    '\\usepackage[margin=2cm]{geometry}',
    '\\usepackage{booktabs,longtable,array}',
    '\\begin{document}',
    '\\section*{kd-verify verification report}',
    `Seed ${r.config.seed}, ${r.config.runs} instances per property, working precision ${r.config.digits} digits (up to ${r.config.maxDigits}). Claims: ${s.holds} hold, ${s.sharp} sharp, ${s.violated} violated, ${s.undecided} undecided, ${s.error} in error; ${r.findings.length} findings.`,
    '',
    'Room used $=(\\mathrm{lhs}-\\mathrm{base})/(\\mathrm{rhs}-\\mathrm{base})$ of the headline property on informative instances: the share of what the bound allows beyond its base that the quantity takes (1: the bound is attained).',
    '',
    '\\begin{longtable}{@{}lllrrrr@{}}',
    '\\caption{Claims: provenance, status, largest room used (headline property), informative instances, negative controls refuted, findings.}\\\\',
    '\\toprule',
    'Claim & Provenance & Status & Room used & Informative & Controls & Findings \\\\',
    '\\midrule',
    '\\endhead',
    ...claimRows,
    '\\bottomrule',
    '\\end{longtable}',
    '',
    ...(findingRows.length
      ? ['\\begin{longtable}{@{}llp{0.62\\textwidth}@{}}', '\\caption{Findings, most serious first.}\\\\', '\\toprule', 'Kind & Claim & Finding \\\\', '\\midrule', '\\endhead', ...findingRows, '\\bottomrule', '\\end{longtable}']
      : ['No findings.']),
    '\\end{document}',
    '',
  ].join('\n');
}
