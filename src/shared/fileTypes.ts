/** The MIME type of an .xlsx workbook, as the server sends it and a browser download saves it (.docx's is DOCX_MIME in core/docx). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
