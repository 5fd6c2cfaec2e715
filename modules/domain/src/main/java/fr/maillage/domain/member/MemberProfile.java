package fr.maillage.domain.member;

import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.PostalAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a member tells of themself: names (1 to 100 characters, white space normalised), an optional phone number
 * (normalised to E.164, see {@link PhoneNumber}), an optional company (at most 160 characters, for invoices to an
 * employer) and an optional postal address. The email is not part of it: it identifies the member.
 */
public record MemberProfile(String givenName, String familyName, @Nullable String phone, @Nullable String company,
        @Nullable PostalAddress address) {

    public static final int NAME_MAX = 100;
    public static final int COMPANY_MAX = 160;

    public MemberProfile {
        givenName = givenName(givenName);
        familyName = familyName(familyName);
        phone = phone == null || phone.isBlank() ? null : phone(phone);
        company = company == null || company.isBlank() ? null : company(company);
    }

    public static String givenName(String raw) {
        return BoundedText.line(Objects.requireNonNull(raw), 1, NAME_MAX, "member.given-name.length");
    }

    public static String familyName(String raw) {
        return BoundedText.line(Objects.requireNonNull(raw), 1, NAME_MAX, "member.family-name.length");
    }

    public static String phone(String raw) {
        return PhoneNumber.normalize(raw);
    }

    public static String company(String raw) {
        return BoundedText.line(raw, 1, COMPANY_MAX, "member.company.length");
    }
}
