/**
 * How long the confirmation link of a public request is valid. A request whose address is not
 * confirmed by then is closed by the retention sweep: nobody could be identified (GDPR Art. 11(2),
 * 12(6)), and the address and words of someone who may not be the person are not kept.
 */
export const CONFIRMATION_LINK_LIFETIME_DAYS = 7;
export const CONFIRMATION_LINK_LIFETIME_MS = CONFIRMATION_LINK_LIFETIME_DAYS * 24 * 60 * 60_000;

/** The record kept of such a request (its type and dates stay, for the office's statistics). */
export const UNCONFIRMED_OUTCOME = `The address was never confirmed within ${CONFIRMATION_LINK_LIFETIME_DAYS} days: nobody could be identified (GDPR Art. 11(2), 12(6)).`;
