package fr.maillage.adapter.rest.member;

import fr.maillage.domain.member.Member;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member as the API shows it. {@code hasAccount}: linked to a person who can log in. */
public record MemberResponse(UUID id, String email, String givenName, String familyName, @Nullable String phone,
        @Nullable String company, @Nullable Address address, @Nullable Instant termsAcceptedAt, boolean newsletter,
        String language, boolean hasAccount, String status, String source, Instant createdAt, long version) {

    public record Address(String line1, @Nullable String line2, String postalCode, String town) {
    }

    public static MemberResponse of(Member m) {
        PostalAddress a = m.address();
        return new MemberResponse(m.id().value(), m.email(), m.givenName(), m.familyName(), m.phone(), m.company(),
                a == null ? null : new Address(a.line1(), a.line2(), a.postalCode(), a.town()),
                m.consents().termsAcceptedAt(), m.consents().newsletter(), m.language(), m.subject() != null, m.status().name(),
                m.source().name(), m.createdAt(), m.version());
    }
}
