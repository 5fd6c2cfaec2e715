package fr.maillage.domain.member;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person in one network. {@code subject} is the identity provider's id of the person once they have an account
 * (a member a manager created or imported has none until they sign in with the same email). {@code email} is
 * trimmed and lower-cased, unique in the network. {@code company} is the employer invoices may be addressed to.
 *
 * <p>Build one with {@link #create}, change it with {@link #withProfile}, {@link #withNewsletter},
 * {@link #linkTo} and {@link #acceptTerms}: they check the values and refuse to touch an erased member
 * ({@code member.erased}).
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

    /**
     * A new, active member. {@code email} must already be a checked address (the application's {@code EmailAddress});
     * it is lower-cased here again so that the uniqueness in the network holds whatever the caller did.
     */
    public static Member create(MemberId id, NetworkId network, @Nullable String subject, String email,
            MemberProfile profile, Consents consents, MemberSource source, Instant createdAt) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 254 || normalized.indexOf('@') < 1) {
            throw new InvalidValueException("email.invalid");
        }
        if (subject != null && subject.isBlank()) {
            throw new IllegalArgumentException("a subject is not blank");
        }
        return new Member(id, network, subject, normalized, profile.givenName(), profile.familyName(),
                profile.phone(), profile.company(), profile.address(), consents, MemberStatus.ACTIVE, source,
                createdAt, null, 0);
    }

    public boolean isErased() {
        return status == MemberStatus.ERASED;
    }

    /** "Camille Martin". */
    public String displayName() {
        return givenName + " " + familyName;
    }

    /** The member's profile as it stands (names, phone, company, address). */
    public MemberProfile profile() {
        return new MemberProfile(givenName, familyName, phone, company, address);
    }

    /** The same member with another profile (the email, the identity and the consents stay). */
    public Member withProfile(MemberProfile profile) {
        requireActive();
        return new Member(id, network, subject, email, profile.givenName(), profile.familyName(), profile.phone(),
                profile.company(), profile.address(), consents, status, source, createdAt, erasedAt, version);
    }

    /**
     * The same member under another email (a checked address, lower-cased here): only for a member without an
     * account, whose email is not their account's ({@code member.email.not-editable} otherwise).
     */
    public Member withEmail(String changed) {
        requireActive();
        if (subject != null) {
            throw new ConflictException("member.email.not-editable");
        }
        String normalized = changed.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 254 || normalized.indexOf('@') < 1) {
            throw new InvalidValueException("email.invalid");
        }
        return new Member(id, network, subject, normalized, givenName, familyName, phone, company, address, consents,
                status, source, createdAt, erasedAt, version);
    }

    /** The same member, subscribed to the network's news by email or not. */
    public Member withNewsletter(boolean newsletter) {
        requireActive();
        return withConsents(new Consents(consents.termsAcceptedAt(), newsletter));
    }

    /** The terms accepted now, unless they already were (the first acceptance is kept). */
    public Member acceptTerms(Instant at) {
        requireActive();
        return consents.termsAcceptedAt() != null ? this : withConsents(new Consents(at, consents.newsletter()));
    }

    /**
     * The member linked to the person's account, found by email (a member a manager created or imported, without an
     * account until now). A member linked to another account stays theirs: {@code member.email.taken}.
     */
    public Member linkTo(String subject) {
        requireActive();
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a subject is not blank");
        }
        if (this.subject != null && !this.subject.equals(subject)) {
            throw new ConflictException("member.email.taken");
        }
        return new Member(id, network, subject, email, givenName, familyName, phone, company, address, consents,
                status, source, createdAt, erasedAt, version);
    }

    private Member withConsents(Consents changed) {
        return new Member(id, network, subject, email, givenName, familyName, phone, company, address, changed, status,
                source, createdAt, erasedAt, version);
    }

    private void requireActive() {
        if (isErased()) {
            throw new ConflictException("member.erased");
        }
    }
}
