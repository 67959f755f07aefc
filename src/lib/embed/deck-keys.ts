/** Keys a deck uses to move between slides; the embed passes them on when it does not use them. */
export const DECK_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'];
