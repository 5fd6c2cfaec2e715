package fr.maillage.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GDPR erasure of a member: pseudonymised, cut from the account, idempotent; what stays is not about the person. */
class MemberErasureTest {

    private static final Instant JOINED = Instant.parse("2024-09-02T08:00:00Z");
    private static final Instant ERASED = Instant.parse("2025-03-14T09:30:00Z");

    private static Member camille() {
        return Member.create(new MemberId(UUID.randomUUID()), new NetworkId(UUID.randomUUID()), "sub-camille",
                "camille.martin@example.org", new MemberProfile("Camille", "Martin", "06 12 34 56 78", "Les Tuves",
                        new PostalAddress("Place de la Mairie", null, "26170", "Buis-les-Baronnies")),
                new Consents(JOINED, true), MemberSource.SIGN_UP, JOINED);
    }

    @Test
    void erasure_pseudonymises_the_profile_and_cuts_the_link_to_the_account() {
        Member before = camille();
        Member erased = before.erase(ERASED);

        assertThat(erased.status()).isEqualTo(MemberStatus.ERASED);
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.erasedAt()).isEqualTo(ERASED);
        assertThat(erased.displayName()).isEqualTo("Membre effacé");
        assertThat(erased.email()).isEqualTo("erased-" + before.id().value() + "@erased.invalid");
        assertThat(erased.subject()).isNull();
        assertThat(erased.phone()).isNull();
        assertThat(erased.company()).isNull();
        assertThat(erased.address()).isNull();
        assertThat(erased.consents().newsletter()).isFalse();
        assertThat(erased.toString()).doesNotContain("Camille", "Martin", "camille", "sub-camille", "612345678",
                "Tuves", "Mairie", "26170", "Buis");
    }

    @Test
    void what_stays_is_not_about_the_person() {
        Member before = camille();
        Member erased = before.erase(ERASED);
        assertThat(erased.id()).isEqualTo(before.id());
        assertThat(erased.network()).isEqualTo(before.network());
        assertThat(erased.source()).isEqualTo(MemberSource.SIGN_UP);
        assertThat(erased.createdAt()).isEqualTo(JOINED);
        assertThat(erased.consents().termsAcceptedAt()).as("the proof of the contract").isEqualTo(JOINED);
        assertThat(erased.version()).as("the store counts versions").isEqualTo(before.version());
    }

    @Test
    void erasing_twice_changes_nothing_the_second_time() {
        Member erased = camille().erase(ERASED);
        assertThat(erased.erase(ERASED.plusSeconds(3600))).isSameAs(erased);
    }

    @Test
    void an_erased_member_can_no_longer_be_changed() {
        Member erased = camille().erase(ERASED);
        assertConflict(() -> erased.withProfile(new MemberProfile("Camille", "Martin", null, null, null)));
        assertConflict(() -> erased.withNewsletter(true));
        assertConflict(() -> erased.linkTo("sub-camille"));
        assertConflict(() -> erased.acceptTerms(ERASED));
        assertConflict(() -> erased.withEmail("camille@example.org"));
    }

    @Test
    void the_placeholder_domain_is_reserved_so_that_nobody_can_take_an_erased_members_email_in_advance() {
        Member m = camille();
        String placeholder = Member.erasedEmail(m.id());
        assertThatThrownBy(() -> Member.create(new MemberId(UUID.randomUUID()), m.network(), null, placeholder,
                new MemberProfile("A", "B", null, null, null), Consents.none(), MemberSource.MANAGER, ERASED))
                .isInstanceOf(InvalidValueException.class).hasFieldOrPropertyWithValue("code", "member.email.reserved");
        Member manual = Member.create(new MemberId(UUID.randomUUID()), m.network(), null, "a@example.org",
                new MemberProfile("A", "B", null, null, null), Consents.none(), MemberSource.MANAGER, ERASED);
        assertThatThrownBy(() -> manual.withEmail("x@sub.ERASED.invalid")).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", "member.email.reserved");
        assertThat(Member.normalizeEmail(" Someone@Erased.Invalid.example.org ")).as("only the domain itself")
                .isEqualTo("someone@erased.invalid.example.org");
    }

    @Test
    void every_member_whatever_their_profile_erases_to_the_same_shape_seeded_loop() {
        Random random = new Random(20250314L);
        for (int i = 0; i < 200; i++) {
            String given = "G" + Integer.toString(random.nextInt(1 << 20), 36);
            String family = "F" + Integer.toString(random.nextInt(1 << 20), 36);
            boolean phone = random.nextBoolean();
            boolean company = random.nextBoolean();
            boolean address = random.nextBoolean();
            Member m = Member.create(new MemberId(UUID.randomUUID()), new NetworkId(UUID.randomUUID()),
                    random.nextBoolean() ? "sub-" + i : null, given.toLowerCase() + i + "@example.org",
                    new MemberProfile(given, family, phone ? "06 12 34 56 " + (10 + random.nextInt(89)) : null,
                            company ? "Société " + i : null,
                            address ? new PostalAddress("1 rue " + i, null, "05700", "Serres") : null),
                    new Consents(random.nextBoolean() ? JOINED : null, random.nextBoolean()), MemberSource.IMPORT,
                    JOINED);
            Member erased = m.erase(ERASED);
            assertThat(erased.profile()).isEqualTo(new MemberProfile("Membre", "effacé", null, null, null));
            assertThat(erased.email()).isEqualTo(Member.erasedEmail(m.id()));
            assertThat(erased.subject()).isNull();
            assertThat(erased.consents().newsletter()).isFalse();
            assertThat(erased.consents().termsAcceptedAt()).isEqualTo(m.consents().termsAcceptedAt());
            assertThat(erased.toString()).doesNotContain(given, family, "Société", "rue");
        }
    }

    private static void assertConflict(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "member.erased");
    }
}
