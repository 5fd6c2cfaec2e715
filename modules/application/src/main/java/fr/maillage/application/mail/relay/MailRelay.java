package fr.maillage.application.mail.relay;

import fr.maillage.application.mail.AttachmentRef;
import fr.maillage.application.mail.AttachmentSource;
import fr.maillage.application.mail.MailDeliveryException;
import fr.maillage.application.mail.QueuedMail;

import fr.maillage.application.mail.AttachmentSource.Attachment;
import fr.maillage.application.mail.port.in.RelayOutboxUseCase;
import fr.maillage.application.mail.port.out.MailTransportPort;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outbox relay. For each network, in that network's tenant transaction (row-level security stays forced: the
 * relay reads the outbox like any use case), it claims the oldest due mail with {@code FOR UPDATE SKIP LOCKED},
 * fetches its attachments from the {@link AttachmentSource} of their kind, sends it and marks it SENT, and commits;
 * the row stays locked while the mail is sent, so another relay (another app instance) skips it. A failed attempt
 * is recorded with exponential backoff ({@link Settings#firstRetry()} doubled each time up to
 * {@link Settings#maxRetry()}); after {@link Settings#maxAttempts()} attempts, or a permanent failure, the mail is
 * FAILED. A mail is sent twice only if the process dies between the SMTP server's acceptance and the commit.
 */
public class MailRelay implements RelayOutboxUseCase {

    private static final System.Logger LOG = System.getLogger(MailRelay.class.getName());

    /**
     * How the relay retries: {@code maxAttempts} attempts in all, the first retry after {@code firstRetry}, each next
     * one twice later, at most {@code maxRetry}; at most {@code batch} mails per network and run (fairness).
     */
    public record Settings(int maxAttempts, Duration firstRetry, Duration maxRetry, int batch) {

        public static final Settings DEFAULTS = new Settings(8, Duration.ofMinutes(1), Duration.ofHours(6), 200);

        public Settings {
            if (maxAttempts < 1 || batch < 1 || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("invalid mail relay settings");
            }
        }

        /** The delay before the attempt after {@code attempts} failed ones. */
        public Duration backoff(int attempts) {
            Duration delay = firstRetry;
            for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
        }
    }

    private enum Outcome { NONE, SENT, RETRIED, FAILED }

    private final OutboxRelayPort outbox;
    private final MailTransportPort transport;
    private final LoadNetworkPort networks;
    private final UnitOfWorkPort unitOfWork;
    private final Map<String, AttachmentSource> sources;
    private final Settings settings;

    public MailRelay(OutboxRelayPort outbox, MailTransportPort transport, LoadNetworkPort networks,
            UnitOfWorkPort unitOfWork, List<AttachmentSource> sources, Settings settings) {
        this.outbox = outbox;
        this.transport = transport;
        this.networks = networks;
        this.unitOfWork = unitOfWork;
        this.settings = settings;
        Map<String, AttachmentSource> byKind = new HashMap<>();
        for (AttachmentSource source : sources) {
            if (byKind.put(source.kind(), source) != null) {
                throw new IllegalStateException("two attachment sources for the kind " + source.kind());
            }
        }
        this.sources = Map.copyOf(byKind);
    }

    @Override
    public RelayReport relayDue(Instant now) {
        RelayReport report = new RelayReport(0, 0, 0, 0);
        if (!transport.configured()) {
            return report;
        }
        for (int page = 0; ; page++) {
            PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
            Page<Network> found = unitOfWork.readOnly(() -> networks.list(new NetworkListCriteria(null, request)));
            for (Network network : found.items()) {
                try {
                    report = report.plus(relay(network.id(), now));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Mails of network " + network.slug()
                            + " could not be relayed; retried at the next run", e);
                    report = report.plus(new RelayReport(0, 0, 0, 1));
                }
            }
            if (found.items().size() < request.size()) {
                return report;
            }
        }
    }

    @Override
    public int purgeDoneBefore(Instant cutoff) {
        int purged = 0;
        for (int page = 0; ; page++) {
            PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
            Page<Network> found = unitOfWork.readOnly(() -> networks.list(new NetworkListCriteria(null, request)));
            for (Network network : found.items()) {
                try {
                    purged += unitOfWork.inTenant(network.id(), () -> outbox.purgeDoneBefore(cutoff));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Old mails of network " + network.slug()
                            + " could not be purged; tried again at the next run", e);
                }
            }
            if (found.items().size() < request.size()) {
                return purged;
            }
        }
    }

    /** Up to {@link Settings#batch()} due mails of the network, one transaction each. */
    @Override
    public RelayReport relayDue(NetworkId network, Instant now) {
        if (!transport.configured()) {
            return new RelayReport(0, 0, 0, 0);
        }
        return relay(network, now);
    }

    private RelayReport relay(NetworkId network, Instant now) {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (int i = 0; i < settings.batch(); i++) {
            Outcome outcome = relayOne(network, now);
            switch (outcome) {
                case NONE -> {
                    return new RelayReport(sent, retried, failed, 0);
                }
                case SENT -> sent++;
                case RETRIED -> retried++;
                case FAILED -> failed++;
            }
        }
        return new RelayReport(sent, retried, failed, 0);
    }

    private Outcome relayOne(NetworkId network, Instant now) {
        QueuedMail[] claimed = new QueuedMail[1];
        try {
            return unitOfWork.inTenant(network, () -> {
                Optional<QueuedMail> next = outbox.claimNext(now);
                if (next.isEmpty()) {
                    return Outcome.NONE;
                }
                QueuedMail mail = next.get();
                claimed[0] = mail;
                try {
                    transport.send(mail, attachments(mail));
                } catch (MailDeliveryException e) {
                    return failure(mail, e.getMessage(), e.permanent(), now);
                }
                outbox.markSent(mail.id(), now);
                return Outcome.SENT;
            });
        } catch (RuntimeException e) {
            // The transaction was rolled back (e.g. an attachment source failed in the database): nothing was sent.
            QueuedMail mail = claimed[0];
            if (mail == null) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "Mail " + mail.id() + " could not be prepared", e);
            String reason = "could not be prepared: " + e.getClass().getSimpleName();
            return unitOfWork.inTenant(network, () -> failure(mail, reason, false, now));
        }
    }

    private List<Attachment> attachments(QueuedMail mail) {
        List<Attachment> files = new ArrayList<>();
        for (AttachmentRef ref : mail.mail().attachments()) {
            AttachmentSource source = sources.get(ref.kind());
            if (source == null) {
                throw new MailDeliveryException("no attachment source for the kind " + ref.kind(), true);
            }
            files.add(source.fetch(ref.id()).orElseThrow(
                    () -> new MailDeliveryException("attachment " + ref.kind() + " " + ref.id() + " not found", false)));
        }
        return files;
    }

    private Outcome failure(QueuedMail mail, @Nullable String reason, boolean permanent, Instant now) {
        int attempts = mail.attempts() + 1;
        boolean giveUp = permanent || attempts >= settings.maxAttempts();
        Instant next = giveUp ? null : now.plus(settings.backoff(attempts));
        String error = reason == null || reason.isBlank() ? "unknown error" : reason;
        outbox.markAttemptFailed(mail.id(), attempts, next, error, now);
        LOG.log(System.Logger.Level.WARNING, "Mail {0} ({1}) of network {2}: attempt {3} failed ({4}); {5}",
                mail.id(), mail.mail().templateCode(), mail.network(), attempts, error,
                giveUp ? "FAILED" : "retried at " + next);
        return giveUp ? Outcome.FAILED : Outcome.RETRIED;
    }
}
