/**
 * Runs `start` once the browser has painted the current frame (a task queued from the next
 * animation frame runs after that frame's paint). Returns a cancel function (an effect's cleanup).
 */
export function afterPaint(start: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(start, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
