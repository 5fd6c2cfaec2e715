package fr.maillage.domain.invoice;

import fr.maillage.domain.membership.PaymentMethod;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Fichier des Écritures Comptables (art. A47 A-1 of the Livre des procédures fiscales) of an operator's sales and
 * settlements over a period: one balanced entry per document and per settlement.
 *
 * <p>Journals and accounts (Plan comptable général):
 * <ul>
 * <li>VT "Ventes": an invoice debits 411 (the member's auxiliary account {@code C} + the first 8 hex digits of their
 * id) with the total including VAT, credits 706 "Prestations de services" with each rate's base and 44571 "TVA
 * collectée" with its VAT; a credit note is the same entry reversed;</li>
 * <li>BQ "Banque" (512, cheques, transfers, online payments) and CA "Caisse" (530, cash): a settlement debits 512 or
 * 530 and credits 411.</li>
 * </ul>
 * Entries are numbered per journal in date order ({@code VT000001}...); the piece is the document's number; entries are
 * validated on their date (issued documents never change). Amounts with a decimal comma, tab-separated, in euros (no
 * foreign currency columns).
 */
public final class Fec {

    /** The 18 columns, in the order the administration requires. */
    public static final List<String> COLUMNS = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit",
            "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");

    public static final String CUSTOMERS = "411000";
    public static final String SALES = "706000";
    public static final String VAT_COLLECTED = "445710";
    public static final String BANK = "512000";
    public static final String CASH = "530000";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private Fec() {
    }

    /** One line of the file: the 18 columns as text. */
    public record Line(List<String> cells) {
    }

    /** The file's name: {@code <SIREN>FEC<closing date>.txt}. */
    public static String filename(String siren, LocalDate closing) {
        return siren + "FEC" + DAY.format(closing) + ".txt";
    }

    /** The lines of the documents and settlements, in date order, journal by journal. */
    public static List<Line> lines(List<Invoice> documents, List<Settlement> settlements) {
        record Entry(LocalDate date, String journal, String key, List<String[]> rows) {
        }
        List<Entry> entries = new ArrayList<>();
        for (Invoice doc : documents) {
            boolean credit = doc.isCreditNote();
            String label = (credit ? "Avoir " : "Facture ") + doc.number().value() + " " + doc.buyer().name();
            List<String[]> rows = new ArrayList<>();
            rows.add(row(CUSTOMERS, "Clients", auxiliary(doc.member().value()), doc.buyer().name(), label,
                    credit ? 0 : doc.totalCents(), credit ? doc.totalCents() : 0));
            for (Amounts.VatBreakdown v : doc.amounts().vat()) {
                String rate = v.rate() == null ? "" : " " + v.rate();
                rows.add(row(SALES, "Prestations de services" + rate, "", "", label, credit ? v.baseCents() : 0,
                        credit ? 0 : v.baseCents()));
                if (v.vatCents() > 0) {
                    rows.add(row(VAT_COLLECTED, "TVA collectée" + rate, "", "", label, credit ? v.vatCents() : 0,
                            credit ? 0 : v.vatCents()));
                }
            }
            entries.add(new Entry(doc.issueDate(), "VT", doc.number().value(), rows));
        }
        for (Settlement s : settlements) {
            boolean cash = s.method() == PaymentMethod.CASH;
            String how = s.method().label();
            // A refund at the desk is referenced as "chèque 0012": the method is not said twice.
            String what = s.reference() == null ? how : s.reference().startsWith(how) ? s.reference()
                    : how + " " + s.reference();
            String label = (s.refund() ? "Remboursement " : "Règlement ") + s.invoiceNumber().value() + " " + what;
            long in = s.refund() ? 0 : s.amountCents();
            long out = s.refund() ? s.amountCents() : 0;
            // A payment: bank or cash debited, the customer credited; a refund: the reverse.
            List<String[]> rows = List.of(
                    row(cash ? CASH : BANK, cash ? "Caisse" : "Banque", "", "", label, in, out),
                    row(CUSTOMERS, "Clients", auxiliary(s.member()), s.buyerName(), label, out, in));
            entries.add(new Entry(s.receivedOn(), cash ? "CA" : "BQ", s.invoiceNumber().value(), rows));
        }
        entries.sort(Comparator.comparing(Entry::date).thenComparing(Entry::journal).thenComparing(Entry::key));
        java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (Entry e : entries) {
            int n = numbers.merge(e.journal(), 1, Integer::sum);
            String number = e.journal() + String.format("%06d", n);
            String date = DAY.format(e.date());
            for (String[] r : e.rows()) {
                lines.add(new Line(List.of(e.journal(), journalName(e.journal()), number, date, r[0], r[1], r[2],
                        r[3], e.key(), date, r[4], r[5], r[6], "", "", date, "", "")));
            }
        }
        return lines;
    }

    /** The member's auxiliary account: C and the first 8 hex digits of their id. */
    public static String auxiliary(UUID member) {
        return "C" + member.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String[] row(String account, String accountName, String aux, String auxName, String label,
            long debit, long credit) {
        return new String[] {account, accountName, aux, clean(auxName), clean(label), amount(debit), amount(credit)};
    }

    /** Euros with a decimal comma: 1234,50. */
    public static String amount(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String journalName(String code) {
        return switch (code) {
            case "VT" -> "Ventes";
            case "BQ" -> "Banque";
            case "CA" -> "Caisse";
            default -> code;
        };
    }
}
