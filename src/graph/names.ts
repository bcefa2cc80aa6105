/**
 * The form in which names are compared: case, diacritics, apostrophe styles and spacing do not
 * matter ("Vučić" = "vucic", "O’Brien" = "O'Brien").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function nameKeys(names: string[]): string[] {
  return [...new Set(names.map(nameKey).filter((k) => k.length > 0))];
}

/** A readable id made of a name: "Avdullah Hoti" -> "avdullah-hoti", "Robert O'Brien" -> "robert-obrien". */
export function slug(value: string): string {
  return nameKey(value).replace(/'/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'x';
}
