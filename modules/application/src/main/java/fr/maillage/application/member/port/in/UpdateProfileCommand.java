package fr.maillage.application.member.port.in;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.setup.port.in.OperatorCommand;
import fr.maillage.application.setup.port.in.OperatorCommand.AddressInput;
import fr.maillage.application.shared.Fields;
import fr.maillage.domain.member.MemberProfile;
import fr.maillage.domain.shared.PostalAddress;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a member's profile, as a JSON merge patch (RFC 7396): a field left out stays as it is; {@code null}
 * clears an optional field (phone, company, address) and is refused for a required one. {@code present} names the
 * fields the caller sent. The email may be changed by a manager only, and only for a member without an account
 * (it is the account's otherwise).
 */
public record UpdateProfileCommand(Raw values, Set<String> present) {

    public static final String GIVEN_NAME = "givenName";
    public static final String FAMILY_NAME = "familyName";
    public static final String PHONE = "phone";
    public static final String COMPANY = "company";
    public static final String ADDRESS = "address";
    public static final String NEWSLETTER = "newsletter";
    public static final String EMAIL = "email";
    public static final String LANGUAGE = "language";

    public record Raw(@Nullable String email, @Nullable String givenName, @Nullable String familyName,
            @Nullable String phone, @Nullable String company, @Nullable AddressInput address,
            @Nullable Boolean newsletter, @Nullable String language) {

        public Raw(@Nullable String email, @Nullable String givenName, @Nullable String familyName,
                @Nullable String phone, @Nullable String company, @Nullable AddressInput address,
                @Nullable Boolean newsletter) {
            this(email, givenName, familyName, phone, company, address, newsletter, null);
        }
    }

    public UpdateProfileCommand {
        present = Set.copyOf(present);
    }

    /** The changed profile and consents, every bad field reported at once. */
    public record Changes(MemberProfile profile, boolean newsletter, @Nullable EmailAddress email,
            @Nullable String language) {
    }

    /** Applies the patch to the member's current profile ({@code field.unknown} for an email a member may not send). */
    public Changes applyTo(MemberProfile current, boolean newsletter, boolean emailAllowed) {
        Fields fields = new Fields();
        String given = current.givenName();
        String family = current.familyName();
        String phone = current.phone();
        String company = current.company();
        PostalAddress address = current.address();
        boolean news = newsletter;
        EmailAddress email = null;
        if (present.contains(GIVEN_NAME)) {
            given = fields.required(GIVEN_NAME, values.givenName(), MemberProfile::givenName);
        }
        if (present.contains(FAMILY_NAME)) {
            family = fields.required(FAMILY_NAME, values.familyName(), MemberProfile::familyName);
        }
        if (present.contains(PHONE)) {
            phone = CreateMemberCommand.optionalText(fields, PHONE, values.phone(), true);
        }
        if (present.contains(COMPANY)) {
            company = CreateMemberCommand.optionalText(fields, COMPANY, values.company(), false);
        }
        if (present.contains(ADDRESS)) {
            address = values.address() == null ? null : OperatorCommand.address(fields, ADDRESS, values.address());
        }
        if (present.contains(NEWSLETTER)) {
            if (values.newsletter() == null) {
                fields.reject(NEWSLETTER, "field.required");
            } else {
                news = values.newsletter();
            }
        }
        String language = null;
        if (present.contains(LANGUAGE)) {
            language = fields.required(LANGUAGE, values.language(), fr.maillage.domain.member.Member::language);
        }
        if (present.contains(EMAIL)) {
            if (!emailAllowed) {
                fields.reject(EMAIL, "member.email.not-editable");
            } else {
                email = fields.required(EMAIL, values.email(), EmailAddress::of);
            }
        }
        fields.throwIfInvalid();
        return new Changes(new MemberProfile(given, family, phone, company, address), news, email, language);
    }
}
