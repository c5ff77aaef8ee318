/** Quantities below this many tonnes are float noise, not stock or shortfall. */
export const EPSILON = 1e-9;
