/** Saving what the page made as a file: a temporary link with `download`, clicked. */

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The browser resolves the URL after the click returns: revoked at once, the download can
  // be lost. A minute is ample; then the Blob's memory is given back.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** A timestamp for file names: 2025-01-31T12-00-00. */
export function fileStamp(date: Date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replaceAll(":", "-");
}
