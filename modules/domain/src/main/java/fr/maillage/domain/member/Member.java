package fr.maillage.domain.member;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person in one network. {@code subject} is the identity provider's id of the person once they have an account
 * (a member a manager created or imported has none until they sign in with the same email). {@code email} is
 * trimmed and lower-cased, unique in the network. {@code company} is the employer invoices may be addressed to.
 */
public record Member(MemberId id, NetworkId network, @Nullable String subject, String email, String givenName,
        String familyName, @Nullable String phone, @Nullable String company, @Nullable PostalAddress address,
        Consents consents, MemberStatus status, MemberSource source, Instant createdAt, @Nullable Instant erasedAt,
        long version) {

    public Member {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(email);
        Objects.requireNonNull(consents);
        Objects.requireNonNull(status);
        Objects.requireNonNull(source);
    }

    public boolean isErased() {
        return status == MemberStatus.ERASED;
    }

    /** "Camille Martin". */
    public String displayName() {
        return givenName + " " + familyName;
    }
}
