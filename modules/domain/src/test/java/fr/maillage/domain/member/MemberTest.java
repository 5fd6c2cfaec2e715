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

class MemberTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:30:00Z");

    private static Member camille(MemberSource source, String subject) {
        return Member.create(new MemberId(UUID.randomUUID()), new NetworkId(UUID.randomUUID()), subject,
                "  Camille.Martin@Example.ORG ", new MemberProfile("  Camille ", "Martin", "06 12 34 56 78", null, null),
                source == MemberSource.SIGN_UP ? new Consents(NOW, false) : Consents.none(), source, NOW);
    }

    @Test
    void a_new_member_is_active_with_a_lower_cased_email_and_normalised_values() {
        Member m = camille(MemberSource.SIGN_UP, "sub-1");
        assertThat(m.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(m.email()).isEqualTo("camille.martin@example.org");
        assertThat(m.givenName()).isEqualTo("Camille");
        assertThat(m.phone()).isEqualTo("+33612345678");
        assertThat(m.displayName()).isEqualTo("Camille Martin");
        assertThat(m.version()).isZero();
        assertThat(m.erasedAt()).isNull();
    }

    @Test
    void names_are_one_to_one_hundred_characters_with_white_space_collapsed() {
        assertThat(MemberProfile.givenName(" Jean   Pierre ")).isEqualTo("Jean Pierre");
        assertThat(MemberProfile.familyName("x".repeat(100))).hasSize(100);
        assertCode(() -> MemberProfile.givenName("  "), "member.given-name.length");
        assertCode(() -> MemberProfile.familyName("x".repeat(101)), "member.family-name.length");
        assertCode(() -> MemberProfile.givenName("Ca\tmille"), "text.control-characters");
        assertThat(MemberProfile.familyName("🌿".repeat(100))).as("code points, not chars").isNotEmpty();
    }

    @Test
    void a_company_is_optional_and_at_most_160_characters() {
        assertThat(new MemberProfile("A", "B", " ", "  ", null).company()).isNull();
        assertThat(new MemberProfile("A", "B", null, "  SARL   Les Tuves ", null).company()).isEqualTo("SARL Les Tuves");
        assertCode(() -> MemberProfile.company("x".repeat(161)), "member.company.length");
    }

    @Test
    void french_phone_numbers_in_every_usual_writing_become_e164() {
        for (String written : new String[] {"06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678",
                "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "0033 6 12 34 56 78", "+33612345678"}) {
            assertThat(PhoneNumber.normalize(written)).as(written).isEqualTo("+33612345678");
        }
        assertThat(PhoneNumber.normalize("04 75 28 11 22")).isEqualTo("+33475281122");
    }

    @Test
    void overseas_departements_get_their_own_country_code() {
        assertThat(PhoneNumber.normalize("0590 12 34 56")).isEqualTo("+590590123456");
        assertThat(PhoneNumber.normalize("0692 12 34 56")).isEqualTo("+262692123456");
        assertThat(PhoneNumber.normalize("0696 12 34 56")).isEqualTo("+596696123456");
        assertThat(PhoneNumber.normalize("0594 12 34 56")).isEqualTo("+594594123456");
        assertThat(PhoneNumber.normalize("0639 12 34 56")).isEqualTo("+262639123456");
    }

    @Test
    void international_numbers_keep_their_country_code() {
        assertThat(PhoneNumber.normalize("+41 22 123 45 67")).isEqualTo("+41221234567");
        assertThat(PhoneNumber.normalize("0032 2 123 45 67")).isEqualTo("+3221234567");
    }

    @Test
    void malformed_phone_numbers_are_refused() {
        for (String bad : new String[] {"06 12 34 56", "06 12 34 56 78 9", "6 12 34 56 78", "00 12 34",
                "+33 06 12 34 56 78", "+1 234", "+1234567890123456", "06 12 AB 56 78", "tel: 0612345678", "+",
                "++33612345678", "0612345678 ext 2"}) {
            assertThatThrownBy(() -> PhoneNumber.normalize(bad)).as(bad).isInstanceOf(InvalidValueException.class)
                    .hasFieldOrPropertyWithValue("code", "member.phone.format");
        }
    }

    @Test
    void normalising_twice_changes_nothing_for_any_valid_french_number() {
        Random random = new Random(20250314);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder national = new StringBuilder("0").append(1 + random.nextInt(9));
            for (int d = 0; d < 8; d++) {
                national.append(random.nextInt(10));
            }
            String once = PhoneNumber.normalize(national.toString());
            assertThat(once).as(national.toString()).startsWith("+").hasSizeBetween(12, 13);
            assertThat(PhoneNumber.normalize(once)).as(national.toString()).isEqualTo(once);
        }
    }

    @Test
    void a_profile_change_keeps_the_email_identity_and_consents() {
        Member m = camille(MemberSource.SIGN_UP, "sub-1");
        PostalAddress address = new PostalAddress("Place du Lac", null, "05700", "Serres");
        Member changed = m.withProfile(new MemberProfile("Camille", "Martin-Roux", null, "Les Tuves", address));
        assertThat(changed.familyName()).isEqualTo("Martin-Roux");
        assertThat(changed.phone()).isNull();
        assertThat(changed.address()).isEqualTo(address);
        assertThat(changed.email()).isEqualTo(m.email());
        assertThat(changed.subject()).isEqualTo("sub-1");
        assertThat(changed.consents()).isEqualTo(m.consents());
        assertThat(changed.version()).isEqualTo(m.version());
        assertThat(changed.profile().company()).isEqualTo("Les Tuves");
    }

    @Test
    void linking_sets_the_subject_once_and_terms_keep_their_first_acceptance() {
        Member created = camille(MemberSource.MANAGER, null);
        assertThat(created.consents().termsAcceptedAt()).isNull();
        Member linked = created.linkTo("sub-2").acceptTerms(NOW).withNewsletter(true);
        assertThat(linked.subject()).isEqualTo("sub-2");
        assertThat(linked.consents()).isEqualTo(new Consents(NOW, true));
        assertThat(linked.acceptTerms(NOW.plusSeconds(60)).consents().termsAcceptedAt()).isEqualTo(NOW);
        assertThat(linked.linkTo("sub-2")).isEqualTo(linked);
        assertThatThrownBy(() -> linked.linkTo("someone-else")).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "member.email.taken");
    }

    @Test
    void a_member_is_written_to_in_french_unless_they_choose_english() {
        Member m = camille(MemberSource.SIGN_UP, "sub-1");
        assertThat(m.language()).isEqualTo("fr");
        Member english = m.withLanguage(" EN ");
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.withProfile(m.profile()).withNewsletter(true).acceptTerms(NOW).language())
                .as("kept by the other changes").isEqualTo("en");
        assertThatThrownBy(() -> m.withLanguage("de")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("member.language.unknown");
        assertThat(english.erase(NOW).language()).as("nothing of the person is kept").isEqualTo("fr");
    }

    @Test
    void an_erased_member_cannot_be_changed() {
        Member m = camille(MemberSource.SIGN_UP, "sub-1");
        Member erased = new Member(m.id(), m.network(), null, "erased-" + m.id() + "@invalid", "-", "-", null, null,
                null, Consents.none(), "fr", MemberStatus.ERASED, m.source(), m.createdAt(), NOW, 3);
        assertThat(erased.isErased()).isTrue();
        for (Runnable change : new Runnable[] {() -> erased.withProfile(m.profile()), () -> erased.withNewsletter(true),
                () -> erased.acceptTerms(NOW), () -> erased.linkTo("sub-1")}) {
            assertThatThrownBy(change::run).isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("code", "member.erased");
        }
    }

    @Test
    void a_malformed_email_is_refused_even_past_the_application() {
        assertCode(() -> Member.create(new MemberId(UUID.randomUUID()), new NetworkId(UUID.randomUUID()), null, "  ",
                new MemberProfile("A", "B", null, null, null), Consents.none(), MemberSource.MANAGER, NOW),
                "email.invalid");
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", code);
    }
}
