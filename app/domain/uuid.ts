/**
 * Ids come from URLs and forms: anything but a UUID matches nothing, instead of reaching the
 * database as a malformed uuid (a SQL error, a 500). Pure.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
