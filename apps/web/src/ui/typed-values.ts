/** Values as people type them into the portal's inputs, read the same way on every screen. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is an id of ours (a UUID), as an address or a form may hold one: anything else names nothing. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** A number as a Belgian or British reader types it: a decimal comma or point, spaces as thousands; NaN when empty or not a number. */
export function parseTypedNumber(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}
