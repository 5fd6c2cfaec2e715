package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.mail.MailTemplates;
import fr.maillage.application.mail.OutgoingMail;
import fr.maillage.application.mail.QueuedMail;
import fr.maillage.application.mail.port.in.RelayOutboxUseCase;
import fr.maillage.application.mail.port.out.OutboxPort;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.NetworkId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mails are personal data kept no longer than needed: the purge deletes the mails sent or given up (FAILED) before
 * the cutoff, in every network, and never a pending one nor a recent one.
 */
class OutboxRetentionIT extends EndToEndTest {

    @Autowired
    OutboxPort outbox;

    @Autowired
    OutboxRelayPort relayPort;

    @Autowired
    RelayOutboxUseCase relay;

    @Autowired
    UnitOfWorkPort unitOfWork;

    @Test
    void mails_sent_or_failed_before_the_cutoff_are_deleted_and_pending_or_recent_ones_stay() {
        Instant now = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant old = now.minus(Duration.ofDays(120));
        Instant recent = now.minus(Duration.ofDays(10));
        NetworkId a = network("retention-a");
        NetworkId b = network("retention-b");
        for (NetworkId network : List.of(a, b)) {
            for (String key : List.of("old-sent", "old-failed", "recent-sent", "pending")) {
                unitOfWork.inTenant(network, () -> {
                    outbox.enqueue(OutgoingMail.of("camille-" + UUID.randomUUID() + "@example.org", null, "fr",
                            MailTemplates.PAYMENT_FAILED, Map.of("networkName", "Réseau", "operatorName", "CCSB",
                                    "offerName", "Carte 10 entrées", "amount", "50,00 €", "failedOn", "07/12/2026"),
                            key));
                    return true;
                });
            }
            // The relay's outcomes, recorded at the instants of the scenario (claimed in the order enqueued).
            done(network, old, Outcome.SENT);
            done(network, old, Outcome.FAILED);
            done(network, recent, Outcome.SENT);
        }
        assertThat(statuses(a)).containsExactlyInAnyOrder("old-sent SENT", "old-failed FAILED", "recent-sent SENT",
                "pending PENDING");

        int purged = relay.purgeDoneBefore(now.minus(Duration.ofDays(90)));

        assertThat(purged).as("two in each network, maybe more from other tests' networks").isGreaterThanOrEqualTo(4);
        assertThat(statuses(a)).containsExactlyInAnyOrder("recent-sent SENT", "pending PENDING");
        assertThat(statuses(b)).containsExactlyInAnyOrder("recent-sent SENT", "pending PENDING");
        assertThat(relay.purgeDoneBefore(now.minus(Duration.ofDays(90))))
                .as("nothing of these networks is left to purge").isZero();
    }

    private enum Outcome { SENT, FAILED }

    /** Claims the next due mail of the network and records the outcome at {@code at}. */
    private void done(NetworkId network, Instant at, Outcome outcome) {
        unitOfWork.inTenant(network, () -> {
            QueuedMail mail = relayPort.claimNext(Instant.now().plus(Duration.ofDays(1))).orElseThrow();
            if (outcome == Outcome.SENT) {
                relayPort.markSent(mail.id(), at);
            } else {
                relayPort.markAttemptFailed(mail.id(), 1, null, "550 mailbox unavailable", at);
            }
            return true;
        });
    }

    private List<String> statuses(NetworkId network) {
        String slug = jdbc.queryForObject("select slug from network where id = ?", String.class, network.value());
        return TenantSql.of(jdbc, slug).rows("select dedup_key, status from outbox_mail").stream()
                .map(r -> r.get("dedup_key") + " " + r.get("status")).toList();
    }

    private NetworkId network(String prefix) {
        String slug = newNetwork(prefix);
        return new NetworkId(jdbc.queryForObject("select id from network where slug = ?", UUID.class, slug));
    }
}
