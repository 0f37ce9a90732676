package cn.arena.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Reading and writing the xlsx files people actually use. Reading refuses anything that is not a real, modest xlsx
 * (magic bytes, size, zip-bomb ratio, row count) before parsing it, and gives cells back as trimmed text with the
 * row number Excel shows. Writing escapes cells that a spreadsheet would run as a formula.
 */
public final class Spreadsheet {

    /** Largest upload accepted, in bytes. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Most data rows read from one sheet. */
    public static final int MAX_ROWS = 20_000;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
    }

    /** The media type of an xlsx workbook. */
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Spreadsheet() {}

    /**
     * A workbook as a download named {@code filename} (UTF-8, so Chinese names survive). Never cached: exports hold
     * names, scores and audit entries, and each is made for the one who asked.
     */
    public static ResponseEntity<byte[]> download(byte[] workbook, String filename) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(workbook);
    }

    /** The first sheet: every non-blank row as its cells' text, keyed by the 1-based row number Excel shows. */
    public record Sheet1(List<Line> lines) {

        /** The first line holding all of {@code required} (or their alternatives), as a header. */
        public Optional<Header> findHeader(List<List<String>> columns) {
            for (Line line : lines) {
                Map<String, Integer> found = new LinkedHashMap<>();
                for (int c = 0; c < line.cells().size(); c++) {
                    String text = line.cells().get(c).replaceAll("\\s+", "");
                    for (List<String> names : columns) {
                        if (names.stream().anyMatch(n -> n.equalsIgnoreCase(text)) && !found.containsKey(names.get(0))) {
                            found.put(names.get(0), c);
                        }
                    }
                }
                if (!found.isEmpty() && found.size() >= Math.min(2, columns.size())) {
                    return Optional.of(new Header(line.row(), found));
                }
            }
            return Optional.empty();
        }
    }

    /** A row of the sheet: its 1-based number and its cells as trimmed text ("" for empty). */
    public record Line(int row, List<String> cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** A header row: where each wanted column (by its first name) was found. */
    public record Header(int row, Map<String, Integer> columns) {

        public String get(Line line, String column) {
            Integer index = columns.get(column);
            return index == null ? "" : line.cell(index);
        }

        public boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    /** Reads the first sheet of an uploaded xlsx, or refuses it with a message key saying why. */
    public static Sheet1 read(InputStream in, long size) {
        if (size > MAX_BYTES) {
            throw Refusal.tooLarge("error.upload.tooLarge");
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw Refusal.invalid(Violation.field("file", "error.upload.unreadable"));
        }
        if (bytes.length > MAX_BYTES) {
            throw Refusal.tooLarge("error.upload.tooLarge");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw Refusal.invalid(Violation.field("file", "error.upload.notXlsx"));
        }
        try (Workbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw Refusal.invalid(Violation.field("file", "error.upload.tooManyRows", MAX_ROWS));
            }
            DataFormatter formatter = new DataFormatter();
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                Line line = new Line(row.getRowNum() + 1, cells);
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return new Sheet1(lines);
        } catch (Refusal r) {
            throw r;
        } catch (Exception | OutOfMemoryError e) {
            // Corrupt archives, zip bombs (POI's ZipSecureFile) and XML tricks (POI parses with XXE disabled) all end here.
            throw Refusal.invalid(Violation.field("file", "error.upload.notXlsx"));
        }
    }

    private static String text(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            // Numbers come back without Excel's display rounding or grouping: 2.5 not "2.50", 320281... not "3.2E+17".
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return cell.getCachedFormulaResultType() == CellType.NUMERIC
                    ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                    : cell.getRichStringCellValue().getString().strip();
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** Builds an xlsx of one or more sheets, streaming rows so large exports stay within bounded memory. */
    public static final class Writer implements AutoCloseable {

        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final org.apache.poi.ss.usermodel.CellStyle quoted = workbook.createCellStyle();
        private @Nullable Sheet sheet;

        public Writer() {
            // Text that looks like a formula is stored with Excel's quote prefix: shown and re-read as the same text,
            // never evaluated, even when someone edits the cell.
            quoted.setQuotePrefixed(true);
        }
        private int nextRow;

        public Writer sheet(String name, List<String> header) {
            sheet = workbook.createSheet(name);
            nextRow = 0;
            var bold = workbook.createFont();
            bold.setBold(true);
            var style = workbook.createCellStyle();
            style.setFont(bold);
            Row row = sheet.createRow(nextRow++);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(style);
                sheet.setColumnWidth(c, Math.max(10, Math.min(60, header.get(c).length() * 3 + 6)) * 256);
            }
            return this;
        }

        /** Appends a row; numbers stay numbers, text is escaped against formula injection. */
        public Writer row(List<?> values) {
            if (sheet == null) {
                throw new IllegalStateException("call sheet(...) first");
            }
            Row row = sheet.createRow(nextRow++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                Cell cell = row.createCell(c);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value != null) {
                    String text = value.toString();
                    cell.setCellValue(text);
                    if (looksLikeFormula(text)) {
                        cell.setCellStyle(quoted);
                    }
                }
            }
            return this;
        }

        public byte[] toBytes() {
            try (var out = new ByteArrayOutputStream()) {
                workbook.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                workbook.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Text a spreadsheet would evaluate when typed: it starts with {@code = + - @}, a tab or a carriage return. */
    public static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
