/** The overlay shown while files are dragged over the window. */
export function DropOverlay() {
  return null;
}
