// Hands a file to the browser's download. The only place the evidence feature touches the file system,
// through the browser: nothing is uploaded, nothing leaves but what the user saves.

/** A file name with the day in it, so exports of one case sort by date: huiyan-canvas-2026-12-02.csv. */
export const exportName = (what: string, ext: string, now = new Date()): string =>
  `huiyan-${what}-${now.toISOString().slice(0, 10)}.${ext}`;

export function download(name: string, content: string, type: string): void {
  const url = content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
