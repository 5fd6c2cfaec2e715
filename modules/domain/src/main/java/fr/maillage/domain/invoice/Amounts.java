package fr.maillage.domain.invoice;

import fr.maillage.domain.money.VatRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The totals of a document, in integer cents, computed from VAT-included prices (offers are priced VAT included: what
 * the member pays is the authority).
 *
 * <p>Rounding rule: a line's amount excluding VAT is its VAT-included amount divided by (1 + rate), rounded half-up to
 * the cent ({@link #net}); per rate, the taxable base is the sum of the lines' net amounts and the VAT is the sum of
 * their VAT-included amounts minus that base. So the total VAT included is exactly the sum of the prices charged, the
 * total excluding VAT is exactly the sum of the lines, and VAT + base = VAT included per rate, with no cent lost or
 * created. Without VAT (franchise, exemption), net = VAT included and the VAT is 0.
 */
public record Amounts(List<VatBreakdown> vat, long netCents, long vatCents, long grossCents) {

    /** One rate of the VAT breakdown: taxable base, VAT, VAT included. {@code rate} is null without VAT. */
    public record VatBreakdown(@Nullable VatRate rate, long baseCents, long vatCents) {

        public long grossCents() {
            return baseCents + vatCents;
        }
    }

    public Amounts {
        vat = List.copyOf(vat);
        if (netCents + vatCents != grossCents) {
            throw new IllegalArgumentException("net " + netCents + " + vat " + vatCents + " != " + grossCents);
        }
    }

    /** {@code grossCents / (1 + rate)}, rounded half-up to the cent; {@code grossCents} itself without a rate. */
    public static long net(long grossCents, @Nullable VatRate rate) {
        if (rate == null || rate.basisPoints() == 0) {
            return grossCents;
        }
        long divisor = 10_000L + rate.basisPoints();
        return Math.floorDiv(Math.multiplyExact(grossCents, 20_000L) + divisor, 2 * divisor);
    }

    public static Amounts of(List<InvoiceLine> lines) {
        Map<Integer, long[]> byRate = new TreeMap<>();
        long net = 0;
        long gross = 0;
        for (InvoiceLine line : lines) {
            int key = line.vatRate() == null ? -1 : line.vatRate().basisPoints();
            long[] sums = byRate.computeIfAbsent(key, k -> new long[2]);
            sums[0] += line.netCents();
            sums[1] += line.grossCents();
            net += line.netCents();
            gross += line.grossCents();
        }
        List<VatBreakdown> breakdown = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : byRate.entrySet()) {
            VatRate rate = e.getKey() < 0 ? null : new VatRate(e.getKey());
            breakdown.add(new VatBreakdown(rate, e.getValue()[0], e.getValue()[1] - e.getValue()[0]));
        }
        return new Amounts(breakdown, net, gross - net, gross);
    }
}
