package fr.maillage.application.member;

import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file as spreadsheets write it, French Excel included.
 *
 * <ul>
 *   <li><b>Encoding:</b> a byte order mark decides (UTF-8, UTF-16 LE or BE); else the charset the request declared;
 *   else UTF-8 if the bytes are valid UTF-8, and Windows-1252 (what French Excel writes with "CSV (séparateur:
 *   point-virgule)") otherwise. A file with NUL bytes is no text (an .xlsx or .ods file): {@code member.import.not-text}.</li>
 *   <li><b>Separator:</b> the one of {@code ;}, {@code ,} and tab that the header row has most of (outside quotes);
 *   {@code ;} on a tie.</li>
 *   <li><b>Quoting</b> (RFC 4180): a cell in double quotes may hold separators, line breaks and doubled quotes. A quote
 *   left open at the end of the file: {@code member.import.quote.unclosed}.</li>
 *   <li><b>Rows</b> are numbered as a spreadsheet numbers them (the first row is 1, blank rows count); blank rows are
 *   skipped. The first non-blank row is the header.</li>
 * </ul>
 */
public final class MemberCsv {

    /** A row of the file: its number (the first row of the file is 1) and its cells as written. */
    public record Row(int line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The file read: the encoding and separator found, the header row and the non-blank rows after it. */
    public record Table(String encoding, char separator, Row header, List<Row> rows) {

        public Table {
            rows = List.copyOf(rows);
        }
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MemberCsv() {
    }

    /** The table of the file; an empty file, a binary file or a quote left open is refused (400, field "file"). */
    public static Table read(byte[] content, @Nullable Charset declared) {
        Decoded decoded = decode(content, declared);
        String text = decoded.text();
        char separator = separator(text);
        List<Row> all = parse(text, separator);
        Row header = null;
        List<Row> rows = new ArrayList<>();
        for (Row row : all) {
            if (row.isBlank()) {
                continue;
            }
            if (header == null) {
                header = row;
            } else {
                rows.add(row);
            }
        }
        if (header == null || rows.isEmpty()) {
            throw fileError("member.import.empty");
        }
        return new Table(decoded.encoding(), separator, header, rows);
    }

    record Decoded(String encoding, String text) {
    }

    static Decoded decode(byte[] content, @Nullable Charset declared) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new Decoded("UTF-8", strict(content, 3, StandardCharsets.UTF_8));
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return new Decoded("UTF-16LE", strict(content, 2, StandardCharsets.UTF_16LE));
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return new Decoded("UTF-16BE", strict(content, 2, StandardCharsets.UTF_16BE));
        }
        for (byte b : content) {
            if (b == 0) {
                throw fileError("member.import.not-text");
            }
        }
        if (declared != null) {
            String text = strict(content, 0, declared);
            return new Decoded(declared.name(), text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
        try {
            return new Decoded("UTF-8", StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException notUtf8) {
            return new Decoded("windows-1252", new String(content, WINDOWS_1252));
        }
    }

    private static String strict(byte[] content, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw fileError("member.import.encoding", charset.name());
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The separator the first non-blank line has most of, outside quotes: {@code ;}, {@code ,} or tab. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean seen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seen) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    default -> {
                        // a letter of a header
                    }
                }
                seen = seen || !Character.isWhitespace(c);
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    /** Every row of the text (blank ones too, so that the numbers are a spreadsheet's). */
    static List<Row> parse(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int quoteOpenedAt = 0;
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                quoteOpenedAt = line;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(line, cells));
                cells = new ArrayList<>();
                line++;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw fileError("member.import.quote.unclosed", quoteOpenedAt);
        }
        if (!cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(line, cells));
        }
        return rows;
    }

    static InvalidInputException fileError(String code, Object... arguments) {
        return new InvalidInputException(List.of(new FieldViolation("file", code, List.of(arguments))));
    }
}
