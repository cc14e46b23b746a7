/** Request ids: taken from `x-request-id` when it is a sane token, otherwise made here. Runs in the proxy too. */

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's id when it is 8-128 characters of letters, digits and `._:-`; otherwise a new UUID. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given !== null && SANE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
