/** Colours of workflow states: the definition's hex colour, or a neutral grey without one. */
export const DEFAULT_STATE_COLOR = '#8E8EA9';

const HEX = /^#[0-9a-fA-F]{6}$/;

export const stateColor = (color: string | undefined | null) =>
  color && HEX.test(color) ? color : DEFAULT_STATE_COLOR;

/** Black or white, whichever reads better on `background` (WCAG relative luminance). */
export function textOn(background: string) {
  const hex = stateColor(background).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.4 ? '#212134' : '#FFFFFF';
}

/** The colour with an alpha channel, e.g. a tint for a background. */
export const tint = (color: string | undefined | null, alpha = 0.14) =>
  `${stateColor(color)}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
