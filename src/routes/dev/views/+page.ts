// Dev-only preview of the player's views with fixture traces, for screenshots; not linked anywhere.
export const prerender = true;
