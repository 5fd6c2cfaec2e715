package fr.maillage.domain.invoice;

import fr.maillage.domain.member.Member;
import fr.maillage.domain.shared.PostalAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The buyer as printed on the document: the member's name, their company when they gave one (the invoice is then
 * addressed to the company, a business buyer, and carries the late-payment mentions), and their address if known.
 */
public record Buyer(String name, @Nullable String company, @Nullable PostalAddress address) {

    public Buyer {
        Objects.requireNonNull(name);
        company = company == null || company.isBlank() ? null : company.strip();
    }

    public static Buyer of(Member member) {
        return new Buyer(member.displayName(), member.company(), member.address());
    }

    /** A company buys: the invoice carries the late-payment penalties and the 40 € recovery fee. */
    public boolean isBusiness() {
        return company != null;
    }
}
