import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A tiny flowing-text layout on top of pdf-lib: headings, wrapped paragraphs, lists and simple
 * grids, with automatic page breaks. Standard fonts only (no font files to ship); characters the
 * WinAnsi-encoded standard fonts cannot draw are replaced rather than failing the whole export.
 */
export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly margin = 48;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly size: [number, number],
    private readonly charset: Set<number>,
  ) {
    this.newPage();
  }

  static async create(title: string, landscape = false): Promise<PdfWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    // Fixed metadata: no producer/creator fingerprint, no creation time, the title only.
    doc.setTitle(title);
    doc.setProducer('DBT Coach');
    doc.setCreator('DBT Coach');
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const a4: [number, number] = [595.28, 841.89];
    return new PdfWriter(doc, regular, bold, landscape ? [a4[1], a4[0]] : a4, new Set(regular.getCharacterSet()));
  }

  get width(): number {
    return this.size[0] - 2 * this.margin;
  }

  /** Replaces what the standard font cannot encode (emoji, most non-Latin scripts) and control characters. */
  clean(text: string): string {
    const typographic: Record<string, string> = { '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u00a0': ' ' };
    let out = '';
    for (const ch of text.normalize('NFC')) {
      const c = typographic[ch] ?? ch;
      const cp = c.codePointAt(0) ?? 63;
      out += cp === 9 ? ' ' : cp < 32 ? '' : this.charset.has(cp) ? c : '?';
    }
    return out;
  }

  private newPage(): void {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - this.margin;
  }

  private ensure(height: number): void {
    if (this.y - height < this.margin) this.newPage();
  }

  /** Greedy word wrap; words longer than a line are split. */
  wrap(text: string, width: number, size: number, font: PDFFont = this.regular): string[] {
    const lines: string[] = [];
    for (const para of this.clean(text.replace(/\r\n?/g, '\n')).split('\n')) {
      let line = '';
      for (const word of para.split(/ +/)) {
        let w = word;
        while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
          let cut = w.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
          if (line) lines.push(line);
          lines.push(w.slice(0, cut));
          line = '';
          w = w.slice(cut);
        }
        const candidate = line ? `${line} ${w}` : w;
        if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
        else {
          lines.push(line);
          line = w;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  heading(text: string, size = 16): void {
    this.ensure(size * 2);
    this.y -= size;
    this.page.drawText(this.clean(text), { x: this.margin, y: this.y, size, font: this.bold });
    this.y -= size * 0.6;
  }

  paragraph(text: string, opts: { size?: number; bold?: boolean; indent?: number; grey?: boolean } = {}): void {
    const size = opts.size ?? 10.5;
    const font = opts.bold ? this.bold : this.regular;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(text, this.width - indent, size, font)) {
      this.ensure(size * 1.4);
      this.y -= size * 1.4;
      this.page.drawText(line, {
        x: this.margin + indent,
        y: this.y,
        size,
        font,
        color: opts.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
      });
    }
  }

  field(label: string, value: string): void {
    this.paragraph(label, { bold: true });
    this.paragraph(value.trim() ? value : '-', { indent: 12 });
    this.space(4);
  }

  list(label: string, items: string[]): void {
    this.paragraph(label, { bold: true });
    if (items.length === 0) this.paragraph('-', { indent: 12 });
    items.forEach((item, i) => this.paragraph(`${i + 1}. ${item}`, { indent: 12 }));
    this.space(4);
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A grid: first column wide, the others equal; header row in bold, light rules between rows. */
  grid(header: string[], rows: string[][], firstWidth: number, size = 9): void {
    const other = (this.width - firstWidth) / Math.max(1, header.length - 1);
    const colX = (i: number) => this.margin + (i === 0 ? 0 : firstWidth + (i - 1) * other);
    const colW = (i: number) => (i === 0 ? firstWidth : other) - 4;
    const drawRow = (cells: string[], bold: boolean) => {
      const font = bold ? this.bold : this.regular;
      const wrapped = cells.map((c, i) => this.wrap(c, colW(i), size, font));
      const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.3 + 4;
      this.ensure(height);
      wrapped.forEach((lines, i) =>
        lines.forEach((line, j) =>
          this.page.drawText(line, { x: colX(i) + 2, y: this.y - (j + 1) * size * 1.3, size, font }),
        ),
      );
      this.y -= height;
      this.page.drawLine({
        start: { x: this.margin, y: this.y + 1 },
        end: { x: this.margin + this.width, y: this.y + 1 },
        thickness: 0.4,
        color: rgb(0.7, 0.7, 0.7),
      });
    };
    drawRow(header, true);
    for (const row of rows) drawRow(row, false);
    this.space(8);
  }

  async bytes(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false });
  }
}
