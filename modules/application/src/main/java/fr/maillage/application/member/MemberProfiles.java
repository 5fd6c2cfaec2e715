package fr.maillage.application.member;

import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.identity.PersonRef;
import fr.maillage.application.member.port.in.SignUpCommand;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.member.Consents;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.member.MemberProfile;
import fr.maillage.domain.member.MemberSource;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.Ids;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The member profile of a person in a network, for the other use cases. Every method runs inside the network's
 * transaction (in {@code AccessPolicy.inNetwork} or {@code UnitOfWorkPort.inTenant}): what it writes goes with the
 * caller's own change, and its audit events too.
 *
 * <p>{@link #ofCaller(Caller)} is how a self-service use case (memberships, check-ins, bookings) finds "the caller's
 * member in this network".
 */
public final class MemberProfiles {

    private final MemberPort members;
    private final AuditLog audit;
    private final Clock clock;

    public MemberProfiles(MemberPort members, AuditLog audit, Clock clock) {
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's (active) member in the current network, or {@link NotFoundException} {@code member.not-found}. */
    public Member ofCaller(Caller caller) {
        return findOfCaller(caller).orElseThrow(MemberProfiles::notFound);
    }

    /** The caller's (active) member in the current network, if they have one. */
    public Optional<Member> findOfCaller(Caller caller) {
        return members.findBySubject(caller.subject()).filter(m -> !m.isErased());
    }

    public static NotFoundException notFound() {
        return new NotFoundException("member.not-found");
    }

    /**
     * A person joins: their member profile is created from what they gave ({@code SIGN_UP}); a member with their
     * email and no account yet (a manager created or imported them) is linked to them instead, keeping the profile the
     * manager wrote; a member already linked to them records the terms if they had not accepted them yet. The
     * newsletter is the person's own choice. Idempotent.
     */
    public Member signedUp(NetworkId network, Caller caller, EmailAddress email, SignUpCommand signUp) {
        Instant now = clock.instant();
        // An erased member no longer names the person (erasure clears the subject); if one still did, inserting
        // below would answer 409 member.subject.taken rather than bring the erased profile back.
        Optional<Member> mine = findOfCaller(caller);
        if (mine.isPresent()) {
            Member current = mine.get();
            if (current.consents().termsAcceptedAt() != null) {
                return current;
            }
            Member saved = members.update(current.acceptTerms(now).withNewsletter(signUp.newsletter()));
            audit.record(network, caller, "member.updated", saved.id().toString(),
                    Map.of("fields", "termsAccepted,newsletter"));
            return saved;
        }
        Optional<Member> byEmail = members.findByEmail(email.value());
        if (byEmail.isPresent()) {
            Member linked = members.update(byEmail.get().linkTo(caller.subject()).acceptTerms(now)
                    .withNewsletter(signUp.newsletter()));
            audit.record(network, caller, "member.linked", linked.id().toString(),
                    Map.of("source", linked.source().name(), "by", "sign-up"));
            return linked;
        }
        Member created = members.insert(Member.create(new MemberId(Ids.newId(clock)), network, caller.subject(),
                email.value(), signUp.profile(), new Consents(now, signUp.newsletter()), MemberSource.SIGN_UP, now));
        audit.record(network, caller, "member.created", created.id().toString(),
                Map.of("source", MemberSource.SIGN_UP.name()));
        return created;
    }

    /**
     * A person invited as a member gets a profile ({@code MANAGER}): the names of the invitation, else those of their
     * account, else names made from their email (to be corrected by them or a manager). A member with their email
     * and no account is linked to them instead. Their terms are recorded when they join. Idempotent.
     */
    public Member invited(NetworkId network, Caller actor, PersonRef person, @Nullable String firstName,
            @Nullable String lastName) {
        Optional<Member> theirs = members.findBySubject(person.subject()).filter(m -> !m.isErased());
        if (theirs.isPresent()) {
            return theirs.get();
        }
        Optional<Member> byEmail = members.findByEmail(person.email().value());
        if (byEmail.isPresent()) {
            Member linked = members.update(byEmail.get().linkTo(person.subject()));
            audit.record(network, actor, "member.linked", linked.id().toString(),
                    Map.of("source", linked.source().name(), "by", "invitation"));
            return linked;
        }
        List<String> derived = namesFrom(person.email());
        String given = firstValid(MemberProfile::givenName, firstName, person.firstName(), derived.get(0));
        String family = firstValid(MemberProfile::familyName, lastName, person.lastName(), derived.get(1));
        Instant now = clock.instant();
        Member created = members.insert(Member.create(new MemberId(Ids.newId(clock)), network, person.subject(),
                person.email().value(), new MemberProfile(given, family, null, null, null), Consents.none(),
                MemberSource.MANAGER, now));
        audit.record(network, actor, "member.created", created.id().toString(),
                Map.of("source", MemberSource.MANAGER.name(), "by", "invitation"));
        return created;
    }

    /** Refuses a second member with this email in the current network. */
    void requireEmailFree(String email) {
        if (members.findByEmail(email).isPresent()) {
            throw new ConflictException("member.email.taken");
        }
    }

    private static String firstValid(UnaryOperator<String> check, @Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return check.apply(candidate);
                } catch (InvalidValueException ignored) {
                    // the next candidate
                }
            }
        }
        throw new IllegalStateException("names made from an email are always valid");
    }

    /**
     * Names made from an email's local part: "camille.martin@…" gives Camille and Martin; a single word gives it
     * twice ("claire@…": Claire Claire), plainly a placeholder.
     */
    static List<String> namesFrom(EmailAddress email) {
        String local = email.value().substring(0, email.value().indexOf('@'));
        List<String> words = new ArrayList<>();
        for (String word : local.split("[._+\\-]+")) {
            if (!word.isBlank()) {
                words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
            }
        }
        if (words.isEmpty()) {
            words.add(local.isBlank() ? "?" : local);
        }
        String given = cut(words.getFirst());
        String family = words.size() == 1 ? given : cut(String.join(" ", words.subList(1, words.size())));
        return List.of(given, family);
    }

    private static String cut(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty()) {
            return "?";
        }
        return clean.length() <= MemberProfile.NAME_MAX ? clean : clean.substring(0, MemberProfile.NAME_MAX);
    }
}
