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
 * ({@code member.erased}). {@link #erase} pseudonymises it (GDPR, right to erasure).
 */
public record Member(MemberId id, NetworkId network, @Nullable String subject, String email, String givenName,
        String familyName, @Nullable String phone, @Nullable String company, @Nullable PostalAddress address,
        Consents consents, String language, MemberStatus status, MemberSource source, Instant createdAt,
        @Nullable Instant erasedAt, long version) {

    /** The languages a member may be written to in: French (the default) and English. */
    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("fr", "en");

    /** The given name of an erased member: with {@link #ERASED_FAMILY_NAME}, "Membre effacé". */
    public static final String ERASED_GIVEN_NAME = "Membre";
    public static final String ERASED_FAMILY_NAME = "effacé";
    /** The domain of the placeholder email of an erased member ({@code .invalid} never resolves, RFC 2606). */
    public static final String ERASED_EMAIL_DOMAIN = "erased.invalid";

    public Member {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(email);
        Objects.requireNonNull(consents);
        Objects.requireNonNull(status);
        Objects.requireNonNull(source);
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language " + language);
        }
    }

    /** A language as a member chooses it ("fr", "EN", " en "), or {@code member.language.unknown}. */
    public static String language(String raw) {
        String code = raw.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            throw new InvalidValueException("member.language.unknown", raw);
        }
        return code;
    }

    /** The same member, written to in {@code language} ("fr" or "en"). */
    public Member withLanguage(String language) {
        requireActive();
        return new Member(id, network, subject, email, givenName, familyName, phone, company, address, consents,
                language(language), status, source, createdAt, erasedAt, version);
    }

    /**
     * A new, active member. {@code email} must already be a checked address (the application's {@code EmailAddress});
     * it is lower-cased here again so that the uniqueness in the network holds whatever the caller did.
     */
    public static Member create(MemberId id, NetworkId network, @Nullable String subject, String email,
            MemberProfile profile, Consents consents, MemberSource source, Instant createdAt) {
        String normalized = normalizeEmail(email);
        if (subject != null && subject.isBlank()) {
            throw new IllegalArgumentException("a subject is not blank");
        }
        return new Member(id, network, subject, normalized, profile.givenName(), profile.familyName(),
                profile.phone(), profile.company(), profile.address(), consents, "fr", MemberStatus.ACTIVE, source,
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
                profile.company(), profile.address(), consents, language, status, source, createdAt, erasedAt,
                version);
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
        String normalized = normalizeEmail(changed);
        return new Member(id, network, subject, normalized, givenName, familyName, phone, company, address, consents,
                language, status, source, createdAt, erasedAt, version);
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
                language, status, source, createdAt, erasedAt, version);
    }

    /**
     * The member erased at {@code at} (GDPR, right to erasure): the names become "Membre effacé", the email
     * {@code erased-<id>@erased.invalid} (unique in the network, never deliverable), phone, company and address are
     * cleared, the newsletter is off, and the link to the person's account ({@code subject}) is cut, so that the
     * person can join the network again later as a new member. What stays is what is not about the person: the id
     * (which the memberships and payments kept for accounting refer to), how and when the member came in, and when
     * the terms were accepted (the proof of the contract the kept records were made under). Erasing an erased member
     * changes nothing.
     */
    public Member erase(Instant at) {
        Objects.requireNonNull(at);
        if (isErased()) {
            return this;
        }
        return new Member(id, network, null, erasedEmail(id), ERASED_GIVEN_NAME, ERASED_FAMILY_NAME, null, null,
                null, new Consents(consents.termsAcceptedAt(), false), "fr", MemberStatus.ERASED, source, createdAt, at,
                version);
    }

    /**
     * The email lower-cased; {@code email.invalid} if it is no address, {@code member.email.reserved} for the domain
     * of erased members' placeholders (which could otherwise stand in the way of an erasure).
     */
    public static String normalizeEmail(String raw) {
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 254 || normalized.indexOf('@') < 1) {
            throw new InvalidValueException("email.invalid");
        }
        if (normalized.endsWith("@" + ERASED_EMAIL_DOMAIN) || normalized.endsWith("." + ERASED_EMAIL_DOMAIN)) {
            throw new InvalidValueException("member.email.reserved");
        }
        return normalized;
    }

    /** The placeholder email of an erased member: {@code erased-<id>@erased.invalid}. */
    public static String erasedEmail(MemberId id) {
        return "erased-" + id.value() + "@" + ERASED_EMAIL_DOMAIN;
    }

    private Member withConsents(Consents changed) {
        return new Member(id, network, subject, email, givenName, familyName, phone, company, address, changed,
                language, status, source, createdAt, erasedAt, version);
    }

    private void requireActive() {
        if (isErased()) {
            throw new ConflictException("member.erased");
        }
    }
}
