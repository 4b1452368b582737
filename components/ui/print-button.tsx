'use client';

/** Opens the browser's print dialog (print to PDF for a handout). */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
