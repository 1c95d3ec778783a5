/**
 * Whether a licence, as the metadata writes it, allows commercial use.
 *
 * | licence | commercialUse |
 * |---|---|
 * | any Creative Commons licence with NC (`CC BY-NC-SA 4.0`, `CC BY-NC -SA 3.0`, `CC-BY-NC-ND`) | false |
 * | "research use only" (Actualmed's README) | false |
 * | CC BY, CC BY-SA, CC BY-ND (any version), CC0, public domain, Apache, MIT | true |
 * | blank, `None` | null (no licence stated) |
 * | "listed as authorized for everyone" (covid-chestxray) | null: names no terms, so neither use is known to be granted |
 * | "COVID-19 emergency license" (POCUS: Elsevier's COVID-19 resource-centre permission) | null: it grants research re-use and says nothing of commercial use |
 * | anything else | null (unclear) |
 */
export function commercialUseOf(license: string | null): { commercialUse: boolean | null; reason: string } {
  if (license === null || license.trim() === '') return { commercialUse: null, reason: 'no licence stated' };
  const t = license.trim();
  const cc = /^CC[\s-]*(BY|0|ZERO)\b(.*)$/i.exec(t);
  if (cc) {
    const rest = cc[2].toUpperCase().replace(/\s+/g, '');
    if (/(^|-)NC(-|$|\d)/.test(rest) || rest.includes('-NC')) return { commercialUse: false, reason: 'Creative Commons NonCommercial' };
    if (/^(-SA|-ND)?(\d(\.\d)?)?(INTERNATIONAL)?$/.test(rest)) return { commercialUse: true, reason: 'Creative Commons licence without NC' };
    return { commercialUse: null, reason: 'Creative Commons licence not recognised' };
  }
  if (/^(CC0|public domain)\b/i.test(t)) return { commercialUse: true, reason: 'public domain dedication' };
  if (/^(apache|mit)\b/i.test(t)) return { commercialUse: true, reason: 'permissive software licence' };
  if (/research (use|purposes) only/i.test(t)) return { commercialUse: false, reason: 'research use only' };
  if (/authori[sz]ed for everyone/i.test(t)) return { commercialUse: null, reason: '"authorized for everyone" names no terms' };
  if (/covid-19 emergency licen[cs]e/i.test(t)) return { commercialUse: null, reason: 'grants research re-use; silent on commercial use' };
  return { commercialUse: null, reason: 'licence not recognised' };
}
